"""Applicants' name keys and appeals' search lemmas made again in the matching form (`priemnaya.matching`):
zero-width spaces, soft hyphens, NFD letters, full-width letters and digits, Latin look-alikes in Cyrillic
words no longer hide a name or a word from search. What people typed stays as it was.

A batch a transaction; at a million appeals this takes minutes (README, "Measured"). The same is
`manage.py rekey_search`, which may be run again at any time."""

from django.db import migrations


def forward(apps, schema_editor):
    from appeals.models import name_key
    from appeals.search import appeal_index_text
    from priemnaya.rekeying import rekey

    rekey(apps.get_model("appeals", "Applicant"), "name_key", ("full_name",), name_key)
    sources = ("text", "short_content", "address_text", "number")
    rekey(apps.get_model("appeals", "Appeal"), "search_lemmas", sources, appeal_index_text)


class Migration(migrations.Migration):
    atomic = False  # a transaction a batch (priemnaya.rekeying)

    dependencies = [
        ("appeals", "0009_applicant_search_idx"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

"""Buildings' search keys made again in the matching form (`priemnaya.matching.fold`): a street typed with a
soft hyphen, full-width letters or a Latin look-alike («Heвский») is found as any other. The text stays."""

from django.db import migrations


def forward(apps, schema_editor):
    from housing.addresses import building_search_key
    from priemnaya.rekeying import rekey

    Building = apps.get_model("housing", "Building")
    rekey(Building, "search_key", ("street", "house", "korpus", "litera"), building_search_key)


class Migration(migrations.Migration):
    atomic = False  # a transaction a batch (priemnaya.rekeying)

    dependencies = [
        ("housing", "0003_verbose_names"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

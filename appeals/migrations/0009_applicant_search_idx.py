"""PostgreSQL: indexes for the journal's search of applicants.

The last digits of a phone: an index on the reversed number turns «ends with» into «starts with»,
which a b-tree answers. The beginning of a name: a pattern index that holds the id as well, so the
thousands of applicants of a common surname are read from the index alone. SQLite reads the
applicants through (a few tens of thousands of rows at its scale)."""

from django.db import migrations

PG_FORWARD = [
    "CREATE INDEX applicant_phone_tail_idx ON appeals_applicant (reverse(phone) text_pattern_ops)",
    "CREATE INDEX applicant_name_prefix_idx ON appeals_applicant (name_key varchar_pattern_ops) INCLUDE (id)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS applicant_name_prefix_idx",
    "DROP INDEX IF EXISTS applicant_phone_tail_idx",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("appeals", "0008_verbose_names")]

    operations = [migrations.RunPython(_on_postgresql(PG_FORWARD), _on_postgresql(PG_BACKWARD))]

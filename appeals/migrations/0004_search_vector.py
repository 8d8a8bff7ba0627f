"""PostgreSQL: keep the lemmas' tsvector in a stored generated column and index that instead of the
expression. A row-by-row check then reads the stored vector instead of parsing the lemmas again, so the
planner may walk the newest-first journal index for frequent words and stop after one page.
SQLite keeps its FTS5 table. Rewrites appeals_appeal once."""

from django.db import migrations

PG_FORWARD = [
    "ALTER TABLE appeals_appeal ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (strip(to_tsvector('simple'::regconfig, search_lemmas))) STORED",
    "CREATE INDEX appeal_search_idx ON appeals_appeal USING gin (search_vector)",
    "DROP INDEX IF EXISTS appeal_fts_idx",
]
PG_BACKWARD = [
    "CREATE INDEX IF NOT EXISTS appeal_fts_idx ON appeals_appeal "
    "USING gin (to_tsvector('simple'::regconfig, search_lemmas))",
    "DROP INDEX IF EXISTS appeal_search_idx",
    "ALTER TABLE appeals_appeal DROP COLUMN IF EXISTS search_vector",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("appeals", "0003_reference_data")]

    operations = [migrations.RunPython(_on_postgresql(PG_FORWARD), _on_postgresql(PG_BACKWARD))]

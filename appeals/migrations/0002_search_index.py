"""Full-text index over Appeal.search_lemmas: FTS5 on SQLite, a GIN tsvector index on PostgreSQL."""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE appeals_appeal_fts USING fts5("
    "search_lemmas, content='appeals_appeal', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER appeals_appeal_fts_ai AFTER INSERT ON appeals_appeal BEGIN "
    "INSERT INTO appeals_appeal_fts(rowid, search_lemmas) VALUES (new.id, new.search_lemmas); END",
    "CREATE TRIGGER appeals_appeal_fts_ad AFTER DELETE ON appeals_appeal BEGIN "
    "INSERT INTO appeals_appeal_fts(appeals_appeal_fts, rowid, search_lemmas) "
    "VALUES ('delete', old.id, old.search_lemmas); END",
    "CREATE TRIGGER appeals_appeal_fts_au AFTER UPDATE OF search_lemmas ON appeals_appeal BEGIN "
    "INSERT INTO appeals_appeal_fts(appeals_appeal_fts, rowid, search_lemmas) "
    "VALUES ('delete', old.id, old.search_lemmas); "
    "INSERT INTO appeals_appeal_fts(rowid, search_lemmas) VALUES (new.id, new.search_lemmas); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS appeals_appeal_fts_au",
    "DROP TRIGGER IF EXISTS appeals_appeal_fts_ad",
    "DROP TRIGGER IF EXISTS appeals_appeal_fts_ai",
    "DROP TABLE IF EXISTS appeals_appeal_fts",
]
PG_CREATE = ["CREATE INDEX appeal_fts_idx ON appeals_appeal USING gin (to_tsvector('simple'::regconfig, search_lemmas))"]
PG_DROP = ["DROP INDEX IF EXISTS appeal_fts_idx"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("appeals", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": PG_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": PG_DROP}),
        )
    ]

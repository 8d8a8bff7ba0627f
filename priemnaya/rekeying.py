"""Stored keys brought up to date when the way they are made changes (`priemnaya.matching`).

Appeals' lemmas, applicants' name keys and buildings' address keys are made from the stored text when a row
is saved; rows saved before a change keep the old keys until re-keyed. The data migrations that follow such
a change and `manage.py rekey_search` use this.
"""

from collections.abc import Callable

from django.db import connection, transaction

BATCH = 2000


def rekey(model, field: str, sources: tuple[str, ...], make: Callable[..., str],
          batch: int = BATCH) -> tuple[int, int]:
    """Set `field` of every row of `model` to `make(*sources)`; (rows read, rows changed). Rows are read by
    id a batch at a time and the changed ones written in one transaction each, so no long transaction holds
    the table; a row whose key is right is not written."""
    last, read, changed = 0, 0, 0
    while True:
        rows = list(model.objects.filter(pk__gt=last).order_by("pk").values_list("pk", field, *sources)[:batch])
        if not rows:
            return read, changed
        last = rows[-1][0]
        stale = [(key, pk) for pk, old, *values in rows if (key := make(*values)) != old]
        if stale:
            _write(model, field, stale)
        read, changed = read + len(rows), changed + len(stale)


def _write(model, field: str, keys: list[tuple[str, int]]) -> None:
    """One UPDATE a row, sent together: bulk_update's CASE WHEN costs more the more rows it holds."""
    meta = model._meta
    column, pk = meta.get_field(field).column, meta.pk.column
    quote = connection.ops.quote_name
    sql = f"UPDATE {quote(meta.db_table)} SET {quote(column)} = %s WHERE {quote(pk)} = %s"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, keys)

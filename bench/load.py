"""Writing generated rows fast: COPY on PostgreSQL, bulk_create on SQLite, and what surrounds the load."""

import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from django.db import connection, connections, transaction
from django.db.models import Count

from appeals.journal import filter_due
from appeals.models import Appeal, AppealEvent, Applicant, OutgoingRequest
from housing.models import Building

LOADED = (Applicant, Appeal, AppealEvent, OutgoingRequest, Appeal.linked.through)
WITH_OWN_IDS = (Applicant, Appeal)  # the generator numbers these itself: their sequences move after the load

_SECONDARY_INDEXES = """
    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
    WHERE i.indrelid::regclass::text = ANY(%s) AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"""
_FOREIGN_KEYS = """
    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
    WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)"""


class Sink:
    """Where the rows go. Refuses a model with a column the generator does not fill."""

    def __init__(self) -> None:
        self.postgres = connection.vendor == "postgresql"
        self.checked: set = set()

    def write(self, model, fields: Sequence[str], rows: list[tuple]) -> None:
        if model not in self.checked:
            missing = {f.attname for f in model._meta.concrete_fields if not f.primary_key} - set(fields)
            if missing:
                raise SystemExit(f"{model._meta.label}: the generator does not fill {sorted(missing)}")
            self.checked.add(model)
        if not rows:
            return
        if not self.postgres:
            model.objects.bulk_create([model(**dict(zip(fields, row, strict=True))) for row in rows], batch_size=500)
            return
        columns = ", ".join(connection.ops.quote_name(model._meta.get_field(f).column) for f in fields)
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)


class Loader(threading.Thread):
    """Writes batches on its own connection, in one transaction, while the caller makes the next batch:
    Python composes appeals on one core while the database stores them on the other."""

    _ABORT = object()

    def __init__(self, timings: dict, last_step: Callable[[], None]):
        super().__init__(name="bench-loader", daemon=True)
        self.batches: queue.Queue = queue.Queue(maxsize=2)
        self.timings, self.last_step, self.error = timings, last_step, None

    def run(self) -> None:
        try:
            with transaction.atomic(), fast_load(self.timings) as sink:
                while (batch := self.batches.get()) is not None:
                    if batch is self._ABORT:
                        raise RuntimeError("generation failed; nothing is saved")
                    for model, fields, rows in batch:
                        sink.write(model, fields, rows)
                self.last_step()
        except BaseException as error:  # handed to the caller in `put` / `close`
            self.error = error
        finally:
            connections.close_all()

    def put(self, batch) -> None:
        while True:
            if self.error is not None or not self.is_alive():
                raise RuntimeError("the loader stopped") from self.error
            try:
                return self.batches.put(batch, timeout=1)
            except queue.Full:
                continue

    def close(self, failed: bool = False) -> None:
        if self.is_alive():
            self.batches.put(self._ABORT if failed else None)
        self.join()
        if self.error is not None and not failed:
            raise self.error


@contextmanager
def fast_load(timings: dict) -> Iterator[Sink]:
    """Run inside one transaction: on PostgreSQL the loaded tables lose their secondary indexes and
    foreign keys for the load and get them back (checked) at the end; a failure rolls all of it back."""
    sink = Sink()
    if not sink.postgres:
        with _keep_timestamps():
            yield sink
        return
    tables = [m._meta.db_table for m in LOADED]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
        cursor.execute(_SECONDARY_INDEXES, [tables])
        indexes = cursor.fetchall()
        cursor.execute(_FOREIGN_KEYS, [tables])
        foreign_keys = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
        for table, name, _definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    yield sink
    started = time.monotonic()
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
        for model in WITH_OWN_IDS:
            table = model._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"(SELECT COALESCE(MAX(id), 1) FROM {table}))")
    timings["indexes_and_keys"] = time.monotonic() - started


@contextmanager
def _keep_timestamps() -> Iterator[None]:
    """bulk_create would stamp every appeal with today; the history needs its own dates."""
    fields = [Appeal._meta.get_field(name) for name in ("created_at", "updated_at")]
    saved = [(f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, (auto_now, auto_now_add) in zip(fields, saved, strict=True):
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def finish(timings: dict) -> None:
    """Fresh statistics for the planner (and, on PostgreSQL, hint bits and the visibility map)."""
    started = time.monotonic()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for model in LOADED:
                cursor.execute(f"VACUUM (FREEZE, ANALYZE) {model._meta.db_table}")
        else:
            cursor.execute("ANALYZE")
    timings["vacuum_analyze"] = time.monotonic() - started


def report() -> None:
    by_status = dict(Appeal.objects.values_list("status").annotate(n=Count("id")).order_by("status"))
    print(f"appeals {sum(by_status.values())}, events {AppealEvent.objects.count()}, "
          f"applicants {Applicant.objects.count()}, buildings {Building.objects.count()}, "
          f"outgoing requests {OutgoingRequest.objects.count()}, links {Appeal.linked.through.objects.count()}")
    print("by status: " + ", ".join(f"{k} {v}" for k, v in by_status.items()))
    print(f"overdue open appeals: {filter_due(Appeal.objects.all(), 'overdue').count()}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            print(f"database size: {cursor.fetchone()[0]}")

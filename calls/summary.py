"""The calls summed up per (day, hour, operator): what the statistics page reads instead of the calls.

A cell (`CallSummary`) holds the calls of one hour of one day (the company's time zone) taken by one operator
(`operator_key` 0: none): how many, how many missed, talk time, and for each measure of table 5.3.1 the sum of
its seconds and a histogram of them. The histogram's buckets are whole seconds rounded up — bucket b holds
the values in (b − 1, b] — up to `FINE` seconds, then a minute each up to `TAIL_END`, then one bucket for all
longer. Rounded up, "within a norm of N seconds" (≤ N) is exact for any whole-second norm up to `FINE` (and any
whole minute up to `TAIL_END`), so a norm changed by staff needs no rebuild. The histogram is stored compactly:
the occupied buckets only, as little-endian pairs of 32-bit (slot, count), slot = measure's index × BUCKETS +
bucket.

`refresh(cells)` recomputes the given cells from their calls, then the rows that add them up over days and
months (`calls.rollup`); `Call.save`, the delete signal and the CDR import (whose bulk insert bypasses save)
call it in the transaction that changes the calls. A `QuerySet.update` of calls' moments or operators
bypasses it: call `refresh` after one, or `rebuild_call_summary`."""

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

FINE = 1800  # whole seconds up to this
TAIL_STEP = 60
TAIL_END = 3 * 3600
BUCKETS = FINE + 1 + (TAIL_END - FINE) // TAIL_STEP + 1
CODES = ("waiting", "finding", "informing", "wrap_up", "connecting", "specialist")
FIELDS = ("ringing_at", "answered_at", "found_at", "transferred_at", "connected_at", "specialist_ended_at",
          "ended_at", "wrapped_up_at", "operator_id")

SLOTS = len(CODES) * BUCKETS
VALUES = ("calls", "missed", "talk_count", "talk_sum", *(f"{code}_sum" for code in CODES))  # added up as they are
DENSE = 1 << 20  # `merged` counts into every slot of up to this many (8 MB)
LOCKS = 0x43414C4C  # the first key of the summary's advisory locks; the second is a month

Cell = tuple[dt.date, int, int]  # day, hour, operator_key


def bucket(seconds: float) -> int:
    whole = math.ceil(seconds) if seconds > 0 else 0
    if whole <= FINE:
        return whole
    if whole <= TAIL_END:
        return FINE + math.ceil((whole - FINE) / TAIL_STEP)
    return BUCKETS - 1


def bucket_value(index: int) -> int:
    """The upper bound of a bucket, in seconds (the last: a minute past `TAIL_END`, "longer")."""
    return index if index <= FINE else FINE + (index - FINE) * TAIL_STEP


def merged(owners: Sequence[int], blobs: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Stored histograms added up per owner (a group's number, from 0): the occupied keys, owner × SLOTS +
    slot, ascending, and their counts. Few owners are counted into every slot of theirs (no sort); many are
    sorted, unless each has one part and they come in order, which is sorted already."""
    pairs = np.frombuffer(b"".join(blobs), dtype="<u4").reshape(-1, 2)
    owners = np.asarray(owners, dtype=np.int64)
    keys = np.repeat(owners, [len(blob) // 8 for blob in blobs]) * SLOTS + pairs[:, 0]
    counts = pairs[:, 1].astype(np.int64)
    span = (int(owners.max()) + 1) * SLOTS if len(owners) else 0
    if span <= DENSE:
        dense = np.bincount(keys, weights=counts, minlength=span)
        found = np.flatnonzero(dense)
        return found, dense[found].astype(np.int64)
    if len(keys) and not (keys[1:] > keys[:-1]).all():
        order = np.argsort(keys, kind="stable")
        keys, counts = keys[order], counts[order]
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        keys, counts = keys[starts], np.add.reduceat(counts, starts)
    return keys, counts


def packed(keys: np.ndarray, counts: np.ndarray, owners: int) -> list[bytes]:
    """`merged`'s result stored again: one histogram per owner, as a cell's."""
    bounds = np.searchsorted(keys // SLOTS, np.arange(owners + 1))
    pairs = np.stack([keys % SLOTS, counts], axis=1).astype("<u4")
    return [pairs[bounds[i]:bounds[i + 1]].tobytes() for i in range(owners)]


def _seconds(end, start) -> float | None:
    if end is None or start is None:
        return None
    return round((end - start).total_seconds(), 3)  # as the row-level query on SQLite


def measures_of(row: dict) -> tuple[float | None, ...]:
    """A call's six measures (the Call docstring), in the order of CODES."""
    return (
        _seconds(row["answered_at"], row["ringing_at"]),
        _seconds(row["found_at"], row["answered_at"]),
        _seconds(row["transferred_at"] or row["ended_at"], row["found_at"]),
        _seconds(row["wrapped_up_at"], row["ended_at"]),
        _seconds(row["connected_at"], row["transferred_at"]),
        _seconds(row["specialist_ended_at"], row["connected_at"]),
    )


def cell_of(ringing_at: dt.datetime, operator_id: int | None) -> Cell:
    local = timezone.localtime(ringing_at, timezone.get_default_timezone())
    return local.date(), local.hour, operator_id or 0


class _Tally:
    def __init__(self):
        self.calls = self.missed = self.talk_count = 0
        self.talk_sum = 0.0
        self.sums = [0.0] * len(CODES)
        self.histogram: Counter = Counter()

    def add(self, row: dict) -> None:
        self.calls += 1
        if row["answered_at"] is None and row["ended_at"] is not None:
            self.missed += 1
        talk = _seconds(row["ended_at"], row["answered_at"])
        if talk is not None:
            self.talk_count += 1
            self.talk_sum += talk
        for index, seconds in enumerate(measures_of(row)):
            if seconds is not None:
                self.sums[index] += seconds
                self.histogram[index * BUCKETS + bucket(seconds)] += 1

    def packed(self) -> bytes:

        pairs = sorted(self.histogram.items())
        return np.array(pairs, dtype="<u4").tobytes() if pairs else b""


def _tallies(rows: Iterable[dict]) -> dict[Cell, _Tally]:
    tallies: dict[Cell, _Tally] = defaultdict(_Tally)
    for row in rows:
        tallies[cell_of(row["ringing_at"], row["operator_id"])].add(row)
    return tallies


def _summary_rows(model, tallies: dict[Cell, _Tally]) -> list:
    return [model(day=day, hour=hour, operator_key=operator, calls=t.calls, missed=t.missed,
                  talk_count=t.talk_count, talk_sum=t.talk_sum, histogram=t.packed(),
                  **{f"{code}_sum": t.sums[i] for i, code in enumerate(CODES)})
            for (day, hour, operator), t in tallies.items()]


def _hour_range(day: dt.date, hour: int) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_default_timezone()
    since = dt.datetime.combine(day, dt.time(hour), tzinfo=tz)
    return since, since + dt.timedelta(hours=1)


def lock(days: Iterable[dt.date]) -> None:
    """Two transactions refreshing the summary of one month wait for each other, so that each recomputes its
    cells and the month's rows from what the other committed (PostgreSQL; SQLite writes one at a time)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for month in sorted({day.year * 12 + day.month - 1 for day in days}):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCKS, month])


def refresh(cells: Iterable[Cell]) -> None:
    """Recompute the given cells from their calls, and the day's and month's rows that add them up, in the
    current transaction (one is opened if none)."""
    from . import rollup
    from .models import Call, CallSummary

    by_hour: dict[tuple[dt.date, int], set[int]] = defaultdict(set)
    for day, hour, operator in cells:
        by_hour[(day, hour)].add(operator)
    if not by_hour:
        return
    with transaction.atomic():
        lock(day for day, _ in by_hour)
        for (day, hour), operators in sorted(by_hour.items()):
            since, until = _hour_range(day, hour)
            calls = Call.objects.filter(ringing_at__gte=since, ringing_at__lt=until)
            if 0 in operators:
                calls = calls.filter(models_q(operators))
            else:
                calls = calls.filter(operator_id__in=operators)
            tallies = {cell: t for cell, t in _tallies(calls.order_by().values(*FIELDS).iterator()).items()
                       if cell[2] in operators}
            CallSummary.objects.filter(day=day, hour=hour, operator_key__in=operators).delete()
            CallSummary.objects.bulk_create(_summary_rows(CallSummary, tallies))
        rollup.refresh({(day, hour, op) for (day, hour), ops in by_hour.items() for op in ops})


def models_q(operators: set[int]):
    from django.db.models import Q

    return Q(operator_id__isnull=True) | Q(operator_id__in=[op for op in operators if op])


def refresh_calls(calls: Iterable) -> None:
    """Refresh the cells of these calls (model instances, e.g. just bulk-inserted)."""
    refresh({cell_of(call.ringing_at, call.operator_id) for call in calls})


def rebuild(start: dt.date | None = None, end: dt.date | None = None, *, chunk: int = 20000) -> tuple[int, int]:
    """Rebuild the cells of the days from `start` to `end` (inclusive; either open: from the first or to the
    last day known) from the calls, then the rows of their months from the cells; the numbers of cells and
    of rows written."""
    from . import rollup

    with transaction.atomic():
        if start is None or end is None:
            first, last = _days_known()
            start, end = start or first, end or last
        if start is None or end is None:
            return 0, 0
        lock(rollup.months(start, end))
        cells = rebuild_cells(start, end, chunk=chunk)
        return cells, rollup.rebuild(start, end)


def rebuild_cells(start: dt.date | None = None, end: dt.date | None = None, *, call_model=None, summary_model=None,
                  chunk: int = 20000) -> int:
    """Rebuild the cells of the days from `start` to `end` (inclusive; either open) from the calls, and only
    them; the number of cells written. The models may be a migration's historical ones."""
    if call_model is None:
        from .models import Call as call_model
    if summary_model is None:
        from .models import CallSummary as summary_model
    tz = timezone.get_default_timezone()
    calls = call_model.objects.order_by()
    cells = summary_model.objects.all()
    if start is not None:
        calls = calls.filter(ringing_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz))
        cells = cells.filter(day__gte=start)
    if end is not None:
        calls = calls.filter(ringing_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
        cells = cells.filter(day__lte=end)
    with transaction.atomic():
        cells.delete()
        tallies = _tallies(calls.values(*FIELDS).iterator(chunk_size=chunk))
        rows = _summary_rows(summary_model, tallies)
        for i in range(0, len(rows), 5000):
            summary_model.objects.bulk_create(rows[i:i + 5000])
    return len(rows)


def _days_known() -> tuple[dt.date | None, dt.date | None]:
    """The first and the last day of any call, cell or row of the summary."""
    from .models import Call, CallRollup, CallSummary

    tz = timezone.get_default_timezone()
    calls = Call.objects.aggregate(first=Min("ringing_at"), last=Max("ringing_at"))
    cells = CallSummary.objects.aggregate(first=Min("day"), last=Max("day"))
    rows = CallRollup.objects.aggregate(first=Min("start"), last=Max("start"))
    firsts = [d for d in (calls["first"] and timezone.localtime(calls["first"], tz).date(), cells["first"],
                          rows["first"]) if d]
    lasts = [d for d in (calls["last"] and timezone.localtime(calls["last"], tz).date(), cells["last"],
                         rows["last"]) if d]
    return min(firsts, default=None), max(lasts, default=None)

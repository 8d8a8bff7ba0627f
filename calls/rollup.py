"""The summary's cells added up over days and months (`CallRollup`), so that a long period reads a few hundred
rows rather than every cell of it.

For each day: per hour (all operators), per operator (all hours) and the whole day; for each month: per hour
and per operator. A period is read as its whole months from the month's rows and its odd days (before the
first whole month, after the last) from the days' rows (`split`). A row adds up its cells' calls, sums and
histograms, and counts the cells with an operator: per hour of a day, the operators who took calls in it.

`refresh(cells)` recomputes the rows that hold the given cells, after the cells, in their transaction
(`summary.refresh` calls it); `rebuild(start, end)` builds the rows of the months of those days anew from
their cells. Either way a row is the same bytes: histograms are added up into ascending slots."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from . import summary
from .models import CallRollup, CallSummary

Span = CallRollup.Span
DAY_SPANS = (Span.DAY_HOUR, Span.DAY_OPERATOR, Span.DAY)

Part = tuple[object, tuple, int, bytes]  # key, the VALUES, cells with an operator, histogram
CELL_COLUMNS = ("day", "hour", "operator_key", *summary.VALUES, "histogram")


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first days of the months from the one of `start` to the one of `end`."""
    found, month = [], month_of(start)
    while month <= end:
        found.append(month)
        month = month_end(month) + dt.timedelta(days=1)
    return found


def split(start: dt.date, end: dt.date) -> tuple[list[dt.date], list[tuple[dt.date, dt.date]]]:
    """The whole months within the days from `start` to `end` (their first days), and the ranges of the days
    left over: before the first whole month and after the last, or all of them when there is none."""
    whole = [m for m in months(start, end) if m >= start and month_end(m) <= end]
    if not whole:
        return [], [(start, end)]
    odd = []
    if start < whole[0]:
        odd.append((start, whole[0] - dt.timedelta(days=1)))
    if month_end(whole[-1]) < end:
        odd.append((month_end(whole[-1]) + dt.timedelta(days=1), end))
    return whole, odd


def added(parts: list[Part]) -> dict[object, tuple[list, int, bytes]]:
    """Per key: the VALUES added up, the cells with an operator, the histograms added up."""
    keys = list(dict.fromkeys(part[0] for part in parts))
    index = {key: i for i, key in enumerate(keys)}
    owners = [index[part[0]] for part in parts]
    blobs = summary.packed(*summary.merged(owners, [part[3] for part in parts]), len(keys))
    sums = [[0] * len(summary.VALUES) for _ in keys]
    operators = [0] * len(keys)
    for owner, (_, values, with_operator, _) in zip(owners, parts, strict=True):
        row = sums[owner]
        for i, value in enumerate(values):
            row[i] += value
        operators[owner] += with_operator
    return {key: (sums[i], operators[i], blobs[i]) for i, key in enumerate(keys)}


def _row(model, span: str, start: dt.date, key: int, total: tuple[list, int, bytes]):
    values, operators, histogram = total
    return model(span=span, start=start, key=key, operators=operators, histogram=histogram,
                 **dict(zip(summary.VALUES, values, strict=True)))


def _cell_parts(found: Iterable[tuple]) -> list[tuple]:
    """(day, hour, operator_key, part) of each cell read as `day, hour, operator_key, *VALUES, histogram`."""
    return [(day, hour, op, (tuple(values), 1 if op else 0, bytes(histogram)))
            for day, hour, op, *values, histogram in found]


def _store(model, wanted: set[tuple], totals: dict[tuple, tuple]) -> None:
    """Write the rows (span, start, key) wanted: those with cells as added up, the others deleted."""
    empty: dict[tuple, set[int]] = defaultdict(set)
    for span, start, key in wanted - totals.keys():
        empty[(span, start)].add(key)
    if empty:
        where = Q()
        for (span, start), keys in empty.items():
            where |= Q(span=span, start=start, key__in=keys)
        model.objects.filter(where).delete()
    rows = [_row(model, *row, totals[row]) for row in sorted(wanted & totals.keys())]
    model.objects.bulk_create(rows, update_conflicts=True, unique_fields=["span", "start", "key"],
                              update_fields=[*summary.VALUES, "operators", "histogram"])


def refresh(cells: Iterable[summary.Cell], *, cell_model=CallSummary, rollup_model=CallRollup) -> None:
    """Recompute the rows that add up the given cells (already refreshed themselves): their hour and operator
    of the day from the cells; then their day, their hour and their operator of the month from those."""
    hours: dict[dt.date, set[int]] = defaultdict(set)
    operators: dict[dt.date, set[int]] = defaultdict(set)
    for day, hour, op in cells:
        hours[day].add(hour)
        operators[day].add(op)
    if not hours:
        return
    where = Q()
    for day in hours:
        where |= Q(day=day) & (Q(hour__in=hours[day]) | Q(operator_key__in=operators[day]))
    parts = []
    for day, hour, op, part in _cell_parts(cell_model.objects.filter(where).values_list(*CELL_COLUMNS)):
        if hour in hours[day]:
            parts.append(((Span.DAY_HOUR, day, hour), *part))
        if op in operators[day]:
            parts.append(((Span.DAY_OPERATOR, day, op), *part))
    wanted = {(span, day, key) for day in hours for span, keys in ((Span.DAY_HOUR, hours[day]),
                                                                  (Span.DAY_OPERATOR, operators[day])) for key in keys}
    _store(rollup_model, wanted, added(parts))

    month_hours: dict[dt.date, set[int]] = defaultdict(set)
    month_operators: dict[dt.date, set[int]] = defaultdict(set)
    for day in hours:
        month_hours[month_of(day)] |= hours[day]
        month_operators[month_of(day)] |= operators[day]
    where = Q(span=Span.DAY_HOUR, start__in=list(hours))
    for month in month_hours:
        within = Q(start__gte=month, start__lte=month_end(month))
        where |= within & (Q(span=Span.DAY_HOUR, key__in=month_hours[month]) |
                           Q(span=Span.DAY_OPERATOR, key__in=month_operators[month]))
    parts = []
    for span, start, key, *values, with_operator, histogram in rollup_model.objects.filter(where).values_list(
            "span", "start", "key", *summary.VALUES, "operators", "histogram"):
        part, month = (tuple(values), with_operator, bytes(histogram)), month_of(start)
        if span == Span.DAY_HOUR and start in hours:
            parts.append(((Span.DAY, start, 0), *part))
        if span == Span.DAY_HOUR and key in month_hours[month]:
            parts.append(((Span.MONTH_HOUR, month, key), *part))
        if span == Span.DAY_OPERATOR and key in month_operators[month]:
            parts.append(((Span.MONTH_OPERATOR, month, key), *part))
    wanted = ({(Span.DAY, day, 0) for day in hours}
              | {(Span.MONTH_HOUR, month, key) for month, keys in month_hours.items() for key in keys}
              | {(Span.MONTH_OPERATOR, month, key) for month, keys in month_operators.items() for key in keys})
    _store(rollup_model, wanted, added(parts))


def rebuild(start: dt.date, end: dt.date, *, cell_model=CallSummary, rollup_model=CallRollup) -> int:
    """Build anew, from their cells, the rows of every month with a day from `start` to `end`; the number of
    rows written."""
    written = 0
    for month in months(start, end):
        last = month_end(month)
        rollup_model.objects.filter(start__gte=month, start__lte=last).delete()
        parts = []
        found = cell_model.objects.filter(day__gte=month, day__lte=last).order_by("day", "hour", "operator_key")
        for day, hour, op, part in _cell_parts(found.values_list(*CELL_COLUMNS).iterator(chunk_size=5000)):
            parts += [((Span.DAY_HOUR, day, hour), *part), ((Span.DAY_OPERATOR, day, op), *part),
                      ((Span.DAY, day, 0), *part), ((Span.MONTH_HOUR, month, hour), *part),
                      ((Span.MONTH_OPERATOR, month, op), *part)]
        rows = [_row(rollup_model, span, day, key, total) for (span, day, key), total in added(parts).items()]
        for i in range(0, len(rows), 5000):
            rollup_model.objects.bulk_create(rows[i:i + 5000])
        written += len(rows)
    return written

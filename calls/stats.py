"""The call centre's measures of table 5.3.1 over a period: averages, the 90th percentile and the share within
each norm, by day, by hour of the day and by operator; missed calls; the hours that break the waiting norm.

The page reads them from the summary per (day, hour, operator) and its rows per day and month
(`calls.summary`, `calls.rollup`, `Summary` below); the row-level aggregation that follows is the reference
the summary is tested against.

Every figure is aggregated in the database, the same on SQLite and PostgreSQL: a measure is the seconds
between two of a call's moments (the Call docstring defines them). The 90th percentile is `percentile_cont`
on PostgreSQL and, on SQLite, which has none, the same linear interpolation between the two ordered values
around the 90 % position, found with a window query."""

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.db.models import Avg, Count, F, FloatField, Func, Q, QuerySet, Value
from django.db.models.aggregates import Aggregate
from django.db.models.functions import Coalesce, ExtractHour, TruncDate
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from . import erlang, rollup, summary
from .models import Call, CallCentreNorms, CallRollup, CallSummary

P = 0.9
Span = CallRollup.Span


class Seconds(Func):
    """Seconds from the second moment to the first, as a float; NULL when either is missing. SQLite's
    julianday is a float of days: rounded to milliseconds, 40 s stays 40 s and within a 40 s norm."""

    output_field = FloatField()

    def as_sqlite(self, compiler, conn, **extra):
        return self.as_sql(compiler, conn, template="ROUND((julianday(%(expressions)s)) * 86400.0, 3)",
                           arg_joiner=") - julianday(", **extra)

    def as_postgresql(self, compiler, conn, **extra):
        return self.as_sql(compiler, conn, template="EXTRACT(EPOCH FROM (%(expressions)s))::float",
                           arg_joiner=" - ", **extra)


class Percentile90(Aggregate):
    """PostgreSQL's ordered-set aggregate (continuous: interpolated between neighbours)."""

    function = "percentile_cont"
    template = f"%(function)s({P}) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    end: str | Func
    start: str

    def seconds(self) -> Seconds:
        end = F(self.end) if isinstance(self.end, str) else self.end
        return Seconds(end, F(self.start))

    def norm(self, norms: CallCentreNorms) -> int:
        return getattr(norms, self.code)


MEASURES = (
    Measure("waiting", "Ожидание ответа оператора", "answered_at", "ringing_at"),
    Measure("finding", "Поиск информации о клиенте", "found_at", "answered_at"),
    Measure("informing", "Предоставление информации", Coalesce("transferred_at", "ended_at"), "found_at"),
    Measure("wrap_up", "Постобработка звонка", "wrapped_up_at", "ended_at"),
    Measure("connecting", "Соединение со специалистом", "connected_at", "transferred_at"),
    Measure("specialist", "Информация специалиста", "specialist_ended_at", "connected_at"),
)
WAITING = MEASURES[0]
MISSED = Q(answered_at__isnull=True, ended_at__isnull=False)


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end` inclusive, in the company's time zone; optionally one operator's calls."""

    start: dt.date
    end: dt.date
    operator_id: int | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def calls(self) -> QuerySet:
        tz = timezone.get_default_timezone()
        since = dt.datetime.combine(self.start, dt.time.min, tzinfo=tz)
        until = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        calls = Call.objects.filter(ringing_at__gte=since, ringing_at__lt=until)
        return calls.filter(operator_id=self.operator_id) if self.operator_id else calls


@dataclass
class Figure:
    """One measure over a group of calls."""

    measure: Measure
    norm: int
    count: int = 0
    average: float | None = None
    p90: float | None = None
    within: int = 0

    @property
    def share_within(self) -> float | None:
        return self.within * 100 / self.count if self.count else None

    @property
    def breaks_norm(self) -> bool:
        return self.p90 is not None and self.p90 > self.norm


@dataclass
class Group:
    key: object
    calls: int = 0
    missed: int = 0
    talk: float | None = None  # average seconds from the answer to the end of the call
    figures: dict[str, Figure] = field(default_factory=dict)

    @property
    def answered(self) -> int:
        return self.calls - self.missed

    @property
    def waiting(self) -> Figure:
        return self.figures["waiting"]

    @property
    def handling(self) -> float | None:
        """The average handling time: talk and post-processing (none measured counts as none done)."""
        if self.talk is None:
            return None
        return self.talk + (self.figures["wrap_up"].average or 0.0)


def _group_expressions() -> dict[str, object]:
    tz = timezone.get_default_timezone()
    return {"day": TruncDate("ringing_at", tzinfo=tz), "hour": ExtractHour("ringing_at", tzinfo=tz),
            "operator": F("operator_id"), "all": Value(1)}


def _aggregates(norms: CallCentreNorms, percentiles: tuple[str, ...]) -> dict[str, object]:
    aggregates = {"calls": Count("pk"), "missed": Count("pk", filter=MISSED),
                  "talk": Avg(Seconds(F("ended_at"), F("answered_at")))}
    for m in MEASURES:
        seconds = m.seconds()
        aggregates[f"{m.code}__count"] = Count(seconds)
        aggregates[f"{m.code}__avg"] = Avg(seconds)
        aggregates[f"{m.code}__within"] = Count("pk", filter=LessThanOrEqual(seconds, Value(float(m.norm(norms)))))
        if connection.vendor == "postgresql" and m.code in percentiles:
            aggregates[f"{m.code}__p90"] = Percentile90(seconds)
    return aggregates


def _key(by: str, value):
    if by == "day" and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return int(value) if by == "hour" and value is not None else value


def percentiles_by_window(calls: QuerySet, by: str, measure: Measure) -> dict:
    """The 90th percentile of the measure per group, by a window query (any database with window functions):
    the values ordered within their group, and the two around position 0.9 × (n − 1) interpolated."""
    inner = calls.order_by().annotate(g=_group_expressions()[by], v=measure.seconds()).filter(
        v__isnull=False).values("g", "v")
    sql, params = inner.query.get_compiler(using=inner.db).as_sql()
    # SQLite's CAST to INTEGER truncates (the floor of a positive number); PostgreSQL's rounds.
    floor = f"FLOOR({P} * (n - 1))" if connection.vendor == "postgresql" else f"CAST({P} * (n - 1) AS INTEGER)"
    query = f"""
        SELECT g, SUM(CASE WHEN rn = lo THEN v * (1 - frac) ELSE v * frac END)
        FROM (SELECT g, v, rn, {floor} + 1 AS lo, {P} * (n - 1) - {floor} AS frac
              FROM (SELECT g, v, ROW_NUMBER() OVER (PARTITION BY g ORDER BY v) AS rn,
                           COUNT(*) OVER (PARTITION BY g) AS n
                    FROM ({sql}) AS measured) AS ranked) AS placed
        WHERE rn = lo OR rn = lo + 1
        GROUP BY g"""
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return {_key(by, g): value for g, value in cursor.fetchall()}


ALL = tuple(m.code for m in MEASURES)


def aggregate_calls(period: Period, by: str, norms: CallCentreNorms | None = None,
                    percentiles: tuple[str, ...] = ALL) -> list[Group]:
    """The row-level reference (what the summary must agree with; too slow for a year): the calls of the
    period grouped by "day", "hour" (of the day), "operator" or "all", each group with
    its calls, missed calls and every measure's count, average and count within the norm, and the 90th
    percentile of the measures named in `percentiles` (each is a sort of the period's values)."""
    norms = norms or CallCentreNorms.current()
    calls = period.calls()
    rows = calls.order_by().annotate(g=_group_expressions()[by]).values("g").annotate(**_aggregates(norms, percentiles))
    groups = {}
    for row in rows.order_by("g"):
        group = Group(_key(by, row["g"]), row["calls"], row["missed"], row["talk"])
        for m in MEASURES:
            group.figures[m.code] = Figure(m, m.norm(norms), row[f"{m.code}__count"], row[f"{m.code}__avg"],
                                           row.get(f"{m.code}__p90"), row[f"{m.code}__within"])
        groups[group.key] = group
    if connection.vendor != "postgresql" and groups:
        for m in (m for m in MEASURES if m.code in percentiles):
            for key, value in percentiles_by_window(calls, by, m).items():
                if key in groups:
                    groups[key].figures[m.code].p90 = value
    return list(groups.values())


def totals_calls(period: Period, norms: CallCentreNorms | None = None) -> Group:
    norms = norms or CallCentreNorms.current()
    found = aggregate_calls(period, "all", norms)
    if found:
        return found[0]
    return Group(None, figures={m.code: Figure(m, m.norm(norms)) for m in MEASURES})


def _fetch(found: QuerySet) -> list[tuple]:
    """A values_list query's rows, the histogram last, as bytes. On PostgreSQL its results come in binary:
    Django's cursors take them as text, and a bytea's text is hex, which cost the server more than the query
    (45 ms for the days of a year)."""
    if connection.vendor != "postgresql":
        return [(*row[:-1], bytes(row[-1])) for row in found]
    import psycopg

    sql, params = found.query.sql_with_params()
    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, binary=True)
        return cursor.fetchall()


class Summary:
    """The period's rows of the summary (`calls.summary`, `calls.rollup`), added up per group here: without
    an operator, the days from the days' rows, the hours and the operators from the whole months' rows and
    the odd days'; one operator's hours from their cells; the totals are the hours added up. Each grouping is
    one query, kept for the other tables of the page. The added-up histograms give each measure's count, the
    count within its norm (exact for any whole-second norm up to `summary.FINE`) and the 90th percentile: as
    `percentile_cont`, the values at ordered positions ⌊0.9 × (n − 1)⌋ and the next, interpolated linearly,
    each value taken as its bucket's upper bound — exact for whole seconds up to `summary.FINE`; with longer
    values, off by less than one bucket (`summary.TAIL_STEP`)."""

    VALUES = np.array([summary.bucket_value(i) for i in range(summary.BUCKETS)], dtype=np.float64)

    def __init__(self, period: Period):
        self.period = period
        self._rows: dict[str, list] = {}
        self._added: dict[str, tuple] = {}

    def rows(self, by: str) -> list[tuple]:
        """(key, *summary.VALUES, cells with an operator, histogram bytes) per row read ("day", "hour" or
        "operator"); a key may have several."""
        if by not in self._rows:
            self._rows[by] = self._read(by)
        return self._rows[by]

    def _read(self, by: str) -> list[tuple]:
        start, end, operator = self.period.start, self.period.end, self.period.operator_id
        values = (*summary.VALUES, "histogram")
        if by == "hour" and operator:
            found = (CallSummary.objects.filter(day__gte=start, day__lte=end, operator_key=operator)
                     .values_list("hour", *summary.VALUES, Value(1), "histogram"))
            return _fetch(found)
        if by == "day":
            where = Q(span=Span.DAY_OPERATOR if operator else Span.DAY, start__gte=start, start__lte=end)
        else:
            month_span, day_span = {"hour": (Span.MONTH_HOUR, Span.DAY_HOUR),
                                    "operator": (Span.MONTH_OPERATOR, Span.DAY_OPERATOR)}[by]
            whole, odd = rollup.split(start, end)
            where = Q(span=month_span, start__in=whole) if whole else Q(pk__in=[])
            for first, last in odd:
                where |= Q(span=day_span, start__gte=first, start__lte=last)
        found = CallRollup.objects.filter(where)
        if operator:
            found = found.filter(key=operator)
        found = found.values_list("start" if by == "day" else "key", *values[:-1], "operators", "histogram")
        return _fetch(found.order_by())

    def added(self, by: str) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
        """Per group, in the order of the row-level query (by key, the calls with no operator last): the keys,
        the histograms added up (`summary.merged`) and the VALUES added up. The totals are the hours'."""
        if by in self._added:
            return self._added[by]
        if by == "all":
            keys, slots, counts, sums = self.added("hour")
            dense = np.bincount(slots % summary.SLOTS, weights=counts, minlength=summary.SLOTS)
            slots = np.flatnonzero(dense)
            found = ([1] if keys else [], slots, dense[slots].astype(np.int64), sums.sum(axis=0, keepdims=True))
        else:
            rows = self.rows(by)
            keys = sorted({row[0] for row in rows}, key=(lambda key: (key == 0, key)) if by == "operator" else None)
            index = {key: i for i, key in enumerate(keys)}
            rows = sorted(rows, key=lambda row: index[row[0]])
            owners = [index[row[0]] for row in rows]
            sums = np.zeros((len(keys), len(summary.VALUES)))
            if rows:
                np.add.at(sums, owners, np.array([row[1:-2] for row in rows], dtype=np.float64))
            found = (keys, *summary.merged(owners, [row[-1] for row in rows]), sums)
        self._added[by] = found
        return found

    def groups(self, by: str, norms: CallCentreNorms, percentiles: tuple[str, ...] = ALL) -> list[Group]:
        keys, slots, counts, sums = self.added(by)
        if not keys:
            return []
        count, within, p90 = self._figures(len(keys), slots, counts, norms, percentiles)
        result = []
        for g, key in enumerate(keys):
            calls, missed, talk_count, talk_sum = int(sums[g, 0]), int(sums[g, 1]), int(sums[g, 2]), sums[g, 3]
            if not calls:
                continue
            group = Group((key or None) if by == "operator" else key, calls, missed,
                          float(talk_sum) / talk_count if talk_count else None)
            for i, m in enumerate(MEASURES):
                n = int(count[g, i])
                group.figures[m.code] = Figure(m, m.norm(norms), n, float(sums[g, 4 + i]) / n if n else None,
                                               None if np.isnan(p90[g, i]) else float(p90[g, i]), int(within[g, i]))
            result.append(group)
        return result

    def _figures(self, n_groups: int, slots, counts, norms: CallCentreNorms, percentiles: tuple[str, ...]):
        """Per group and measure: the count, the count within the norm and the 90th percentile (NaN if none
        or not asked for), from the added-up histograms (`summary.merged`), all at once: a histogram's
        segment is the slots of one group's measure, and positions in the running total of all counts find
        each segment's values by binary search."""
        n_measures = len(MEASURES)
        segments = np.arange(n_groups * n_measures)
        segment_of = slots // summary.BUCKETS  # group × measures + measure
        running = np.concatenate(([0], np.cumsum(counts)))
        base = running[np.searchsorted(segment_of, segments, side="left")]
        count = running[np.searchsorted(segment_of, segments, side="right")] - base
        norm_at = np.searchsorted(self.VALUES, [m.norm(norms) for m in MEASURES], side="right") - 1
        limits = segments * summary.BUCKETS + np.tile(norm_at, n_groups)  # the last bucket within each norm
        within = running[np.searchsorted(slots, limits, side="right")] - base
        last = np.maximum(count - 1, 0)
        position = P * last
        low = np.floor(position)
        high = np.minimum(low + 1, last)
        buckets = slots % summary.BUCKETS

        def value(order):  # the value number `order` (from 0) of each segment
            found = np.searchsorted(running[1:], base + order, side="right")
            return self.VALUES[buckets[np.minimum(found, max(len(buckets) - 1, 0))]] if len(buckets) else order

        v_low, v_high = value(low), value(high)
        p90 = np.where(count > 0, v_low + (v_high - v_low) * (position - low), np.nan)
        wanted = np.array([m.code in percentiles for m in MEASURES])
        p90 = np.where(np.tile(wanted, n_groups), p90, np.nan)
        shape = (n_groups, n_measures)
        return count.reshape(shape), within.reshape(shape), p90.reshape(shape)

    def on_shift(self) -> dict[int, float]:
        """Per hour of the day, the operators who took calls in it (a cell each), averaged over the days."""
        people: dict[int, int] = {}
        for row in self.rows("hour"):
            people[row[0]] = people.get(row[0], 0) + row[-2]
        return {hour: n / self.period.days for hour, n in people.items() if n}


def aggregate(period: Period, by: str, norms: CallCentreNorms | None = None,
              percentiles: tuple[str, ...] = ALL, *, source: Summary | None = None) -> list[Group]:
    """The calls of the period grouped by "day", "hour" (of the day), "operator" or "all", each group with
    its calls, missed calls and every measure's count, average and count within the norm, and the 90th
    percentile of the measures named in `percentiles` — from the summary (`Summary`)."""
    return (source or Summary(period)).groups(by, norms or CallCentreNorms.current(), percentiles)


def totals(period: Period, norms: CallCentreNorms | None = None, *, source: Summary | None = None) -> Group:
    norms = norms or CallCentreNorms.current()
    found = aggregate(period, "all", norms, source=source)
    if found:
        return found[0]
    return Group(None, figures={m.code: Figure(m, m.norm(norms)) for m in MEASURES})


def operators_on_shift(period: Period, *, source: Summary | None = None) -> dict[int, float]:
    """Per hour of the day, the distinct operators who took calls in that hour, averaged over the period's days."""
    return (source or Summary(period)).on_shift()


def operators_on_shift_calls(period: Period) -> dict[int, float]:
    """The row-level reference: per hour of the day, the distinct operators who took calls in that hour,
    averaged over the period's days."""
    tz = timezone.get_default_timezone()
    rows = (period.calls().order_by().filter(operator__isnull=False)
            .annotate(day=TruncDate("ringing_at", tzinfo=tz), hour=ExtractHour("ringing_at", tzinfo=tz))
            .values("day", "hour").annotate(people=Count("operator", distinct=True)))
    on_shift: dict[int, float] = {}
    for row in rows:
        on_shift[int(row["hour"])] = on_shift.get(int(row["hour"]), 0) + row["people"]
    return {hour: people / period.days for hour, people in on_shift.items()}


@dataclass
class Hour:
    """One hour of the day over the period: its calls and measures, the calls per hour on an average day,
    the operators who were taking calls, and how many Erlang C says the waiting norm needs."""

    hour: int
    group: Group
    calls_per_hour: float
    on_shift: float
    needed: int

    @property
    def label(self) -> str:
        return f"{self.hour:02d}:00–{(self.hour + 1) % 24:02d}:00"

    @property
    def short_of(self) -> bool:
        return self.needed > round(self.on_shift + 0.49)


def hours(period: Period, norms: CallCentreNorms | None = None, total: Group | None = None, *,
          source: Summary | None = None) -> list[Hour]:
    """The hours of the day that had calls, with the staffing Erlang C advises for each (A5); of the
    percentiles only the waiting one. `total` (the period's totals, if already counted) gives the handling
    time of an hour whose own is unknown."""
    norms = norms or CallCentreNorms.current()
    source = source or Summary(period)
    groups = aggregate(period, "hour", norms, percentiles=(WAITING.code,), source=source)
    on_shift = operators_on_shift(period, source=source)
    overall = (total or totals(period, norms, source=source)).handling
    result = []
    for group in groups:
        per_hour = group.calls / period.days
        handling = group.handling or overall
        needed = erlang.agents_needed(per_hour, handling or 0, norms.waiting, norms.service_level)
        result.append(Hour(group.key, group, per_hour, on_shift.get(group.key, 0.0), needed))
    return result

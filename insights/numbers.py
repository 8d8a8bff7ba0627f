"""The statistics' numbers, counted in the database: GROUP BY with conditional counts; only groups come back,
so the work here does not grow with the number of appeals. Each function makes a fixed number of queries.

Answer time is counted as in the service-quality indicators (`appeals.indicators`): working days from receipt to
the answer by the production calendar; overdue is the journal's rule (`appeals.journal.filter_due`)."""

import datetime as dt
import math
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection, transaction
from django.db.models import Case, Count, DateField, F, Func, Q, QuerySet, Value, When
from django.db.models.expressions import Window
from django.db.models.functions import Lag, TruncDate, TruncDay, TruncMonth, TruncWeek

from appeals.choices import Channel, Favour, Kind
from appeals.indicators import DECIDED_STATUSES, median
from appeals.journal import filter_due
from appeals.models import AppealEvent, Category, Reason
from deadlines.calendar import MOSCOW, WorkingDays, local_date
from housing.models import Building
from triage.models import Incident

from .filters import Scope

GRAINS = {"day": ("по дням", TruncDay), "week": ("по неделям", TruncWeek), "month": ("по месяцам", TruncMonth)}
DIMENSIONS = {"category": "категориям", "reason": "причинам", "building": "домам", "channel": "каналам",
              "kind": "видам"}
# Appeals are counted by a column of the index their query reads (never null there), not by the id, which the
# covering indexes do not hold: then PostgreSQL reads the index alone, not the wide rows.
RECEIVED, ANSWERED, DUE = "received_at", "answered_at", "answer_due"
TOP = 10
BREAKDOWN_ROWS = 50
LIST_ROWS = 50
AGE_BUCKETS = [(1, 2, "1–2 рабочих дня"), (3, 5, "3–5 рабочих дней"), (6, 10, "6–10 рабочих дней"),
               (11, None, "больше 10 рабочих дней")]


@contextmanager
def quick_plans():
    """PostgreSQL compiles a plan this big to machine code first (JIT): some 70 ms a query, more than the
    grouping itself takes here. Off for these queries only."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        yield


@dataclass
class Row:
    label: str
    count: int
    previous: int | None = None

    @property
    def change(self) -> float | None:
        """Percent change against the comparison period; None when there was nothing to compare with."""
        if self.previous is None or not self.previous:
            return None
        return round(100 * (self.count - self.previous) / self.previous, 1)

    @property
    def trend(self) -> str:
        if self.previous is None:
            return ""
        if self.count > self.previous:
            return "рост"
        return "снижение" if self.count < self.previous else "без изменений"


def _labels(dimension: str, keys: list) -> dict:
    if dimension == "category":
        return dict(Category.objects.filter(pk__in=keys).values_list("pk", "name"))
    if dimension == "reason":
        return {r.pk: f"{r.category.name} → {r.name}" for r in Reason.objects.filter(pk__in=keys).select_related(
            "category")}
    if dimension == "building":
        return {b.pk: b.address for b in Building.objects.filter(pk__in=keys)}
    return dict(Channel.choices if dimension == "channel" else Kind.choices)


def _both_periods(scope: Scope, appeals: QuerySet) -> QuerySet:
    current = Q(received_at__gte=scope.since, received_at__lt=scope.until)
    before = Q(received_at__gte=Scope.moment(scope.compare_start),
               received_at__lt=Scope.moment(scope.compare_end + dt.timedelta(days=1)))
    # One range over both periods (the conditional counts leave out any days between): an OR of two ranges
    # would be read through a bitmap, which never reads from the index alone.
    first, last = min(scope.since, Scope.moment(scope.compare_start)), max(
        scope.until, Scope.moment(scope.compare_end + dt.timedelta(days=1)))
    return scope.filtered(appeals).filter(received_at__gte=first, received_at__lt=last), current, before


def _column(dimension: str) -> str:
    return dimension if dimension in ("kind", "channel") else f"{dimension}_id"


def _rows(dimension: str, groups: list[tuple]) -> list[Row]:
    """(key, count, previous) groups, most first, as rows with their names."""
    labels = _labels(dimension, [key for key, _n, _p in groups if key is not None])
    return [Row(labels.get(key, str(key)) if key is not None else "не указано", n, p) for key, n, p in groups]


def breakdown(scope: Scope, appeals: QuerySet, dimension: str, limit: int = BREAKDOWN_ROWS) -> list[Row]:
    """Appeals of the period by the dimension, most first, with the comparison period's counts: one query for
    the counts, one for the names."""
    column = _column(dimension)
    both, current, before = _both_periods(scope, appeals)
    groups = (both.values(column).annotate(n=Count(RECEIVED, filter=current), p=Count(RECEIVED, filter=before))
              .filter(n__gt=0).order_by("-n", column)[:limit])
    return _rows(dimension, [(g[column], g["n"], g["p"]) for g in groups])


def breakdowns(scope: Scope, appeals: QuerySet, dimensions, limit: int = BREAKDOWN_ROWS) -> tuple[Row, dict]:
    """The totals and each dimension's breakdown. On PostgreSQL from one pass over the period's index entries
    (GROUPING SETS: a year and its comparison year are some 800,000 entries, read once instead of once for each
    grouping); elsewhere one query each."""
    if connection.vendor != "postgresql":
        return totals(scope, appeals), {d: breakdown(scope, appeals, d, limit) for d in dimensions}
    both, _current, _before = _both_periods(scope, appeals)
    columns = [_column(d) for d in dimensions]
    inner, inner_params = both.values(*columns, RECEIVED).order_by().query.sql_with_params()
    listed = ", ".join(f'"{c}"' for c in columns)
    sets = ", ".join(f'("{c}")' for c in columns)
    sql = (f"SELECT GROUPING({listed}), {listed}, "
           f'COUNT("{RECEIVED}") FILTER (WHERE "{RECEIVED}" >= %s AND "{RECEIVED}" < %s), '
           f'COUNT("{RECEIVED}") FILTER (WHERE "{RECEIVED}" >= %s AND "{RECEIVED}" < %s) '
           f"FROM ({inner}) AS period GROUP BY GROUPING SETS ({sets}, ())")
    bounds = [scope.since, scope.until, Scope.moment(scope.compare_start),
              Scope.moment(scope.compare_end + dt.timedelta(days=1))]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*bounds, *inner_params])  # the counts' bounds come first in the text
        found = cursor.fetchall()
    everything = (1 << len(columns)) - 1
    total, groups = Row("Всего обращений", 0, 0), {d: [] for d in dimensions}
    for grouping, *keys, n, p in found:
        if grouping == everything:
            total = Row("Всего обращений", n, p)
            continue
        index = next(i for i in range(len(columns)) if not grouping & (1 << (len(columns) - 1 - i)))
        if n:
            groups[dimensions[index]].append((keys[index], n, p))
    result = {}
    for dimension, rows in groups.items():
        rows.sort(key=lambda g: (-g[1], g[0] is None, g[0] if g[0] is not None else 0))
        result[dimension] = _rows(dimension, rows[:limit])
    return total, result


class _ShiftedDate(Func):
    """The date of a moment shifted by a fixed offset: ((moment AT TIME ZONE 'UTC') + offset)::date."""

    output_field, arg_joiner, template = DateField(), " AT TIME ZONE 'UTC' + ", "(%(expressions)s)::date"


@lru_cache(maxsize=64)
def offset_since(moment: dt.datetime) -> dt.datetime:
    """The first instant from which Moscow's UTC offset has been what it is at `moment` (26 October 2014, when the
    clocks last moved): a day is found by the day, then the second by halving."""
    offset, same = moment.astimezone(MOSCOW).utcoffset(), moment.astimezone(dt.UTC)
    earliest = dt.datetime(1920, 1, 1, tzinfo=dt.UTC)
    while same > earliest and (same - dt.timedelta(days=1)).astimezone(MOSCOW).utcoffset() == offset:
        same -= dt.timedelta(days=1)
    other, same = int((same - dt.timedelta(days=1)).timestamp()), int(same.timestamp())
    while same - other > 1:
        middle = (other + same) // 2
        if dt.datetime.fromtimestamp(middle, MOSCOW).utcoffset() == offset:
            same = middle
        else:
            other = middle
    return dt.datetime.fromtimestamp(same, dt.UTC)


def local_day(field: str, until: dt.datetime):
    """An expression for the Moscow date of a moment before `until`, to group by. On PostgreSQL a moment since the
    offset last changed is shifted by that offset (a fixed shift costs half of converting each moment to local
    time, which a year's 330,000 appeals make 100 ms), an older one converted."""
    if connection.vendor != "postgresql":
        return TruncDate(field, tzinfo=MOSCOW)
    offset = until.astimezone(MOSCOW).utcoffset()
    return Case(When(**{f"{field}__gte": offset_since(until)}, then=_ShiftedDate(field, Value(offset))),
                default=TruncDate(field, tzinfo=MOSCOW), output_field=DateField())


def volume(scope: Scope, appeals: QuerySet, grain: str) -> list[tuple[dt.date, int]]:
    """Appeals received per day, week or month (Moscow time) of the period."""
    slot = local_day("received_at", scope.until) if grain == "day" else GRAINS[grain][1]("received_at", tzinfo=MOSCOW)
    rows = scope.received(appeals).annotate(slot=slot).values("slot").annotate(n=Count(RECEIVED)).order_by("slot")
    return [(row["slot"].date() if isinstance(row["slot"], dt.datetime) else row["slot"], row["n"]) for row in rows]


def totals(scope: Scope, appeals: QuerySet) -> Row:
    both, current, before = _both_periods(scope, appeals)
    found = both.aggregate(n=Count(RECEIVED, filter=current), p=Count(RECEIVED, filter=before))
    return Row("Всего обращений", found["n"], found["p"])


@dataclass
class Repeat:
    building: str
    reason: str
    count: int  # appeals of the period that came within N days of one before with the same reason
    building_id: int | None = None
    reason_id: int | None = None


def repeated(scope: Scope, appeals: QuerySet, limit: int = LIST_ROWS) -> tuple[list[Repeat], int]:
    """Buildings with the same reason again within `scope.repeat_days` days (A4): each appeal of the period whose
    building and reason repeat an earlier appeal's within those days. The earlier one may precede the period.
    The `limit` (building, reason) pairs with the most repeats, and how many pairs have any: grouped and ranked in
    the database, which returns those rows alone (a year holds some 100,000 repeats)."""
    lead_in = scope.since - dt.timedelta(days=scope.repeat_days)
    window = (scope.filtered(appeals).filter(received_at__gte=lead_in, received_at__lt=scope.until,
                                             building__isnull=False, reason__isnull=False)
              .annotate(before=Window(Lag("received_at"), partition_by=[F("building_id"), F("reason_id")],
                                      order_by=F("received_at").asc()))
              # a condition on the window is applied after it (Django wraps the query); the period's start is
              # applied outside, so the lead-in days still serve as the earlier appeals
              .filter(before__gte=F("received_at") - dt.timedelta(days=scope.repeat_days))
              .values("building_id", "reason_id", "received_at").order_by())
    inner, params = window.query.sql_with_params()
    sql = ('SELECT "building_id", "reason_id", COUNT(*) AS n, COUNT(*) OVER () '
           f'FROM ({inner}) AS repeats WHERE "received_at" >= %s '
           'GROUP BY "building_id", "reason_id" ORDER BY n DESC, "building_id", "reason_id" LIMIT %s')
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, connection.ops.adapt_datetimefield_value(scope.since), limit])
        top = cursor.fetchall()
    buildings = _labels("building", [b for b, _r, _n, _all in top])
    reasons = dict(Reason.objects.filter(pk__in=[r for _b, r, _n, _all in top]).values_list("pk", "name"))
    repeats = [Repeat(buildings.get(b, "?"), reasons.get(r, "?"), n, b, r) for b, r, n, _all in top]
    return repeats, top[0][3] if top else 0


@dataclass
class OpenIncident:
    title: str
    building: str
    reason: str
    opened_at: dt.datetime
    appeals: int


def open_incidents(scope: Scope, limit: int = LIST_ROWS) -> list[OpenIncident]:
    incidents = Incident.objects.filter(status=Incident.Status.OPEN)
    if scope.building:
        incidents = incidents.filter(building_id=scope.building)
    if scope.category:
        incidents = incidents.filter(reason__category_id=scope.category)
    rows = (incidents.select_related("building", "reason").annotate(n=Count("memberships"))
            .order_by("-n", "-opened_at")[:limit])
    return [OpenIncident(i.title, i.building.address if i.building_id else "", i.reason.name if i.reason_id else "",
                         i.opened_at, i.n) for i in rows]


def percentile(distribution: Counter, share: float) -> float | None:
    """The nearest-rank percentile of values given as value → how many times it occurs."""
    total = sum(distribution.values())
    if not total:
        return None
    rank, seen = max(1, math.ceil(share * total)), 0
    for value in sorted(distribution):
        seen += distribution[value]
        if seen >= rank:
            return value
    return None


@dataclass
class Deadlines:
    answered: int = 0
    with_deadline: int = 0
    on_time: int = 0
    median_days: float | None = None
    p90_days: float | None = None
    days: dict = field(default_factory=dict)  # working days → appeals

    @property
    def on_time_share(self) -> float | None:
        return round(100 * self.on_time / self.with_deadline, 1) if self.with_deadline else None


def decided(scope: Scope, appeals: QuerySet) -> QuerySet:
    """The appeals answered in the period (a decision, not a withdrawal)."""
    return scope.filtered(appeals).filter(answered_at__gte=scope.since, answered_at__lt=scope.until,
                                          status__in=DECIDED_STATUSES)


def deadlines(scope: Scope, appeals: QuerySet) -> Deadlines:
    """Of the period's answers: how many by their deadline, the median and 90th percentile of working days."""
    rows = (decided(scope, appeals)
            .annotate(received_day=local_day("received_at", scope.until),
                      answered_day=local_day("answered_at", scope.until))
            .values("received_day", "answered_day")
            .annotate(n=Count(ANSWERED), due=Count(DUE),
                      on_time=Count(ANSWERED, filter=Q(answered_at__lte=F("answer_due"))))
            .order_by())
    result, days = Deadlines(), Counter()
    rows = list(rows)
    calendar = WorkingDays([row[key] for row in rows for key in ("received_day", "answered_day")])
    for row in rows:
        days[calendar.between(row["received_day"], row["answered_day"])] += row["n"]
        result.answered += row["n"]
        result.with_deadline += row["due"]
        result.on_time += row["on_time"]
    result.median_days, result.p90_days = median(days), percentile(days, 0.9)
    result.days = dict(sorted(days.items()))
    return result


@dataclass
class Overdue:
    total: int = 0
    buckets: list = field(default_factory=list)  # (label, count)
    oldest_days: int | None = None
    median_days: float | None = None


def overdue(scope: Scope, appeals: QuerySet, now: dt.datetime) -> Overdue:
    """The appeals overdue now (whatever the period) and how long, in working days past the deadline's day."""
    rows = (filter_due(scope.filtered(appeals), "overdue", now)
            .annotate(day=TruncDate("answer_due", tzinfo=MOSCOW)).values("day").annotate(n=Count(DUE)).order_by())
    today, rows = local_date(now), list(rows)
    calendar, ages = WorkingDays([row["day"] for row in rows] + [today]), Counter()
    for row in rows:
        ages[calendar.between(row["day"], today)] += row["n"]
    result = Overdue(total=sum(ages.values()), oldest_days=max(ages) if ages else None, median_days=median(ages))
    for low, high, label in AGE_BUCKETS:
        inside = (n for age, n in ages.items() if age >= low and (high is None or age <= high))
        result.buckets.append((label, sum(inside)))
    same_day = ages.get(0, 0)  # late by hours today: an emergency's norm counts minutes
    if same_day:
        result.buckets.insert(0, ("меньше рабочего дня", same_day))
    return result


@dataclass
class Results:
    favour: list = field(default_factory=list)  # (label, count)
    refusals: int = 0
    extensions: int = 0
    escalations: int = 0


def results(scope: Scope, appeals: QuerySet) -> Results:
    """In whose favour the period's answers went, the refusals, and the extensions and escalations of the period."""
    rows = decided(scope, appeals).values("resolved_in_favour_of").annotate(
        n=Count(ANSWERED), refusals=Count(ANSWERED, filter=Q(is_refusal=True))).order_by()
    labels = dict(Favour.choices)
    found = Results()
    for row in sorted(rows, key=lambda r: list(labels).index(r["resolved_in_favour_of"])
                      if r["resolved_in_favour_of"] in labels else len(labels)):
        found.favour.append((labels.get(row["resolved_in_favour_of"], "не указано"), row["n"]))
        found.refusals += row["refusals"]
    found.extensions = scope.filtered(appeals).filter(extended_at__gte=scope.since,
                                                      extended_at__lt=scope.until).count()
    found.escalations = (AppealEvent.objects.filter(action="escalate", at__gte=scope.since, at__lt=scope.until,
                                                    appeal__in=scope.filtered(appeals))
                         .values("appeal_id").distinct().count())
    return found

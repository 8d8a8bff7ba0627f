"""The review sample (A7), drawn fairly: for every operator who registered appeals in an ISO week, the same
number of them (QUALITY_SAMPLE_PER_WEEK) chosen at random but reproducibly — ordered by a hash of the seed, the
week, the operator and the appeal — and as many of the calls they answered that week, drawn the same way; plus
every appeal with a complaint about the operator."""

import datetime as dt
import hashlib
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from calls.models import Call
from deadlines.calendar import MOSCOW

from .attribution import registered_between
from .models import SampleItem, WeekDraw

WEEKS_BACK = 8  # how many ended weeks the queue makes sure are drawn


def week_of(day: dt.date) -> dt.date:
    """The Monday of the day's ISO week."""
    return day - dt.timedelta(days=day.weekday())


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=MOSCOW)


def _ticket(week: dt.date, operator_id: int, pk: int, kind: str) -> str:
    key = f"{settings.QUALITY_SAMPLE_SEED}:{week.isoformat()}:{operator_id}:{kind}:{pk}"
    return hashlib.sha256(key.encode()).hexdigest()


def choose(week: dt.date, operator_id: int, ids: list[int], count: int, kind: str = "appeal") -> list[int]:
    """The `count` appeals (or calls) of the operator's week that the draw picks (all when there are fewer)."""
    return sorted(ids, key=lambda pk: _ticket(week, operator_id, pk, kind))[:count]


def registered_in_week(week: dt.date) -> dict[int, list[int]]:
    """{operator id: ids of the appeals they registered in the week}."""
    found = defaultdict(list)
    rows = registered_between(_moment(week), _moment(week + dt.timedelta(days=7))).values_list("registrar", "pk")
    for operator_id, appeal_id in rows:
        found[operator_id].append(appeal_id)
    return found


def calls_in_week(week: dt.date) -> dict[int, list[int]]:
    """{operator id: ids of the calls they answered in the week}."""
    found = defaultdict(list)
    rows = Call.objects.filter(ringing_at__gte=_moment(week), ringing_at__lt=_moment(week + dt.timedelta(days=7)),
                               operator__isnull=False, answered_at__isnull=False).values_list("operator", "pk")
    for operator_id, call_id in rows:
        found[operator_id].append(call_id)
    return found


@transaction.atomic
def draw_week(week: dt.date, count: int | None = None) -> int:
    """Draw the week's random sample (once; a repeat adds nothing); how many items were added."""
    count = settings.QUALITY_SAMPLE_PER_WEEK if count is None else count
    _draw, made = WeekDraw.objects.get_or_create(week=week)
    if not made:
        return 0
    items = [SampleItem(appeal_id=appeal_id, operator_id=operator_id, week=week, why=SampleItem.Why.RANDOM)
             for operator_id, appeal_ids in registered_in_week(week).items()
             for appeal_id in choose(week, operator_id, appeal_ids, count)]
    items += [SampleItem(call_id=call_id, operator_id=operator_id, week=week, why=SampleItem.Why.RANDOM)
              for operator_id, call_ids in calls_in_week(week).items()
              for call_id in choose(week, operator_id, call_ids, count, kind="call")]
    SampleItem.objects.bulk_create(items, ignore_conflicts=True)
    return len(items)


def draw_ended_weeks(today: dt.date | None = None) -> int:
    """Make sure the last ended weeks are drawn (the queue asks before it lists); how many items were added."""
    this_week = week_of(today or timezone.localdate())
    drawn = set(WeekDraw.objects.filter(week__lt=this_week).values_list("week", flat=True))
    added = 0
    for back in range(1, WEEKS_BACK + 1):
        week = this_week - dt.timedelta(weeks=back)
        if week not in drawn:
            added += draw_week(week)
    return added

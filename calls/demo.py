"""The demo's calls and office visits of today: finished calls with their moments (table 5.3.1), some with
the appeal they produced, a missed one; visitors waiting, being served and served. Added once."""

import datetime as dt
import random

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from appeals.models import Appeal

from .models import Call, Outcome, Visit

VISITORS = ["Григорьева Нина Павловна", "Андреев Олег Викторович", "Семёнова Алла Борисовна"]


def _seconds(rng: random.Random, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(seconds=rng.randint(low, high))


def _call(rng: random.Random, operator: User, ringing: dt.datetime, outcome: str, appeal: Appeal | None) -> Call:
    if outcome == Outcome.MISSED:
        return Call.objects.create(operator=operator, ringing_at=ringing, ended_at=ringing + _seconds(rng, 45, 90),
                                   wrapped_up_at=ringing + _seconds(rng, 100, 140), outcome=outcome,
                                   caller_number=f"+7921{rng.randint(1000000, 9999999)}")
    answered = ringing + _seconds(rng, 8, 55)
    found = answered + _seconds(rng, 15, 60)
    ended = found + _seconds(rng, 90, 380)
    applicant = appeal.applicant if appeal else None
    return Call.objects.create(
        operator=operator, ringing_at=ringing, answered_at=answered, found_at=found, ended_at=ended,
        wrapped_up_at=ended + _seconds(rng, 40, 330), outcome=outcome, appeal=appeal, applicant=applicant,
        caller_number=applicant.phone if applicant else f"+7921{rng.randint(1000000, 9999999)}")


def _today(now: dt.datetime, count: int, step: dt.timedelta) -> list[dt.datetime]:
    """`count` moments before `now`, `step` apart and the last 10 minutes ago, all of today's local day:
    squeezed in after midnight when the day is younger than that (the page shows today's)."""
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    step = min(step, (now - midnight) / (count + 1))
    return [now - min(step, dt.timedelta(minutes=10)) - step * (count - 1 - i) for i in range(count)]


@transaction.atomic
def load() -> str:
    if Call.objects.filter(source=Call.Source.OPERATOR).exists():
        return ""
    operators = list(User.objects.filter(username__in=["operator", "operator2"]).order_by("username"))
    if not operators:
        return ""
    rng = random.Random(53)
    now = timezone.now()
    appeals = list(Appeal.objects.filter(channel="phone").select_related("applicant").order_by("-id")[:6])
    plan = [(Outcome.NEW_APPEAL, a) for a in appeals] + [(Outcome.INFORMATION, None), (Outcome.STATUS, None),
                                                         (Outcome.MISSED, None)]
    for index, ((outcome, appeal), ringing) in enumerate(zip(plan, _today(now, len(plan), dt.timedelta(minutes=25)),
                                                             strict=True)):
        _call(rng, operators[index % len(operators)], ringing, outcome, appeal)
    arrived = _today(now, 3, dt.timedelta(minutes=40))
    minutes = dt.timedelta(minutes=1)
    Visit.objects.create(visitor_name=VISITORS[0], arrived_at=arrived[0], started_at=arrived[0] + 9 * minutes,
                         ended_at=arrived[0] + 24 * minutes, outcome=Outcome.INFORMATION, operator=operators[0])
    Visit.objects.create(visitor_name=VISITORS[1], arrived_at=arrived[1], started_at=arrived[1] + 4 * minutes,
                         operator=operators[-1])
    Visit.objects.create(visitor_name=VISITORS[2], arrived_at=arrived[2])
    return f"Колл-центр: звонков за сегодня {len(plan)}, посещений офиса {len(arrived)}."

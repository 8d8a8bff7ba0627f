"""Practice results: an operator's attempts and average score, overall and by scenario."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Avg, Count, Max, QuerySet

from .models import Attempt


def scored(user=None) -> QuerySet:
    attempts = Attempt.objects.filter(submitted_at__isnull=False)
    return attempts.filter(operator=user) if user is not None else attempts


def summary(user, since: dt.datetime | None = None, until: dt.datetime | None = None) -> tuple[int, float | None]:
    """(attempts, average score out of 100) of the operator's practice calls submitted in [since, until);
    the average is None when there were none. The operator's scorecard reads this."""
    attempts = scored(user)
    if since is not None:
        attempts = attempts.filter(submitted_at__gte=since)
    if until is not None:
        attempts = attempts.filter(submitted_at__lt=until)
    found = attempts.aggregate(n=Count("id"), avg=Avg("score"))
    return found["n"], (round(found["avg"], 1) if found["avg"] is not None else None)


@dataclass(frozen=True)
class ScenarioResult:
    scenario_id: int
    title: str
    attempts: int
    average: float
    best: int


def by_scenario(user) -> list[ScenarioResult]:
    rows = (scored(user).values("scenario_id", "scenario__title")
            .annotate(n=Count("id"), avg=Avg("score"), best=Max("score")).order_by("scenario__title"))
    return [ScenarioResult(r["scenario_id"], r["scenario__title"], r["n"], round(r["avg"], 1), r["best"])
            for r in rows]


@dataclass(frozen=True)
class OperatorResult:
    user_id: int
    name: str
    attempts: int
    average: float
    last: dt.datetime


def by_operator() -> list[OperatorResult]:
    """Everyone who practised, for the supervisor."""
    rows = (scored().values("operator_id", "operator__first_name", "operator__last_name", "operator__username")
            .annotate(n=Count("id"), avg=Avg("score"), last=Max("submitted_at"))
            .order_by("operator__last_name", "operator__first_name"))
    return [OperatorResult(r["operator_id"],
                           f"{r['operator__last_name']} {r['operator__first_name']}".strip() or r["operator__username"],
                           r["n"], round(r["avg"], 1), r["last"]) for r in rows]

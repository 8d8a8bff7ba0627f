"""Practice results: an operator's attempts and average score, overall and by scenario."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Avg, Count, Max, QuerySet

from .models import Attempt


def scored(user=None) -> QuerySet:
    attempts = Attempt.objects.filter(submitted_at__isnull=False)
    return attempts.filter(operator=user) if user is not None else attempts


def per_operator(since: dt.datetime | None = None, until: dt.datetime | None = None,
                 operator_id: int | None = None) -> dict[int, tuple[int, float]]:
    """{operator id: (attempts, average score out of 100)} of the practice calls submitted in [since, until)."""
    attempts = scored()
    if operator_id is not None:
        attempts = attempts.filter(operator_id=operator_id)
    if since is not None:
        attempts = attempts.filter(submitted_at__gte=since)
    if until is not None:
        attempts = attempts.filter(submitted_at__lt=until)
    rows = attempts.values("operator_id").annotate(n=Count("id"), avg=Avg("score")).order_by()
    return {row["operator_id"]: (row["n"], round(row["avg"], 1)) for row in rows}


def summary(user, since: dt.datetime | None = None, until: dt.datetime | None = None) -> tuple[int, float | None]:
    """(attempts, average score out of 100) of the operator's practice calls submitted in [since, until);
    the average is None when there were none."""
    return per_operator(since, until, user.pk).get(user.pk, (0, None))


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

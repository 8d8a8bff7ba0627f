"""The practice verbs: show a scenario, answer the operator's questions, score the registration.

Only this app's tables are written. No appeal verb is called, no number is taken from the appeals'
yearly sequence and nothing is sent: the attempt is a registration that never happened.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from appeals.errors import AppealError

from . import rights, scoring
from .models import Attempt, Scenario

# An attempt left open longer than this was abandoned: showing the scenario again starts a new call.
ABANDONED_AFTER = dt.timedelta(hours=1)


class PracticeError(AppealError):
    """A practice step refused; the message is for people."""


def published() -> list[Scenario]:
    return list(Scenario.objects.filter(is_published=True).select_related("expected_reason__category"))


def start(user, scenario: Scenario) -> Attempt:
    """The operator's open attempt at the scenario, or a new one: its clock starts when the scenario is
    first shown and keeps running through reloads of the page (an attempt abandoned for an hour is left
    unscored)."""
    if not rights.may_practise(user):
        raise PracticeError("У вас нет права проходить учебные звонки.")
    if not scenario.is_published and not rights.may_manage(user):
        raise PracticeError("Этот сценарий ещё не опубликован.")
    now = timezone.now()
    open_attempt = Attempt.objects.filter(scenario=scenario, operator=user, submitted_at__isnull=True,
                                          started_at__gt=now - ABANDONED_AFTER).order_by("-started_at").first()
    return open_attempt or Attempt.objects.create(scenario=scenario, operator=user, started_at=now)


def _own_open(attempt: Attempt, user) -> None:
    if not rights.may_practise(user):
        raise PracticeError("У вас нет права проходить учебные звонки.")
    if attempt.operator_id != user.pk:
        raise PracticeError("Это чужая попытка.")
    if attempt.is_submitted:
        raise PracticeError("Эта попытка уже оценена; начните сценарий заново.")


def ask(attempt: Attempt, user, index: int) -> str:
    """The caller's answer to the scenario's question; the question counts as asked."""
    _own_open(attempt, user)
    facts = attempt.scenario.facts
    if not 0 <= index < len(facts):
        raise PracticeError("Такого вопроса в сценарии нет.")
    if index not in attempt.asked:
        attempt.asked = [*attempt.asked, index]
        attempt.save(update_fields=["asked"])
    return facts[index]["answer"]


@transaction.atomic
def submit(attempt: Attempt, user, entered: scoring.Entered, text: str = "") -> Attempt:
    """Score the attempt at the moment the server receives it; an attempt is scored once."""
    # Only the attempt's row is locked: PostgreSQL refuses FOR UPDATE on the nullable side of the join.
    attempt = Attempt.objects.select_for_update(of=("self",)).select_related(
        "scenario__expected_reason", "scenario__expected_building").get(pk=attempt.pk)
    _own_open(attempt, user)
    attempt.submitted_at = timezone.now()
    attempt.score, lines = scoring.score(attempt.scenario, entered, attempt.asked, attempt.seconds_taken)
    attempt.lines = scoring.as_rows(lines)
    attempt.entered = {**entered.__dict__, "text": text}
    attempt.save(update_fields=["submitted_at", "score", "lines", "entered"])
    return attempt

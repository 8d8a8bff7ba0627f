"""The demo's practice calls: the shipped scenarios, and a few attempts by the demo operator."""

from django.contrib.auth.models import User

from appeals.models import Reason

from . import sandbox
from .models import Attempt, Scenario
from .scoring import Entered
from .shipped import load_shipped

# (scenario, the reason the operator chose instead of the expected one, asked every required question)
ATTEMPTS = [("roof-leak-calm", None, True), ("gas-in-passing", "mkd-cleaning", False),
            ("phone-only-when-asked", None, False)]


def _attempt(user: User, scenario: Scenario, wrong_reason: str | None, asked_all: bool) -> None:
    reason = Reason.objects.get(code=wrong_reason) if wrong_reason else scenario.expected_reason
    building = scenario.expected_building
    attempt = sandbox.start(user, scenario)
    for index in scenario.required_facts if asked_all else scenario.required_facts[:1]:
        sandbox.ask(attempt, user, index)
    sandbox.submit(attempt, user, Entered(
        reason_id=reason.pk, reason_name=reason.name,
        priority=scenario.expected_priority if wrong_reason is None else "normal",
        building_id=building.pk if building else None, address=building.address if building else "",
        flat=scenario.expected_flat, full_name=scenario.caller_name,
        phone=scenario.caller_phone if asked_all else ""))


def load() -> str:
    added = load_shipped()
    operator = User.objects.filter(username="operator").first()
    if operator is None or Attempt.objects.exists():
        return f"Учебных сценариев добавлено: {added}." if added else ""
    scenarios = {s.code: s for s in Scenario.objects.filter(code__in=[code for code, _r, _a in ATTEMPTS])}
    for code, wrong_reason, asked_all in ATTEMPTS:
        if code in scenarios:
            _attempt(operator, scenarios[code], wrong_reason, asked_all)
    return f"Учебные звонки: сценариев добавлено {added}, пройдено попыток {Attempt.objects.count()}."

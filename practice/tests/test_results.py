"""Practice results: the operator's own page, the supervisor's per operator, and `results.summary`."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from conftest import create_staff
from practice import results, sandbox
from practice.models import Attempt
from practice.scoring import Entered

from .factories import make_scenario

pytestmark = pytest.mark.django_db


def _scored(user, scenario, *, right: bool, at: dt.datetime | None = None) -> Attempt:
    attempt = sandbox.start(user, scenario)
    entered = Entered(reason_id=scenario.expected_reason_id if right else None, priority=scenario.expected_priority,
                      building_id=scenario.expected_building_id, flat=scenario.expected_flat,
                      full_name=scenario.caller_name, phone=scenario.caller_phone)
    attempt = sandbox.submit(attempt, user, entered)
    if at is not None:
        Attempt.objects.filter(pk=attempt.pk).update(submitted_at=at, started_at=at)
    return attempt


def test_summary_counts_the_scored_attempts_in_the_period(operator, building):
    scenario = make_scenario(building, facts=[])
    now = timezone.now()
    _scored(operator, scenario, right=True, at=now - dt.timedelta(days=40))
    _scored(operator, scenario, right=True, at=now - dt.timedelta(days=2))
    _scored(operator, scenario, right=False, at=now - dt.timedelta(days=1))
    sandbox.start(operator, scenario)  # shown, never submitted: not counted
    assert results.summary(operator) == (3, pytest.approx((100 + 100 + 75) / 3, abs=0.1))
    assert results.summary(operator, since=now - dt.timedelta(days=7), until=now) == (2, 87.5)
    assert results.summary(operator, since=now) == (0, None)


def test_the_operator_sees_own_results_by_scenario(operator, building):
    scenario = make_scenario(building, facts=[])
    _scored(operator, scenario, right=True)
    _scored(operator, scenario, right=False)
    client = Client()
    client.force_login(operator)
    page = client.get("/staff/practice/results/").content.decode()
    assert "Пройдено звонков: <strong>2</strong>" in page and ("87,5" in page or "87.5" in page)
    assert "Запах газа в парадной" in page


def test_the_supervisor_sees_every_operator(operator, supervisor, building):
    other = create_staff("operator2", "operator", "crm", last_name="Петрова")
    scenario = make_scenario(building, facts=[])
    _scored(operator, scenario, right=True)
    _scored(other, scenario, right=False)
    client = Client()
    client.force_login(supervisor)
    page = client.get("/staff/practice/results/operators/").content.decode()
    assert "Тестов Operator" in page and "Петрова Operator2" in page
    page = client.get(f"/staff/practice/results/operators/{other.pk}/").content.decode()
    assert "Пройдено звонков: <strong>1</strong>" in page
    attempt = Attempt.objects.get(operator=other)
    result = client.get(f"/staff/practice/attempts/{attempt.pk}/").content.decode()
    assert "Ожидалось" in result and "Пройти ещё раз" not in result


def test_an_operator_cannot_see_another_operators_attempt(operator, building):
    other = create_staff("operator2", "operator", "crm")
    attempt = _scored(other, make_scenario(building, facts=[]), right=True)
    client = Client()
    client.force_login(operator)
    assert client.get(f"/staff/practice/attempts/{attempt.pk}/").status_code == 404
    assert client.get(f"/staff/practice/results/operators/{other.pk}/").status_code == 403

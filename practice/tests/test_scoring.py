"""Scoring a practice call against the expected registration, with the time measured by the server."""

import datetime as dt
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from appeals.models import Reason
from practice import scoring
from practice.models import Attempt

from .factories import make_scenario, perfect_post

pytestmark = pytest.mark.django_db


def _play(client, scenario, data: dict, *, asked=(0, 1), seconds: int = 60):
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        client.get(f"/staff/practice/{scenario.pk}/")
    attempt = Attempt.objects.get(scenario=scenario, submitted_at__isnull=True)
    for index in asked:
        client.post(f"/staff/practice/attempts/{attempt.pk}/ask/{index}/", data)
    with mock.patch("django.utils.timezone.now", return_value=start + dt.timedelta(seconds=seconds)):
        response = client.post(f"/staff/practice/attempts/{attempt.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    attempt.refresh_from_db()
    return attempt, {line["key"]: line for line in attempt.lines}


@pytest.fixture
def client(operator):
    client = Client()
    client.force_login(operator)
    return client


def test_weights_make_one_hundred():
    assert sum(scoring.WEIGHTS.values()) == 100


def test_perfect_attempt_scores_one_hundred(client, building):
    scenario = make_scenario(building)
    attempt, lines = _play(client, scenario, perfect_post(scenario))
    assert attempt.score == 100
    assert all(line["earned"] == line["weight"] for line in lines.values())


def test_wrong_reason_loses_the_reason_weight(client, building):
    scenario = make_scenario(building, expected_priority="emergency")
    data = {**perfect_post(scenario), "reason": Reason.objects.get(code="electric-sparking").pk}
    attempt, lines = _play(client, scenario, data)
    assert attempt.score == 100 - scoring.WEIGHTS["reason"]
    assert lines["reason"]["expected"] == "Запах газа" and lines["reason"]["given"].startswith("Искрение")


def test_missed_emergency_is_called_out_on_the_result(client, building):
    scenario = make_scenario(building)
    data = {**perfect_post(scenario), "reason": Reason.objects.get(code="mkd-cleaning").pk, "priority": ""}
    attempt, lines = _play(client, scenario, data)
    assert lines["priority"]["alert"] and lines["priority"]["given"] == "Обычный"
    assert attempt.score == 100 - scoring.WEIGHTS["reason"] - scoring.WEIGHTS["priority"]
    page = client.get(f"/staff/practice/attempts/{attempt.pk}/").content.decode()
    assert "Пропущена авария" in page and "Ожидалось" in page and "Указано" in page


def test_empty_priority_is_derived_as_registration_would(client, building):
    scenario = make_scenario(building)
    _attempt, lines = _play(client, scenario, {**perfect_post(scenario), "priority": ""})
    assert lines["priority"]["earned"] == scoring.WEIGHTS["priority"]  # a gas smell is an emergency reason


def test_time_is_measured_by_the_server_from_when_the_scenario_was_shown(client, building):
    scenario = make_scenario(building, time_target=300)
    data = {**perfect_post(scenario), "seconds": "5", "started_at": "2020-01-01T00:00"}  # ignored
    attempt, lines = _play(client, scenario, data, seconds=600)
    assert attempt.seconds_taken == 600
    assert lines["time"]["earned"] == pytest.approx(scoring.WEIGHTS["time"] / 2)
    assert attempt.score == 95


def test_reloading_the_scenario_keeps_the_clock(client, building):
    scenario = make_scenario(building)
    client.get(f"/staff/practice/{scenario.pk}/")
    client.get(f"/staff/practice/{scenario.pk}/")
    assert Attempt.objects.filter(scenario=scenario).count() == 1


def test_an_attempt_abandoned_for_an_hour_is_left_and_a_new_call_starts(client, building):
    scenario = make_scenario(building)
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        client.get(f"/staff/practice/{scenario.pk}/")
    with mock.patch("django.utils.timezone.now", return_value=start + dt.timedelta(minutes=59)):
        client.get(f"/staff/practice/{scenario.pk}/")
    assert Attempt.objects.count() == 1
    with mock.patch("django.utils.timezone.now", return_value=start + dt.timedelta(minutes=61)):
        client.get(f"/staff/practice/{scenario.pk}/")
    assert list(Attempt.objects.order_by("started_at").values_list("started_at", flat=True)) == [
        start, start + dt.timedelta(minutes=61)]


def test_questions_not_asked_lose_completeness_and_extra_ones_cost(client, building):
    scenario = make_scenario(building)
    _attempt, lines = _play(client, scenario, perfect_post(scenario), asked=(0, 2))
    assert lines["completeness"]["earned"] == pytest.approx(15 * (0.5 - scoring.EXTRA_QUESTION_COST))
    assert "Не уточнено: Телефон" in lines["completeness"]["note"]


def test_a_building_typed_but_not_picked_is_matched_to_the_registry(client, building):
    scenario = make_scenario(building)
    data = {**perfect_post(scenario), "building_id": "", "address_text": "Марата 7"}
    _attempt, lines = _play(client, scenario, data)
    assert lines["building"]["earned"] == scoring.WEIGHTS["building"]


def test_wrong_flat_and_phone_lose_their_weights(client, building):
    scenario = make_scenario(building)
    data = {**perfect_post(scenario), "flat": "21", "phone": "+7 921 765-43-21"}
    attempt, _lines = _play(client, scenario, data)
    assert attempt.score == 100 - scoring.WEIGHTS["flat"] - scoring.WEIGHTS["phone"]


def test_bad_input_gives_a_russian_message_not_an_error(client, building):
    scenario = make_scenario(building)
    client.get(f"/staff/practice/{scenario.pk}/")
    attempt = Attempt.objects.get()
    response = client.post(f"/staff/practice/attempts/{attempt.pk}/", {"phone": "12", "reason": "999999"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Попытка не отправлена" in page and "Такой причины нет в классификаторе" in page and "Телефон" in page
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_a_scored_attempt_is_not_scored_again(client, building):
    scenario = make_scenario(building)
    attempt, _lines = _play(client, scenario, perfect_post(scenario))
    data = {**perfect_post(scenario), "reason": Reason.objects.get(code="mkd-cleaning").pk}
    client.post(f"/staff/practice/attempts/{attempt.pk}/", data)
    attempt.refresh_from_db()
    assert attempt.score == 100

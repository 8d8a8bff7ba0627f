"""Operators and supervisors practise; supervisors write scenarios and see everyone's results."""

import pytest
from django.test import Client

from appeals.models import Reason
from practice.models import Scenario

from .factories import make_scenario

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _scenario_post(**extra) -> dict:
    return {"title": "Нет холодной воды", "caller_words": "С утра нет холодной воды, Марата 7.",
            "facts_lines": "! Номер телефона | 8 921 000-11-22\nДавно? | С утра", "reason":
            Reason.objects.get(code="water-no-cold").pk, "expected_priority": "emergency",
            "expected_address": "улица Марата, 7", "expected_flat": "5", "caller_name": "Петров Пётр",
            "caller_phone": "8 921 000-11-22", "lesson": "", "time_target": 300, "is_published": "on", **extra}


def test_an_operator_cannot_write_or_edit_scenarios(operator, building):
    scenario = make_scenario(building)
    client = _client(operator)
    assert client.get("/staff/practice/scenarios/new/").status_code == 403
    assert client.post("/staff/practice/scenarios/new/", _scenario_post()).status_code == 403
    assert client.post(f"/staff/practice/scenarios/{scenario.pk}/edit/", _scenario_post()).status_code == 403
    assert client.get("/staff/practice/results/operators/").status_code == 403
    scenario.refresh_from_db()
    assert scenario.title == "Запах газа в парадной" and Scenario.objects.count() == 1


def test_an_operator_practises_and_sees_no_edit_links(operator, building):
    make_scenario(building)
    page = _client(operator).get("/staff/practice/").content.decode()
    assert "Запах газа в парадной" in page and "Начать звонок" in page and "Изменить" not in page


def test_a_specialist_does_not_practise(specialist, building):
    scenario = make_scenario(building)
    client = _client(specialist)
    assert client.get("/staff/practice/").status_code == 403
    assert client.get(f"/staff/practice/{scenario.pk}/").status_code == 302  # back to the list, with a message
    assert not scenario.attempts.exists()


def test_a_supervisor_writes_a_scenario_matched_to_the_registry(supervisor, building):
    response = _client(supervisor).post("/staff/practice/scenarios/new/", _scenario_post())
    assert response.status_code == 302
    scenario = Scenario.objects.get()
    assert scenario.expected_building == building and scenario.caller_phone == "+79210001122"
    assert scenario.facts == [{"question": "Номер телефона", "answer": "8 921 000-11-22", "required": True},
                              {"question": "Давно?", "answer": "С утра", "required": False}]
    assert scenario.created_by == supervisor


def test_a_bad_question_line_gives_a_russian_message(supervisor):
    response = _client(supervisor).post("/staff/practice/scenarios/new/",
                                        _scenario_post(facts_lines="просто вопрос без ответа", caller_phone="12"))
    page = response.content.decode()
    assert response.status_code == 400 and "Строка 1: напишите вопрос и ответ через «|»" in page
    assert "Сценарий не сохранён" in page and not Scenario.objects.exists()


def test_drafts_are_hidden_from_operators(operator, building):
    draft = make_scenario(building, is_published=False, title="Черновик сценария")
    client = _client(operator)
    assert "Черновик сценария" not in client.get("/staff/practice/").content.decode()
    assert client.get(f"/staff/practice/{draft.pk}/").status_code == 302
    assert not draft.attempts.exists()


def test_the_navigation_shows_practice_to_operators(operator, specialist):
    assert "Учебные звонки" in _client(operator).get("/staff/practice/").content.decode()
    assert "/staff/practice/" not in _client(specialist).get("/staff/my/").content.decode()

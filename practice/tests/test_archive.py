"""A scenario made from an archive appeal: its problem and classification, none of its personal data."""

import pytest
from django.test import Client

from appeals import services
from appeals.models import Reason
from conftest import create_appeal
from practice.models import Scenario

pytestmark = pytest.mark.django_db

TEXT = ("Звонит Иванова Мария Петровна, кв. 12: с потолка в ванной льётся вода, соседи из кв. 16 не открывают. "
        "Перезвонить по номеру 8 921 123-45-67 или написать на maria.ivanova@example.com. Мария просит акт.")


def _appeal(supervisor, building):
    appeal = create_appeal(TEXT, full_name="Иванова Мария Петровна", phone="+79211234567",
                           email="maria.ivanova@example.com", building=building, flat="12")
    return services.classify(appeal, supervisor, reason=Reason.objects.get(code="water-flood"))


def test_scenario_from_an_appeal_holds_none_of_its_personal_data(supervisor, building):
    appeal = _appeal(supervisor, building)
    client = Client()
    client.force_login(supervisor)
    response = client.post("/staff/practice/from-appeal/", {"number": appeal.number})
    scenario = Scenario.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/practice/scenarios/{scenario.pk}/edit/"

    stored = " ".join(str(v) for v in (scenario.title, scenario.caller_words, scenario.facts, scenario.caller_name,
                                       scenario.caller_phone, scenario.expected_flat, scenario.expected_address))
    for secret in ("Иванов", "Мари", "Петровн", "921", "123-45-67", "1234567", "maria", "example.com",
                   "кв. 12", "кв. 16"):
        assert secret not in stored, secret
    assert scenario.expected_flat != "12"
    assert "льётся вода" in scenario.caller_words
    assert scenario.expected_reason.code == "water-flood" and scenario.expected_priority == "emergency"
    assert scenario.expected_building == building and not scenario.is_published
    assert scenario.source == Scenario.Source.ARCHIVE


def test_an_appeal_without_a_reason_gives_a_message(supervisor, building):
    appeal = create_appeal("Что-то непонятное", building=building)
    client = Client()
    client.force_login(supervisor)
    response = client.post("/staff/practice/from-appeal/", {"number": appeal.number}, follow=True)
    assert "сначала классифицируйте" in response.content.decode()
    assert not Scenario.objects.exists()


def test_an_unknown_number_gives_a_message(supervisor):
    client = Client()
    client.force_login(supervisor)
    response = client.post("/staff/practice/from-appeal/", {"number": "26-999999"}, follow=True)
    assert "Обращение № 26-999999 не найдено" in response.content.decode()


def test_the_appeal_page_offers_the_action_to_supervisors_only(supervisor, operator, building):
    appeal = _appeal(supervisor, building)
    for user, shown in ((supervisor, True), (operator, False)):
        client = Client()
        client.force_login(user)
        page = client.get(f"/staff/appeals/{appeal.number}/").content.decode()
        assert ("Сделать учебный сценарий" in page) is shown


def test_an_operator_cannot_make_a_scenario_from_an_appeal(supervisor, operator, building):
    appeal = _appeal(supervisor, building)
    client = Client()
    client.force_login(operator)
    assert client.post("/staff/practice/from-appeal/", {"number": appeal.number}).status_code == 403
    assert not Scenario.objects.exists()

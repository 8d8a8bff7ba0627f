"""The practice call page: the caller's words, questions answered when asked, with scripts and without."""

import pytest
from django.test import Client

from practice.models import Attempt

from .factories import make_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(operator):
    client = Client()
    client.force_login(operator)
    return client


def test_answers_are_hidden_until_asked(client, building):
    scenario = make_scenario(building)
    page = client.get(f"/staff/practice/{scenario.pk}/").content.decode()
    assert "На лестнице пахнет газом" in page and "Учебный звонок" in page
    assert "Телефон</button>" in page and "8 921 123-45-67" not in page


def test_asking_with_scripts_answers_in_place(client, building):
    scenario = make_scenario(building)
    client.get(f"/staff/practice/{scenario.pk}/")
    attempt = Attempt.objects.get()
    response = client.post(f"/staff/practice/attempts/{attempt.pk}/ask/1/", {}, HTTP_HX_REQUEST="true")
    fragment = response.content.decode()
    assert response.status_code == 200 and "<html" not in fragment
    assert 'id="question-1"' in fragment and "8 921 123-45-67" in fragment
    attempt.refresh_from_db()
    assert attempt.asked == [1]


def test_asking_without_scripts_keeps_what_was_typed(client, building):
    scenario = make_scenario(building)
    client.get(f"/staff/practice/{scenario.pk}/")
    attempt = Attempt.objects.get()
    typed = {"full_name": "Иванова Мария", "flat": "12", "is_elderly": "on", "building_id": building.pk,
             "address_text": building.address}
    page = client.post(f"/staff/practice/attempts/{attempt.pk}/ask/0/", typed).content.decode()
    assert "Иванова Мария Петровна." in page  # the answer
    assert 'value="Иванова Мария"' in page and 'value="12"' in page
    assert '<input type="checkbox" name="is_elderly" value="on" id="id_is_elderly" checked>' in page
    assert '<input type="checkbox" name="is_veteran" id="id_is_veteran">' in page
    assert f'name="building_id" value="{building.pk}"' in page
    asked_twice = client.post(f"/staff/practice/attempts/{attempt.pk}/ask/0/", typed)
    assert asked_twice.status_code == 200
    attempt.refresh_from_db()
    assert attempt.asked == [0]


def test_a_question_the_scenario_lacks_gives_a_message(client, building):
    scenario = make_scenario(building)
    client.get(f"/staff/practice/{scenario.pk}/")
    attempt = Attempt.objects.get()
    response = client.post(f"/staff/practice/attempts/{attempt.pk}/ask/99/", {}, follow=True)
    assert "Такого вопроса в сценарии нет." in response.content.decode()


def test_an_unscored_attempt_opens_its_call(client, building):
    scenario = make_scenario(building)
    client.get(f"/staff/practice/{scenario.pk}/")
    attempt = Attempt.objects.get()
    response = client.get(f"/staff/practice/attempts/{attempt.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/staff/practice/{scenario.pk}/"

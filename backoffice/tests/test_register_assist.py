"""The registration assistant: suggestions from the text, and empty fields filled from it."""

import pytest

from appeals.models import Appeal, Reason
from backoffice.tests.test_register import URL, form_data
from conftest import create_building

pytestmark = pytest.mark.django_db
CALL = "Звонит Сидорова Анна Павловна, тел. 8 921 555-44-33, улица Марата 7 кв 12: пахнет газом в подъезде"


@pytest.fixture
def operator_client(client, operator):
    client.force_login(operator)
    return client


def test_panel_warns_of_an_emergency_and_offers_its_reason(operator_client):
    create_building("улица Марата", "7")
    html = operator_client.post("/staff/register/analyse/", {"text": CALL}).content.decode()
    gas = Reason.objects.get(code="gas-smell")
    assert "Похоже на аварию" in html and f'value="pick:{gas.pk}"' in html
    # The rule, not the model, put the emergency first: the chip says so instead of showing a made-up share.
    gas_chip = html[html.index(f'value="pick:{gas.pk}"'):].split("</button>")[0]
    assert "аварийное правило по словам" in gas_chip and '<span class="score">правило</span>' in gas_chip
    assert "Сидорова Анна Павловна" in html and "+79215554433" in html and "улица Марата, д. 7" in html


def test_panel_stays_empty_for_a_few_words(operator_client):
    assert operator_client.post("/staff/register/analyse/", {"text": "газ"}).content.decode().strip() == ""


def test_panel_lists_only_what_would_fill_an_empty_field(operator_client):
    html = operator_client.post("/staff/register/analyse/", {"text": CALL, "full_name": "Сидорова А. П."}).content
    assert "Сидорова Анна Павловна" not in html.decode() and "+79215554433" in html.decode()


def test_fill_sets_empty_fields_and_keeps_what_the_operator_typed(operator_client):
    building = create_building("улица Марата", "7")
    data = form_data(text=CALL, full_name="", phone="", address_text="", flat="", reason="", email="my@example.ru")
    response = operator_client.post(URL, {**data, "action": "fill"})
    assert response.status_code == 200 and not Appeal.objects.exists()
    form = response.context["form"]
    assert form.initial["full_name"] == "Сидорова Анна Павловна" and form.initial["phone"] == "+79215554433"
    assert form.initial["email"] == "my@example.ru"  # typed by the operator: kept
    assert form.initial["flat"] == "12" and response.context["building"] == building
    assert "Обращение не зарегистрировано" not in response.content.decode()


def test_fill_never_overwrites_a_typed_name(operator_client):
    data = form_data(text=CALL, full_name="Сидорова Анна", phone="")
    form = operator_client.post(URL, {**data, "action": "fill"}).context["form"]
    assert form.initial["full_name"] == "Сидорова Анна" and form.initial["phone"] == "+79215554433"


def test_picking_a_suggestion_sets_the_reason_and_shows_its_norm(operator_client):
    gas = Reason.objects.get(code="gas-smell")
    response = operator_client.post(URL, {**form_data(text=CALL, reason=""), "action": f"pick:{gas.pk}"})
    assert response.context["form"].initial["reason"] == str(gas.pk)
    assert "Аварийная" in response.content.decode()
    assert not Appeal.objects.exists()


def test_care_flags_survive_a_round_trip(operator_client):
    response = operator_client.post(URL, {**form_data(text=CALL), "is_veteran": "on", "action": "fill"})
    assert 'name="is_veteran" value="on" checked' in response.content.decode()


def test_registration_after_the_round_trip_registers_once(operator_client):
    data = form_data(text=CALL, reason="", full_name="", phone="")
    form = operator_client.post(URL, {**data, "action": "fill"}).context["form"]
    filled = {**data, **{k: v for k, v in form.initial.items() if isinstance(v, str) and v}}
    response = operator_client.post(URL, filled)
    assert response.status_code == 302 and Appeal.objects.get().applicant.full_name == "Сидорова Анна Павловна"

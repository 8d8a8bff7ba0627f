import datetime as dt

import pytest

from appeals.models import Appeal, PersonalDataAccess
from conftest import create_building, create_staff
from deadlines.calendar import MOSCOW

pytestmark = pytest.mark.django_db

URL = "/api/v1/appeals"


def test_create_answers_201_with_number_code_and_deadlines(client_for, operator):
    response = client_for(operator).post_json(URL, {"text": "Не работает домофон в парадной"})
    assert response.status_code == 201
    data = response.json()
    appeal = Appeal.objects.get()
    assert data["number"] == appeal.number
    assert data["access_code"] == appeal.access_code
    assert data["status"] == "received"
    assert data["registration_due"].endswith("23:59:59+03:00")
    assert data["answer_due"].endswith("23:59:59+03:00")
    assert data["received_at"].endswith("+03:00")


def test_channel_defaults_to_api_and_kind_to_appeal(client_for, operator):
    data = client_for(operator).post_json(URL, {"text": "Вопрос о тарифах"}).json()
    assert (data["channel"], data["kind"]) == ("api", "appeal")


def test_kind_and_channel_are_taken_as_given(client_for, operator):
    data = client_for(operator).post_json(URL, {"text": "Жалоба на уборку", "kind": "complaint",
                                                "channel": "email"}).json()
    assert (data["channel"], data["kind"]) == ("email", "complaint")


def test_received_at_with_offset_is_kept_and_shown_in_moscow_time(client_for, operator):
    data = client_for(operator).post_json(URL, {"text": "Письмо о протечке",
                                                "received_at": "2025-03-03T07:30:00+00:00"}).json()
    assert data["received_at"] == "2025-03-03T10:30:00+03:00"
    appeal = Appeal.objects.get()
    assert appeal.received_at == dt.datetime(2025, 3, 3, 7, 30, tzinfo=dt.UTC)
    # a deadline counted in days ends at the end of its day, Moscow time
    assert data["answer_due"] == f"{appeal.answer_due.astimezone(MOSCOW):%Y-%m-%d}T23:59:59+03:00"


def test_address_is_matched_to_the_registry(client_for, operator):
    building = create_building("улица Марата", "7")
    data = client_for(operator).post_json(URL, {"text": "Течёт крыша", "address": "ул. Марата, д. 7",
                                                "flat": "12"}).json()
    assert data["building"] == {"id": building.pk, "address": "улица Марата, д. 7"}
    assert data["flat"] == "12"
    assert data["address_text"] == "ул. Марата, д. 7"


def test_unknown_address_is_kept_as_typed(client_for, operator):
    data = client_for(operator).post_json(URL, {"text": "Течёт крыша", "address": "пос. Новый, ул. Лесная 1"}).json()
    assert data["building"] is None
    assert data["address_text"] == "пос. Новый, ул. Лесная 1"


def test_building_id_picks_the_building(client_for, operator):
    building = create_building("Невский проспект", "10")
    data = client_for(operator).post_json(URL, {"text": "Нет света в парадной", "building_id": building.pk}).json()
    assert data["building"]["id"] == building.pk


def test_reason_classifies_and_registers_as_the_registration_screen_does(client_for, operator):
    data = client_for(operator).post_json(URL, {"text": "Протекает крыша", "reason": "roof-damage"}).json()
    assert data["status"] == "registered"
    assert data["reason"] == {"code": "roof-damage", "name": "Повреждение кровли, протечка с крыши"}
    assert data["category"]["code"] == "roof"
    assert data["complexity"] == {"code": "B", "label": "Б — требует анализа"}
    assert data["department"]["code"] == "tech"
    assert {"received", "classified", "register"} <= {event["action"] for event in data["history"]}
    assert data["history"][-1]["actor"]["username"] == "operator"


def test_emergency_reason_gets_emergency_priority(client_for, operator):
    data = client_for(operator).post_json(URL, {"text": "Запах газа на лестнице", "reason": "gas-smell"}).json()
    assert data["priority"] == "emergency"


def test_applicant_is_saved_with_normalised_phone_and_shown_to_staff(client_for, operator):
    payload = {"text": "Прошу проверить счётчик", "flat": "5",
               "applicant": {"full_name": "Смирнова Анна Ивановна", "phone": "8 (921) 765-43-21",
                             "email": "anna@example.ru", "postal_address": "СПб, ул. Марата, 7-5",
                             "is_veteran": True}}
    data = client_for(operator).post_json(URL, payload).json()
    assert data["applicant"]["full_name"] == "Смирнова Анна Ивановна"
    assert data["applicant"]["phone"] == "+79217654321"
    assert data["applicant"]["care_flags"] == ["ветеран"]
    assert data["priority"] == "high"


def test_create_with_applicant_writes_personal_data_access_log(client_for, operator):
    client_for(operator).post_json(URL, {"text": "Шумят соседи", "applicant": {"full_name": "Петров Пётр"}})
    row = PersonalDataAccess.objects.get()
    assert row.user == operator
    assert row.appeal == Appeal.objects.get()


def test_specialist_may_not_create(client_for, specialist):
    response = client_for(specialist).post_json(URL, {"text": "Течёт кран"})
    assert response.status_code == 403
    assert response.json() == {"detail": "У вас нет права на действие «Принять обращение»."}
    assert not Appeal.objects.exists()


def test_supervisor_may_create(client_for, db):
    response = client_for(create_staff("boss", "supervisor", "crm")).post_json(URL, {"text": "Течёт кран"})
    assert response.status_code == 201


@pytest.mark.parametrize("payload", [
    {"text": "Не работает домофон"},
    {"text": "Течёт крыша", "address": "ул. Марата, д. 7", "flat": "12"},
    {"text": "Течёт крыша", "reason": "roof-damage", "kind": "complaint", "channel": "email",
     "applicant": {"full_name": "Петров Пётр Петрович", "phone": "+7 812 123-45-67", "email": "p@example.ru"}},
])
def test_the_created_appeal_is_answered_as_it_reads_back(client_for, supervisor, payload):
    """The answer to a create is made from what the verbs returned, not read again: it must be what a GET
    answers right after."""
    create_building("улица Марата", "7")
    client = client_for(supervisor)
    created = client.post_json(URL, payload)
    assert created.status_code == 201, created.content
    read = client.get(f"{URL}/{created.json()['number']}")
    assert created.json() == read.json()

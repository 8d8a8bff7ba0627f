"""The operator's registration screen: a call or a visit becomes a registered appeal with a number to dictate."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from appeals.models import Appeal, PersonalDataAccess, Reason
from conftest import create_appeal, create_building, create_staff

pytestmark = pytest.mark.django_db

URL = "/staff/register/"


def reason_id(code: str) -> str:
    return str(Reason.objects.get(code=code).pk)


def form_data(**changes) -> dict:
    data = {"channel": "phone", "kind": "request",
            "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "full_name": "Петров Пётр Петрович", "phone": "8 921 000-11-22", "email": "",
            "address_text": "Марата 7", "building_id": "", "flat": "5",
            "reason": reason_id("roof-damage"), "complexity": "",
            "text": "Течёт крыша над кухней, вода капает с потолка.", "short_content": ""}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def operator_client(client, operator):
    client.force_login(operator)
    return client


def test_page_offers_the_fields_of_a_call(operator_client):
    html = operator_client.get(URL).content.decode()
    for name in ("channel", "kind", "received_at", "q", "full_name", "phone", "email", "is_disabled", "is_veteran",
                 "is_elderly", "is_low_income", "address_text", "flat", "reason", "complexity", "text",
                 "short_content", "department"):
        assert f'name="{name}"' in html, name
    assert re.search(r'<input type="radio" name="channel" value="phone"[^>]*checked', html)
    assert "<optgroup label=\"Газоснабжение\">" in html
    assert "⚠ Запах газа (аварийная)" in html


def test_registered_call_shows_number_code_and_deadline(operator_client, operator):
    building = create_building("улица Марата", "7")
    response = operator_client.post(URL, form_data(building_id=str(building.pk), address_text=building.address))
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/register/done/{appeal.number}/"

    html = operator_client.get(response["Location"]).content.decode()
    assert appeal.number in html and appeal.access_code in html
    assert f"{timezone.localtime(appeal.answer_due):%d.%m.%Y}" in html
    assert appeal.status == "registered" and appeal.registered_at is not None
    assert appeal.channel == "phone" and appeal.kind == "request" and appeal.building == building
    assert appeal.reason.code == "roof-damage" and appeal.complexity == "B" and appeal.department.code == "tech"
    assert appeal.applicant.phone == "+79210001122" and appeal.flat == "5"
    actions = list(appeal.events.values_list("action", flat=True))
    assert actions[0] == "received" and "classified" in actions and actions[-1] == "register"
    assert all(e.actor == operator for e in appeal.events.all())


def test_unknown_address_is_kept_as_typed(operator_client):
    response = operator_client.post(URL, form_data(address_text="пос. Солнечное, ул. Новая, д. 1", flat="3"))
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.building is None and appeal.address_text == "пос. Солнечное, ул. Новая, д. 1"
    assert appeal.applicant.address == "пос. Солнечное, ул. Новая, д. 1, кв. 3"


def test_typed_registry_address_is_matched_without_scripts(operator_client):
    building = create_building("улица Марата", "7")
    operator_client.post(URL, form_data(address_text="ул. Марата, д. 7"))
    assert Appeal.objects.get().building == building


def test_letter_may_be_registered_with_a_past_date(operator_client):
    received = timezone.localtime() - dt.timedelta(days=3)
    operator_client.post(URL, form_data(channel="post", received_at=received.strftime("%Y-%m-%dT%H:%M")))
    appeal = Appeal.objects.get()
    assert appeal.channel == "post" and timezone.localtime(appeal.received_at).date() == received.date()


def test_future_date_is_refused_in_russian(operator_client):
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    response = operator_client.post(URL, form_data(received_at=tomorrow.strftime("%Y-%m-%dT%H:%M")))
    assert response.status_code == 400
    assert "Дата поступления не может быть в будущем." in response.content.decode()
    assert response.context["form"].errors["received_at"] == ["Дата поступления не может быть в будущем."]
    assert not Appeal.objects.exists()


def test_bad_phone_is_shown_on_the_phone_field_and_nothing_is_saved(operator_client):
    response = operator_client.post(URL, form_data(phone="12345"))
    assert response.status_code == 400
    assert "Телефон: 5 цифр, а нужно 10" in response.context["form"].errors["phone"][0]
    assert not Appeal.objects.exists()
    # What the operator typed is still there.
    assert "Течёт крыша над кухней" in response.content.decode()


def test_empty_text_is_refused(operator_client):
    response = operator_client.post(URL, form_data(text="  "))
    assert response.context["form"].errors["text"] == ["Введите текст обращения."]
    assert not Appeal.objects.exists()


def test_without_reason_the_appeal_is_received_but_waits_for_classification(operator_client):
    response = operator_client.post(URL, form_data(reason=""))
    appeal = Appeal.objects.get()
    assert appeal.status == "received" and appeal.reason is None
    html = operator_client.get(response["Location"]).content.decode()
    assert "пока не зарегистрировано" in html and appeal.number in html


def test_emergency_reason_with_care_flags_gets_emergency_priority_and_hour_deadline(operator_client):
    operator_client.post(URL, form_data(reason=reason_id("gas-smell"), is_veteran="on"))
    appeal = Appeal.objects.get()
    assert appeal.priority == "emergency" and appeal.applicant.is_veteran
    assert appeal.answer_due - appeal.received_at == dt.timedelta(minutes=30)


def test_chosen_applicant_is_reused_not_duplicated(operator_client):
    earlier = create_appeal(full_name="Иванова Мария Петровна", phone="+79211234567")
    operator_client.post(URL, form_data(applicant_id=str(earlier.applicant_id), full_name="", phone=""))
    assert Appeal.objects.latest("id").applicant_id == earlier.applicant_id


def test_supervisor_may_assign_a_person_at_once(client, supervisor):
    engineer = create_staff("engineer", "specialist", "tech")
    client.force_login(supervisor)
    client.post(URL, form_data(assignee=str(engineer.pk)))
    appeal = Appeal.objects.get()
    assert appeal.status == "assigned" and appeal.assignee == engineer


def test_operator_may_hand_to_a_department_but_not_choose_a_person(operator_client):
    html = operator_client.get(URL).content.decode()
    assert 'name="assignee"' not in html
    from accounts.models import Department

    operator_client.post(URL, form_data(department=str(Department.objects.get(code="legal").pk)))
    assert Appeal.objects.get().department.code == "legal"


def test_specialist_may_not_register(client, specialist):
    client.force_login(specialist)
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data()).status_code == 403


def test_anonymous_is_sent_to_log_in(client):
    assert client.get(URL)["Location"].startswith("/staff/login/")


def test_reason_hint_shows_derived_priority_and_norm(operator_client):
    html = operator_client.post("/staff/register/hint/", {"reason": reason_id("gas-smell")}).content.decode()
    assert "Аварийная" in html and "30 мин" in html
    html = operator_client.post("/staff/register/hint/", {"reason": reason_id("roof-damage"),
                                                         "is_disabled": "on"}).content.decode()
    assert "высокий" in html and "Б — требует анализа" in html


def test_building_suggestions_for_a_typed_fragment(operator_client):
    create_building("Невский проспект", "10")
    create_building("Невский проспект", "100")
    create_building("улица Марата", "7")
    html = operator_client.get("/staff/buildings/suggest/", {"address_text": "невск 10"}).content.decode()
    assert "Невский проспект, д. 10" in html and "Невский проспект, д. 100" in html
    assert "Марата" not in html
    html = operator_client.get("/staff/buildings/suggest/", {"address_text": "марата 7"}).content.decode()
    assert "улица Марата, д. 7" in html


def test_picking_a_suggested_building_fills_its_id(operator_client):
    building = create_building("улица Марата", "7")
    html = operator_client.get(f"/staff/buildings/pick/{building.pk}/").content.decode()
    assert f'name="building_id" value="{building.pk}"' in html and "улица Марата, д. 7" in html


def test_applicant_search_shows_earlier_appeals_and_is_logged(operator_client, operator):
    earlier = create_appeal("Не работает домофон в парадной", full_name="Иванова Мария Петровна",
                            phone="+79211234567")
    create_appeal(full_name="Сидоров Олег", phone="+79219999999")
    for query in ("921 123 45 67", "иванова", "Иванова М"):
        html = operator_client.post("/staff/applicants/search/", {"q": query}).content.decode()
        assert "Иванова Мария Петровна" in html and "Сидоров" not in html, query
        assert earlier.number in html and "Не работает домофон" in html and "Поступило" in html
    rows = PersonalDataAccess.objects.filter(user=operator, action="search_applicants")
    assert sorted(rows.values_list("detail", flat=True)) == [
        "Поиск «921 123 45 67»: найдено 1", "Поиск «Иванова М»: найдено 1", "Поиск «иванова»: найдено 1"]


def test_search_and_pick_work_without_scripts(operator_client):
    earlier = create_appeal(full_name="Иванова Мария Петровна", phone="+79211234567")
    html = operator_client.post(URL, {"action": "lookup", "q": "Иванова"}).content.decode()
    assert "Иванова Мария Петровна" in html and earlier.number in html and 'value="Иванова"' in html
    assert f'href="/staff/register/?applicant={earlier.applicant_id}"' in html
    html = operator_client.get(URL, {"applicant": earlier.applicant_id}).content.decode()
    assert f'name="applicant_id" value="{earlier.applicant_id}"' in html


def test_name_with_markup_comes_back_escaped(operator_client):
    response = operator_client.post(URL, form_data(full_name="<script>alert(1)</script> Петров",
                                                   short_content="<b>жирный</b>"))
    html = operator_client.get(response["Location"]).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html

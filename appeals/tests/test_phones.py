"""Phones: digits of any script are the same digits in every channel; a number of the wrong length is refused
with a message, never «completed»."""

import pytest
from django.utils import timezone

from accounts.models import ApiToken
from appeals.contacts import normalize_phone
from appeals.errors import AppealError
from appeals.models import Appeal, Applicant
from conftest import create_appeal
from triage.extraction import extract
from triage.extraction.contacts import find_phones

pytestmark = pytest.mark.django_db

FULL_WIDTH = "+7 ９２１ １２３-４５-６７"
ARABIC_INDIC = "٨ (٩٢١) ١٢٣-٤٥-٦٧"


@pytest.mark.parametrize("typed", [FULL_WIDTH, ARABIC_INDIC, "８９２１１２３４５６７", "+7 ९२१ १२३ ४५ ६७"])
def test_digits_of_any_script_are_stored_as_plain_digits(typed):
    assert normalize_phone(typed) == "+79211234567"


@pytest.mark.parametrize("typed, message", [
    ("+7 921 123-45-6", "Телефон: 9 цифр после +7, а нужно 10."),
    ("8 921 123-45-6", "Телефон: 9 цифр после 8, а нужно 10."),
    ("7 921 123 45 6", "Телефон: 9 цифр после 7, а нужно 10."),
    ("8 921 123-45-678", "Телефон: 11 цифр после 8, а нужно 10."),
    ("+7 921 123-45-678", "Телефон: 11 цифр после +7, а нужно 10."),
    ("+375 29 123-45-67", "Телефон: принимаем российские номера"),
])
def test_a_number_a_digit_short_or_long_is_refused_not_completed(typed, message):
    with pytest.raises(AppealError) as refused:
        normalize_phone(typed)
    assert refused.value.field == "phone"
    assert refused.value.message.startswith(message)
    # a city number without the trunk prefix has its ten digits and is taken
    assert normalize_phone("812 123-45-67") == "+78121234567"


def _web_form(**changes) -> dict:
    return {"kind": "complaint", "full_name": "Сидорова Анна Ильинична", "phone": "8 (921) 765-43-21", "email": "",
            "address": "", "building": "", "flat": "", "consent": "on",
            "text": "Третью неделю не работает лифт во втором подъезде.", **changes}


def test_public_form_stores_a_full_width_phone_as_digits(client):
    response = client.post("/appeal/", _web_form(phone=FULL_WIDTH))
    assert response.status_code == 302
    assert Applicant.objects.get().phone == "+79211234567"


def test_public_form_refuses_a_phone_a_digit_short_on_the_phone_field(client):
    response = client.post("/appeal/", _web_form(phone="8 921 765-43-2"))
    assert response.status_code == 200
    assert response.context["form"].errors["phone"] == [
        "Телефон: 9 цифр после 8, а нужно 10. Проверьте номер, например +7 921 123-45-67."]
    assert not Appeal.objects.exists()


def test_back_office_refuses_a_phone_a_digit_short_on_the_phone_field(client, operator):
    client.force_login(operator)
    response = client.post("/staff/register/", {
        "channel": "phone", "kind": "request", "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "full_name": "Петров Пётр Петрович", "phone": "+7 921 000-11-2", "text": "Течёт крыша над кухней."})
    assert response.status_code == 400
    assert response.context["form"].errors["phone"][0].startswith("Телефон: 9 цифр после +7, а нужно 10.")
    assert not Appeal.objects.exists()


def test_api_refuses_a_phone_a_digit_short_naming_the_field(client, operator):
    _, key = ApiToken.issue(operator)
    response = client.post("/api/v1/appeals", {"text": "Не работает домофон", "applicant": {
        "full_name": "Петров Пётр Петрович", "phone": "8 921 000-11-2"}}, content_type="application/json",
        headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "applicant", "phone"]
    assert problem["msg"].startswith("Телефон: 9 цифр после 8, а нужно 10.")
    assert not Appeal.objects.exists()


def test_journal_finds_an_applicant_by_a_phone_typed_in_full_width_digits(client, supervisor):
    appeal = create_appeal("Протекает крыша", phone="+79211234567")
    create_appeal("Не работает лифт", full_name="Петров Пётр", phone="+79217654321")
    client.force_login(supervisor)
    response = client.get("/staff/journal/", {"q": "１２３-４５-６７"})
    assert [a.pk for a in response.context["page"].rows] == [appeal.pk]


def test_extraction_reads_a_phone_in_arabic_indic_digits():
    assert extract(f"Кузнецова Мария, звоните {ARABIC_INDIC}").phone == "+79211234567"


def test_a_phone_in_full_width_digits_is_found_in_place_in_a_text():
    text = f"Мой телефон {FULL_WIDTH}, звоните вечером"
    [found] = find_phones(text)
    assert (found.value, text[found.start:found.end]) == ("+79211234567", FULL_WIDTH)

"""An applicant's e-mail and single-line fields: a look-alike domain, an over-long mailbox, a name with a line
break or a control character are refused in the domain, so the back office, the public form and the API
refuse alike, each on the field."""

import pytest
from django.utils import timezone

from accounts.models import ApiToken
from appeals.applicants import ApplicantData, applicant_for
from appeals.contacts import check_email
from appeals.errors import AppealError
from appeals.models import Appeal, Applicant

pytestmark = pytest.mark.django_db

LOOK_ALIKE = "ivanova@mаil.ru"  # the «а» of «mail» is Cyrillic
LONG_MAILBOX = "i" * 65 + "@mail.ru"


@pytest.mark.parametrize("email, message", [
    (LOOK_ALIKE, "Адрес электронной почты: в «mаil» смешаны буквы разных алфавитов"),
    ("ivanova@xn--mil-6cd.ru", "Адрес электронной почты: в «mаil» смешаны"),  # as a browser's e-mail field sends it
    ("ivanova@почтa.рф", "Адрес электронной почты: в «почтa» смешаны буквы разных алфавитов"),
    (LONG_MAILBOX, "Адрес электронной почты: имя ящика до «@» длиннее 64 знаков"),
    ("ivanova@localhost", "Проверьте адрес электронной почты"),
    ("ivanova@[127.0.0.1]", "Проверьте адрес электронной почты"),
    ("iva\u200bnova@mail.ru", "В адресе электронной почты есть невидимые или управляющие знаки"),
])
def test_misleading_e_mail_is_refused_naming_the_field(email, message):
    with pytest.raises(AppealError) as refused:
        applicant_for(ApplicantData(full_name="Иванова Мария Петровна", email=email))
    assert refused.value.field == "email"
    assert refused.value.message.startswith(message)
    assert not Applicant.objects.exists()
    # one alphabet a label is an address: Latin, or Cyrillic (IDN)
    assert check_email("ivanova@почта.рф") == "ivanova@почта.рф"
    assert check_email("ｉｖａｎｏｖａ@mail.ru") == "ivanova@mail.ru"


@pytest.mark.parametrize("name", ["Иванова\r\nBcc: all@example.ru", "Иванова\nМария", "Иванова\x07Мария",
                                  "Иванова\u2028Мария", "\u200b"])
def test_name_with_a_line_break_or_a_control_character_is_refused(name):
    with pytest.raises(AppealError) as refused:
        applicant_for(ApplicantData(full_name=name, phone="+79211234567"))
    assert refused.value.field == "full_name"
    assert not Applicant.objects.exists()


def test_postal_address_with_a_line_break_is_refused():
    with pytest.raises(AppealError) as refused:
        applicant_for(ApplicantData(full_name="Иванова Мария", phone="+79211234567", postal_address="Марата 7\r\n"
                                    "кв. 5"))
    assert refused.value.field == "postal_address"


def _web_form(**changes) -> dict:
    return {"kind": "complaint", "full_name": "Сидорова Анна Ильинична", "phone": "", "email": "sidorova@mail.ru",
            "address": "", "building": "", "flat": "", "consent": "on",
            "text": "Третью неделю не работает лифт во втором подъезде.", **changes}


@pytest.mark.parametrize("field, value", [("email", LOOK_ALIKE), ("email", LONG_MAILBOX),
                                          ("full_name", "Сидорова\r\nАнна"), ("full_name", "Сидорова\x1bАнна")])
def test_public_form_refuses_on_the_field(client, field, value):
    response = client.post("/appeal/", _web_form(**{field: value}))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("field, value", [("email", LOOK_ALIKE), ("full_name", "Петров\r\nПётр")])
def test_back_office_refuses_on_the_field(client, operator, field, value):
    client.force_login(operator)
    data = {"channel": "phone", "kind": "request", "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "full_name": "Петров Пётр Петрович", "phone": "8 921 000-11-22", "text": "Течёт крыша над кухней.",
            field: value}
    response = client.post("/staff/register/", data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("field, value, message", [
    ("email", LOOK_ALIKE, "Адрес электронной почты: в «mаil» смешаны"),
    ("email", LONG_MAILBOX, "Адрес электронной почты: имя ящика"),
    ("full_name", "Петров\r\nПётр", "ФИО: уберите перевод строки"),
])
def test_api_refuses_naming_the_field(client, operator, field, value, message):
    _, key = ApiToken.issue(operator)
    applicant = {"full_name": "Петров Пётр Петрович", "phone": "8 921 000-11-22", field: value}
    response = client.post("/api/v1/appeals", {"text": "Не работает домофон", "applicant": applicant},
                           content_type="application/json", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "applicant", field]
    assert problem["msg"].startswith(message)
    assert not Appeal.objects.exists()

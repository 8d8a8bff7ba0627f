"""The applicant's card: personal data, care flags and all their appeals; every view is access-logged."""

import pytest

from appeals.models import PersonalDataAccess
from conftest import create_appeal, create_staff

pytestmark = pytest.mark.django_db


def card_url(applicant) -> str:
    return f"/staff/applicants/{applicant.pk}/"


def test_card_shows_personal_data_flags_and_all_appeals(client, operator):
    first = create_appeal("Не работает домофон", email="ivanova@example.ru")
    second = create_appeal("Протекает крыша над кухней")
    applicant = first.applicant
    applicant.is_disabled = True
    applicant.save()
    assert second.applicant_id == applicant.pk
    client.force_login(operator)
    html = client.get(card_url(applicant)).content.decode()
    for text in ("Иванова Мария Петровна", "+79211234567", "ivanova@example.ru", "инвалидность",
                 first.number, second.number, "Не работает домофон", "Протекает крыша над кухней", "Поступило"):
        assert text in html, text


def test_viewing_the_card_is_logged(client, operator):
    applicant = create_appeal().applicant
    client.force_login(operator)
    client.get(card_url(applicant), REMOTE_ADDR="10.0.0.7")
    row = PersonalDataAccess.objects.get(action="view_applicant")
    assert (row.user, row.applicant, row.ip) == (operator, applicant, "10.0.0.7")


def test_specialist_sees_only_appeals_of_their_department(client, specialist):
    roof = create_appeal("Протекает крыша", reason="roof-damage")  # technical service
    create_appeal("Грязно в парадной", reason="mkd-cleaning")  # sanitary service
    client.force_login(specialist)
    html = client.get(card_url(roof.applicant)).content.decode()
    assert "Протекает крыша" in html and "Грязно в парадной" not in html


def test_specialist_without_any_of_the_applicants_appeals_gets_404(client):
    applicant = create_appeal(reason="roof-damage").applicant
    client.force_login(create_staff("cleaner", "specialist", "san"))
    assert client.get(card_url(applicant)).status_code == 404
    assert not PersonalDataAccess.objects.exists()


def test_unknown_applicant_is_404_and_anonymous_must_log_in(client, operator):
    assert client.get("/staff/applicants/1/")["Location"].startswith("/staff/login/")
    client.force_login(operator)
    assert client.get("/staff/applicants/999999/").status_code == 404


def test_name_with_markup_is_escaped(client, operator):
    applicant = create_appeal(full_name="<script>alert(1)</script>").applicant
    client.force_login(operator)
    html = client.get(card_url(applicant)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html

"""The register of outgoing letters: every letter of the appeals a person sees, filtered by period and kind."""

import datetime as dt

import pytest

from conftest import create_staff
from letters import services
from letters.choices import LetterKind

from .conftest import decided, extended

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(worker):
    answered = decided(worker)
    services.issue_letter(answered, LetterKind.ANSWER, worker, today=dt.date(2026, 3, 2))
    services.issue_letter(decided(worker, refuse=True), LetterKind.REFUSAL, worker, today=dt.date(2026, 3, 10))
    by_post = extended(worker, email="", full_name="Петров Олег Иванович", phone="+79219876543")
    services.issue_letter(by_post, LetterKind.EXTENSION, worker, today=dt.date(2026, 4, 1))


def test_the_register_lists_filters_and_is_in_the_nav(client, three):
    client.force_login(create_staff("operator", "operator", "crm"))
    html = client.get("/staff/letters/").content.decode()
    assert "Исходящие письма" in html and 'href="/staff/letters/"' in html
    assert all(number in html for number in ("26-0001", "26-0002", "26-0003"))
    assert "<strong>к отправке почтой</strong>" in html and "Иванова Мария Петровна" in html
    html = client.get("/staff/letters/", {"date_from": "2026-03-01", "date_to": "2026-03-31"}).content.decode()
    assert "26-0001" in html and "26-0002" in html and "26-0003" not in html
    html = client.get("/staff/letters/", {"kind": "refusal"}).content.decode()
    assert "26-0002" in html and "26-0001" not in html
    html = client.get("/staff/letters/", {"delivery": "post_waiting"}).content.decode()
    assert "26-0003" in html and "26-0001" not in html and "26-0002" not in html


def test_a_bad_period_is_refused_in_russian(client, three):
    client.force_login(create_staff("operator", "operator", "crm"))
    response = client.get("/staff/letters/", {"date_from": "2026-04-01", "date_to": "2026-03-01"})
    assert response.status_code == 400 and "не может быть раньше" in response.content.decode()


def test_a_specialist_sees_only_the_letters_of_appeals_they_see(client, three):
    client.force_login(create_staff("cashier", "specialist", "paid"))
    html = client.get("/staff/letters/").content.decode()
    assert "Писем с такими условиями нет." in html


def test_someone_who_sees_no_appeals_is_refused(client, db):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("nobody", password="x"))
    assert client.get("/staff/letters/").status_code == 403

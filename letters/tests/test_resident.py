"""The resident's account shows the letters of their own appeals and hands out their PDFs to them only; the
anonymous status page never shows one."""

import pytest
from django.test import Client

from letters import services
from letters.choices import LetterKind
from residents.tests.conftest import create_resident, signed_in

from .conftest import decided

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(worker):
    return services.issue_letter(decided(worker), LetterKind.ANSWER, worker)


def test_the_owner_sees_the_letter_and_downloads_it(letter):
    client = signed_in(Client(), create_resident(email="ivanova@example.ru"))
    html = client.get("/account/").content.decode()
    assert "Письма по обращениям" in html and f"Исх. № {letter.number}" in html
    url = f"/account/letters/{letter.number}.pdf"
    assert url in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_resident_and_anonymous_get_404(letter):
    url = f"/account/letters/{letter.number}.pdf"
    assert Client().get(url).status_code == 404
    other = signed_in(Client(), create_resident(email="someone.else@mail.ru"))
    assert other.get(url).status_code == 404
    assert "Письма по обращениям" not in other.get("/account/").content.decode()


def test_the_tracking_page_never_shows_a_letter(letter):
    appeal = letter.appeal
    client = Client()
    response = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200 and f"№ {appeal.number}" in html
    assert letter.number not in html and "/letters/" not in html and ".pdf" not in html
    assert "Сформировано письмо" not in html and "исх. №" not in html.lower()

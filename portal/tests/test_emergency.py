"""An emergency written on the form: the resident is told at once, above everything, to phone the dispatch
service; the appeal is still accepted, as an emergency with a deadline in hours."""

import re

import pytest

from appeals.models import Appeal
from portal.tests.test_web_form import valid_data
from reference.models import CompanyDetails

pytestmark = pytest.mark.django_db

GAS = "В подъезде сильно пахнет газом, на третьем этаже у лифта"
ROUTINE = "Прошу сообщить, когда будут менять почтовые ящики в подъезде"
WARNING = "Это похоже на аварию"


@pytest.fixture(autouse=True)
def dispatch():
    CompanyDetails.objects.create(dispatch_phone="+7 (812) 555-01-09")


def test_typing_an_emergency_shows_the_warning_at_the_top_of_the_form(client):
    html = client.post("/appeal/hints/", {"text": GAS}).content.decode()
    oob = re.search(r'<div id="emergency-warning" hx-swap-oob="true"[^>]*>(.*?)</div>\s*</div>', html, re.S)
    assert oob and WARNING in oob.group(1) and "555-01-09" in oob.group(1) and "104" in oob.group(1)


def test_a_routine_text_clears_the_warning(client):
    html = client.post("/appeal/hints/", {"text": ROUTINE}).content.decode()
    assert '<div id="emergency-warning" hx-swap-oob="true"' in html and WARNING not in html


def test_the_form_shown_again_keeps_the_warning_without_javascript(client):
    html = client.post("/appeal/", valid_data(text=GAS, full_name="")).content.decode()
    assert html.index(WARNING) < html.index("Обращение пока не отправлено")


def test_the_emergency_is_accepted_and_its_deadline_has_a_time(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/appeal/", valid_data(text=GAS))
    appeal = Appeal.objects.get()
    assert appeal.priority == "emergency"
    html = client.get("/appeal/done/").content.decode()
    assert WARNING in html
    assert re.search(r"не позднее <strong>\d+ \w+ \d{4} г\., \d\d:\d\d</strong>", html)


def test_a_routine_appeal_gets_no_warning(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/appeal/", valid_data(text=ROUTINE))
    assert WARNING not in client.get("/appeal/done/").content.decode()

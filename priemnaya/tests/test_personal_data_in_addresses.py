"""Names, phones, e-mails, the texts residents write and access codes never travel in an address (a GET
query string): addresses are kept in web-server logs and browser histories. Look-ups that carry them are
posted, and still work without scripts."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from appeals.models import PersonalDataAccess
from conftest import create_appeal

pytestmark = pytest.mark.django_db

# Fields that carry a person's details, a resident's text, a search by surname or phone, or an access code.
# A street and house typed for the registry's suggestions name a building, not a person (the flat is apart).
PERSONAL = {"q", "full_name", "phone", "email", "text", "code", "flat", "postal_address",
            "is_disabled", "is_veteran", "is_elderly", "is_low_income"}


class _Fields(HTMLParser):
    """The fields each form of a page sends by GET, and the fields of elements that ask by hx-get."""

    def __init__(self):
        super().__init__()
        self.get_forms, self.forms, self.by_hx_get, self._open = {}, {}, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._open = attrs.get("id") or f"form{len(self.forms)}"
            self.forms[self._open] = (attrs.get("method") or "get").lower()
            return
        name = attrs.get("name")
        if tag in ("input", "select", "textarea", "button") and name:
            owner = attrs.get("form") or self._open
            if owner and self.forms.get(owner) == "get":
                self.get_forms.setdefault(owner, set()).add(name)
            if "hx-get" in attrs:
                self.by_hx_get.append(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = None


def _sent_by_get(html: str) -> set[str]:
    parser = _Fields()
    parser.feed(html)
    return set().union(*parser.get_forms.values(), parser.by_hx_get)


@pytest.fixture
def pages(client, admin_user):
    appeal = create_appeal()
    client.force_login(admin_user)
    staff = {url: client.get(url).content.decode() for url in (
        "/staff/register/", f"/staff/register/?applicant={appeal.applicant_id}", "/staff/journal/",
        f"/staff/appeals/{appeal.number}/", f"/staff/applicants/{appeal.applicant_id}/", "/staff/access-log/")}
    client.logout()
    public = {url: client.get(url).content.decode() for url in ("/", "/appeal/", "/track/", "/faq/")}
    return staff | public


def test_no_form_or_look_up_sends_personal_data_by_get(pages):
    leaks = {url: _sent_by_get(html) & PERSONAL for url, html in pages.items()}
    # The FAQ is searched by a question about the company's work, typed to be found, not a letter.
    leaks["/faq/"] -= {"q"}
    assert not {url: fields for url, fields in leaks.items() if fields}


def test_the_applicant_look_up_is_posted_and_works_without_scripts(client, operator):
    appeal = create_appeal(full_name="Кузнецова Мария Петровна")
    client.force_login(operator)
    assert client.get("/staff/applicants/search/", {"q": "Кузнецова"}).status_code == 405
    assert "Кузнецова Мария Петровна" in client.post("/staff/applicants/search/", {"q": "Кузнецова"}).content.decode()
    html = client.post("/staff/register/", {"action": "lookup", "q": "Кузнецова"}).content.decode()
    assert "Кузнецова Мария Петровна" in html and f"?applicant={appeal.applicant_id}" in html
    assert "{#" not in html and "#}" not in html  # the template's notes stay notes
    assert not appeal.__class__.objects.exclude(pk=appeal.pk).exists()  # a look-up registers nothing


def test_the_journal_search_is_posted_and_its_address_names_only_a_token(client, operator):
    create_appeal(full_name="Кузнецова Мария Петровна", phone="+79217654321")
    create_appeal(full_name="Смирнов Олег")
    client.force_login(operator)
    response = client.post("/staff/journal/", {"q": "921 765-43-21", "status": "received"})
    assert response.status_code == 303
    address = response["Location"]
    assert "765" not in address and "921" not in address and "status=received" in address
    html = client.get(address).content.decode()
    assert "Кузнецова Мария Петровна" in html and "Смирнов" not in html and 'value="921 765-43-21"' in html
    token = parse_qs(urlsplit(address).query)["s"][0]
    export = client.get(f"/staff/journal/export.xlsx?s={token}")
    assert export.status_code == 403  # operators do not export; the supervisor's export reads the same token
    assert PersonalDataAccess.objects.filter(action="journal", detail__contains="921 765-43-21").exists()


def test_a_journal_token_of_another_session_finds_nothing_and_asks_for_the_search(client, operator):
    create_appeal(full_name="Кузнецова Мария Петровна")
    client.force_login(operator)
    html = client.get("/staff/journal/", {"s": "someone-elses"}).content.decode()
    assert "Этот поиск больше не хранится: введите его снова." in html and "Кузнецова" not in html


def test_the_typing_hints_of_the_public_form_are_posted(client):
    text = "Я, Кузнецова Мария, тел. 8 921 765-43-21: не работает лифт в парадной"
    assert client.get("/appeal/hints/", {"text": text}).status_code == 405
    assert client.post("/appeal/hints/", {"text": text}).status_code == 200


def test_the_reason_hint_of_the_registration_screen_is_posted(client, operator):
    client.force_login(operator)
    assert client.get("/staff/register/hint/", {"is_disabled": "on"}).status_code == 405

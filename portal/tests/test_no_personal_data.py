"""152-ФЗ: public pages never show anyone's personal data, whatever happened to the appeal inside."""

import pytest

from appeals import services
from appeals.models import Appeal, Reason
from conftest import create_staff

pytestmark = pytest.mark.django_db

SURNAME = "Затейникова"
NAME = f"{SURNAME} Евлампия Порфирьевна"
PHONE = "+7 (911) 987-65-43"
EMAIL = "evlampia.zateinikova@example.ru"
FLAT = "418Щ"
ADDRESS = "пос. Тихий, ул. Уединённая, д. 99"
STAFF_SURNAME = "Ответственнова"
PLANTED = [SURNAME, "Евлампия", "Порфирьевна", "9119876543", "987-65-43", "987 65 43", EMAIL, "zateinikova",
           FLAT, "Уединённая", "Тихий", STAFF_SURNAME, "Внутренняя пометка"]


def file_via_web(client) -> Appeal:
    client.post("/appeal/", {"kind": "complaint", "full_name": NAME, "phone": PHONE, "email": EMAIL,
                             "address": ADDRESS, "flat": FLAT, "consent": "on",
                             "text": "Протекает кровля над квартирой, прошу отремонтировать."})
    return Appeal.objects.get()


def live_through_everything(appeal: Appeal,
                            answer: str = "Кровля над вашей квартирой отремонтирована 12 марта.") -> Appeal:
    supervisor = create_staff("boss", "supervisor", "crm", last_name="Начальникова")
    specialist = create_staff("roofer", "specialist", "tech", first_name="Агриппина", last_name=STAFF_SURNAME)
    inside = f"Внутренняя пометка: {NAME}, тел. {PHONE}, {EMAIL}, кв. {FLAT}"
    services.classify(appeal, supervisor, reason=Reason.objects.get(code="roof-damage"))
    appeal = services.transition(appeal, "register", supervisor)
    appeal = services.assign(appeal, supervisor, assignee=specialist, note=inside)
    appeal = services.transition(appeal, "start", specialist)
    appeal = services.transition(appeal, "wait_applicant", specialist, note=inside)
    appeal = services.transition(appeal, "applicant_replied", specialist, note=inside)
    appeal = services.transition(appeal, "extend", supervisor, note=inside)
    appeal = services.transition(appeal, "draft_answer", specialist, answer_text=answer)
    appeal = services.transition(appeal, "answer", supervisor, result=inside[:200], resolved_in_favour_of="partly")
    return services.transition(appeal, "close", supervisor, note=inside)


def public_pages(client, appeal: Appeal) -> dict[str, str]:
    pages = {
        "landing": client.get("/"),
        "result page": client.get("/appeal/done/"),
        "status page": client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True),
    }
    for query in (SURNAME, "Уединённая 99", "9119876543", EMAIL, "Марата"):
        pages[f"suggestions for {query}"] = client.get("/appeal/buildings/", {"q": query})
    assert all(response.status_code == 200 for response in pages.values())
    return {name: response.content.decode() for name, response in pages.items()}


def test_no_public_page_shows_personal_data_after_a_full_life_cycle(client):
    appeal = live_through_everything(file_via_web(client))
    assert appeal.status == "closed" and appeal.applicant.full_name == NAME
    pages = public_pages(client, appeal)
    assert "Кровля над вашей квартирой отремонтирована" in pages["status page"]
    for page, html in pages.items():
        leaked = [value for value in PLANTED if value in html]
        assert not leaked, f"{page} shows {leaked}"


def test_answer_letter_naming_the_applicant_shows_no_personal_data_on_the_status_page(client):
    letter = (f"Уважаемая Евлампия Порфирьевна!\n\nСообщаем, что кровля над квартирой {FLAT} по адресу {ADDRESS}, "
              f"кв. {FLAT} отремонтирована 12 марта. Копия ответа направлена на {EMAIL}; справки по телефону "
              f"{PHONE}. Исполнитель: Агриппина {STAFF_SURNAME}.")
    appeal = live_through_everything(file_via_web(client), answer=letter)
    html = public_pages(client, appeal)["status page"]
    assert "Уважаемая [скрыто]!" in html and "отремонтирована 12 марта" in html
    assert not [value for value in PLANTED if value in html]


def test_status_page_does_not_show_the_appeal_text(client):
    appeal = file_via_web(client)
    html = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True).content.decode()
    assert "Протекает кровля над квартирой" not in html


def test_script_in_the_text_comes_back_escaped(client):
    script = "<script>alert('xss')</script>"
    response = client.post("/appeal/", {"full_name": NAME, "phone": PHONE, "text": script, "kind": "appeal"})
    html = response.content.decode()
    assert "согласия" in html and script not in html
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html


def test_script_in_the_answer_comes_back_escaped(client):
    appeal = file_via_web(client)
    Appeal.objects.filter(pk=appeal.pk).update(status="answered", answered_at=appeal.received_at,
                                               answer_text="<img src=x onerror=alert(1)>",
                                               resolved_in_favour_of="applicant")
    html = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_script_in_the_typed_number_comes_back_escaped(client):
    response = client.post("/track/", {"number": "<b>26</b>", "code": "ABC"})
    assert response.status_code == 404
    assert "<b>26</b>" not in response.content.decode()

import datetime as dt

import pytest
from django.utils import timezone

from accounts.models import Department
from appeals.models import Appeal
from conftest import create_appeal, create_staff
from triage.incidents import link_appeal

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(building):
    create_appeal("Течёт крыша над 40-й", reason="roof-damage", building=building,
                  received_at=timezone.now() - dt.timedelta(hours=3))
    second = create_appeal("Протекает кровля", reason="roof-damage", building=building, full_name="Петров Пётр")
    return link_appeal(Appeal.objects.select_related("reason").get(pk=second.pk))


def test_open_incidents_are_listed_with_their_size(client, operator, incident):
    client.force_login(operator)
    html = client.get("/staff/incidents/").content.decode()
    assert f'href="/staff/incidents/{incident.pk}/"' in html and "улица Марата, д. 7" in html
    assert "Инциденты" in html  # in the navigation


def test_incident_page_lists_its_appeals_and_answers_them_all(client, supervisor, incident):
    client.force_login(supervisor)
    html = client.get(f"/staff/incidents/{incident.pk}/").content.decode()
    assert "Иванова Мария Петровна" in html and "Петров Пётр" in html and "Направить ответ всем" in html
    response = client.post(f"/staff/incidents/{incident.pk}/", {
        "answer_text": "Кровля над 40-й и 41-й отремонтирована.", "result": "Кровля отремонтирована",
        "resolved_in_favour_of": "applicant"}, follow=True)
    assert "Ответ направлен по 2 обращ." in response.content.decode()
    assert set(Appeal.objects.values_list("status", flat=True)) == {"answered"}


def test_incident_answer_without_text_says_so_in_russian(client, supervisor, incident):
    client.force_login(supervisor)
    response = client.post(f"/staff/incidents/{incident.pk}/", {"answer_text": "", "result": "x",
                                                                "resolved_in_favour_of": "applicant"})
    assert response.status_code == 400 and "Введите текст ответа." in response.content.decode()
    assert not Appeal.objects.filter(status="answered").exists()


def test_people_who_do_not_work_appeals_cannot_see_incidents(client, incident):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("clerk", password="x"))
    assert client.get("/staff/incidents/").status_code == 403


def _answer(client, incident):
    return client.post(f"/staff/incidents/{incident.pk}/", {
        "answer_text": "Кровля отремонтирована.", "result": "Кровля отремонтирована",
        "resolved_in_favour_of": "applicant"})


def test_a_specialist_of_another_service_neither_sees_nor_answers_the_incident(client, incident):
    client.force_login(create_staff("janitor", "specialist", "san"))  # the roof is the technical service's
    assert f"/staff/incidents/{incident.pk}/" not in client.get("/staff/incidents/").content.decode()
    assert client.get(f"/staff/incidents/{incident.pk}/").status_code == 404
    assert _answer(client, incident).status_code == 404
    assert set(Appeal.objects.values_list("status", flat=True)) == {"received"}
    assert not Appeal.objects.filter(assignee__isnull=False).exists()


def test_an_incident_answer_with_an_appeal_out_of_reach_sends_nothing_and_says_why(client, incident, building):
    roofer = create_staff("roofer", "specialist", "tech")
    client.force_login(roofer)
    html = _answer(client, incident).content.decode()  # the appeals are not registered: operators register
    assert "Ответ не отправлен: в инциденте есть обращения, на которые вы не можете ответить" in html
    assert set(Appeal.objects.values_list("status", flat=True)) == {"received"}
    assert not Appeal.objects.filter(assignee__isnull=False).exists()


def test_an_incident_lists_and_counts_only_the_appeals_a_specialist_sees(client, incident, building):
    other = Appeal.objects.filter(incident_link__incident=incident).order_by("pk").first()
    Appeal.objects.filter(pk=other.pk).update(department=Department.objects.get(code="san"))
    client.force_login(create_staff("roofer", "specialist", "tech"))
    detail = client.get(f"/staff/incidents/{incident.pk}/").content.decode()
    assert other.number not in detail and "Петров Пётр" in detail
    row = client.get("/staff/incidents/").content.decode().split(f"/staff/incidents/{incident.pk}/")[1]
    assert '<strong>1</strong>' in row.split("</tr>")[0]


def test_the_answer_form_is_offered_only_to_whom_may_answer_it_all(client, operator, supervisor, incident):
    client.force_login(operator)  # operators register appeals; they do not answer them
    html = client.get(f"/staff/incidents/{incident.pk}/").content.decode()
    assert "Направить ответ всем" not in html and "Ответить всем заявителям сразу может тот" in html
    client.force_login(supervisor)
    assert "Направить ответ всем" in client.get(f"/staff/incidents/{incident.pk}/").content.decode()

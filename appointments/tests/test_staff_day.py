"""The back office's day at a centre: who is booked, visible to those allowed, each view of people logged."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appeals.models import PersonalDataAccess
from appointments.booking import Visitor, book
from appointments.models import Appointment, Status
from conftest import create_staff

from .factories import MONDAY, at, create_centre, frozen

pytestmark = pytest.mark.django_db

TUESDAY = dt.date(2026, 11, 3)
DAY_URL = "/staff/appointments/?centre=marata&day=2026-11-03"


@pytest.fixture
def booked():
    service = create_centre(seats=2).services.get()
    with frozen():
        return [book(service, at(TUESDAY, hour), Visitor(name, "+79119876543"), MONDAY)
                for hour, name in ((10, "Затейникова Евлампия"), (11, "Петров Пётр"), (12, "Сидорова Анна"))]


@pytest.fixture
def clerk_without_personal_data(db):
    """May keep the day's list but not see people's data."""
    user = create_staff("clerk", "specialist", "tech")
    user.groups.clear()
    user.user_permissions.add(Permission.objects.get(codename="manage_appointments"))
    return user


def test_an_operator_sees_the_day_with_names_and_phones_and_the_view_is_logged(client, operator, booked):
    client.force_login(operator)
    response = client.get(DAY_URL)
    html = response.content.decode()
    assert response.status_code == 200 and "вт, 3 ноября" in html
    assert "Затейникова Евлампия" in html and "+7 911 987-65-43" in html
    assert html.index("10:00") < html.index("11:00") < html.index("12:00")
    row = PersonalDataAccess.objects.get()
    assert row.user == operator and row.action == "appointments_day" and "03.11.2026" in row.detail


def test_without_the_personal_data_permission_the_day_shows_no_people_and_logs_nothing(
        client, clerk_without_personal_data, booked):
    client.force_login(clerk_without_personal_data)
    html = client.get(DAY_URL).content.decode()
    assert "10:00" in html and "Показания счётчиков" in html
    assert "Затейникова" not in html and "9876543" not in html
    assert not PersonalDataAccess.objects.exists()


def test_a_specialist_without_the_permission_is_refused(client, specialist, booked):
    client.force_login(specialist)
    assert client.get(DAY_URL).status_code == 403
    assert client.post(f"/staff/appointments/{booked[0].pk}/", {"action": "cancel"}).status_code == 403
    assert "/staff/appointments/" not in client.get("/staff/notifications/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, booked):
    response = client.get(DAY_URL)
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_the_staff_navigation_links_to_the_day(client, operator):
    client.force_login(operator)
    assert 'href="/staff/appointments/"' in client.get("/staff/notifications/").content.decode()


def test_the_default_is_today_at_the_first_centre(client, operator, booked):
    client.force_login(operator)
    with frozen(at(TUESDAY, 8)):
        html = client.get("/staff/appointments/").content.decode()
    assert "Затейникова" in html and 'value="2026-11-03"' in html


def test_staff_mark_visits_and_cancel(client, operator, booked):
    client.force_login(operator)
    first, second, third = booked
    response = client.post(f"/staff/appointments/{first.pk}/", {"action": "attended"})
    assert response.status_code == 302 and "day=2026-11-03" in response["Location"]
    client.post(f"/staff/appointments/{second.pk}/", {"action": "no_show"})
    client.post(f"/staff/appointments/{third.pk}/", {"action": "cancel"})
    statuses = dict(Appointment.objects.values_list("pk", "status"))
    assert statuses == {first.pk: Status.ATTENDED, second.pk: Status.NO_SHOW, third.pk: Status.CANCELLED}


def test_a_step_that_is_not_allowed_now_is_refused_with_a_message(client, operator, booked):
    client.force_login(operator)
    client.post(f"/staff/appointments/{booked[0].pk}/", {"action": "cancel"})
    response = client.post(f"/staff/appointments/{booked[0].pk}/", {"action": "attended"}, follow=True)
    assert "Запись уже изменена" in response.content.decode()
    response = client.post(f"/staff/appointments/{booked[1].pk}/", {"action": "<drop>"}, follow=True)
    assert "Неизвестное действие" in response.content.decode()
    assert client.post("/staff/appointments/999999/", {"action": "cancel"}).status_code == 404


@pytest.mark.parametrize("query", ["centre=nowhere&day=2026-11-03", "centre=marata&day=03/11/2026x",
                                   "centre=marata&day=1800-01-01", "centre=%3Cscript%3E&day=%3Cscript%3E"])
def test_bad_filters_are_explained_in_russian(client, operator, booked, query):
    client.force_login(operator)
    response = client.get(f"/staff/appointments/?{query}")
    html = response.content.decode()
    assert response.status_code == 400
    assert any(text in html for text in ("Такого центра нет", "Введите дату", "Проверьте год"))
    assert "<script>" not in html


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_day_list_makes_as_many_queries_for_three_people_as_for_seven(client, operator, booked):
    client.force_login(operator)
    client.get(DAY_URL)
    few = queries_of(client, DAY_URL)
    with frozen():
        for hour, minute in ((14, 15), (14, 45), (15, 15), (15, 45)):
            book(booked[0].service, at(TUESDAY, hour, minute), Visitor("Ещё Посетитель", "+79210000000"), MONDAY)
    assert queries_of(client, DAY_URL) == few

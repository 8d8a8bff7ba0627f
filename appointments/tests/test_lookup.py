"""A resident finds their booking by its code (never in the address), sees when and where, and may cancel it."""

import datetime as dt

import pytest

from appointments.booking import Visitor, book
from appointments.models import Appointment, Status

from .factories import MONDAY, at, create_centre, frozen

pytestmark = pytest.mark.django_db

SLOT = at(dt.date(2026, 11, 3), 10)


@pytest.fixture(autouse=True)
def _monday_morning():
    with frozen():
        yield


@pytest.fixture
def appointment():
    service = create_centre(seats=1).services.get()
    return book(service, SLOT, Visitor("Затейникова Евлампия Порфирьевна", "+79119876543"), MONDAY)


def find(client, code: str):
    return client.post("/centres/booking/", {"code": code}, follow=True)


def test_the_code_finds_the_booking_with_time_and_centre_and_no_personal_data(client, appointment):
    response = find(client, appointment.code)
    html = response.content.decode()
    assert response.redirect_chain == [("/centres/booking/status/", 302)]
    assert "вт, 3 ноября, 10:00" in html and "ул. Марата, д. 10" in html and "Записан" in html
    assert "Затейникова" not in html and "9876543" not in html and "987-65-43" not in html
    assert "+7 911 ***-**-43" in html


def test_the_code_is_found_as_people_type_it(client, appointment):
    typed = " ".join([appointment.code[:5].lower(), appointment.code[5:]])
    assert "вт, 3 ноября, 10:00" in find(client, typed).content.decode()


@pytest.mark.parametrize("code", ["NOSUCHCODE", "", "' OR 1=1 --", "<script>", "A" * 5000])
def test_a_wrong_code_finds_nothing_and_says_so_in_russian(client, appointment, code):
    response = client.post("/centres/booking/", {"code": code})
    assert response.status_code in (400, 404)
    html = response.content.decode()
    assert "Запись с таким кодом не найдена" in html or "Введите код подтверждения" in html \
        or "не более" in html
    assert "<script>" not in html


def test_the_status_page_needs_a_code_first(client, appointment):
    response = client.get("/centres/booking/status/")
    assert response.status_code == 302 and response["Location"] == "/centres/booking/"


def test_cancelling_frees_the_seat_for_someone_else(client, appointment):
    find(client, appointment.code)
    response = client.post("/centres/booking/cancel/")
    assert response.status_code == 200 and "Запись отменена" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Status.CANCELLED
    other = book(appointment.service, SLOT, Visitor("Петров Пётр Петрович", "+79211234567"), MONDAY)
    assert other.seat == appointment.seat == 1
    assert Appointment.objects.exclude(status=Status.CANCELLED).count() == 1


def test_a_cancelled_booking_cannot_be_cancelled_again(client, appointment):
    find(client, appointment.code)
    client.post("/centres/booking/cancel/")
    response = client.post("/centres/booking/cancel/")
    assert response.status_code == 409 and "отменить уже нельзя" in response.content.decode()


def test_a_past_booking_cannot_be_cancelled(client, appointment):
    find(client, appointment.code)
    with frozen(SLOT + dt.timedelta(hours=1)):
        html = client.get("/centres/booking/status/").content.decode()
        assert "Отменить запись" not in html
        assert client.post("/centres/booking/cancel/").status_code == 409
    appointment.refresh_from_db()
    assert appointment.status == Status.BOOKED


def test_cancel_without_a_found_booking_goes_to_the_lookup(client, appointment):
    response = client.post("/centres/booking/cancel/")
    assert response.status_code == 302 and response["Location"] == "/centres/booking/"


def test_the_code_in_an_address_is_not_used(client, appointment):
    html = client.get("/centres/booking/", {"code": appointment.code}).content.decode()
    assert "вт, 3 ноября" not in html


def test_lookups_are_limited_per_ip(client, appointment, settings):
    settings.PUBLIC_RATE_LIMIT = 3
    for _ in range(3):
        client.post("/centres/booking/", {"code": "WRONGCODE2"})
    assert client.post("/centres/booking/", {"code": appointment.code}).status_code == 429

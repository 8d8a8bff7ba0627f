"""A resident's bookings on the account page: those made with the account's confirmed phone or e-mail."""

import datetime as dt

import pytest

from appointments.booking import book, cancel_booking, checked_visitor
from residents.tests.conftest import create_resident, signed_in

from .factories import at, create_centre, frozen

pytestmark = pytest.mark.django_db

TUESDAY, THURSDAY = dt.date(2026, 11, 3), dt.date(2026, 11, 5)


@pytest.fixture(autouse=True)
def _monday_morning():
    with frozen():
        yield


@pytest.fixture
def service():
    return create_centre(seats=2).services.get()


def test_the_account_shows_own_coming_bookings_and_not_others(client, service):
    resident = create_resident(email="ivanova@mail.ru", phone="+79119876543")
    book(service, at(TUESDAY, 10), checked_visitor("Иванова Ирина", "8 911 987-65-43"))
    gone = book(service, at(THURSDAY, 11), checked_visitor("Иванова Ирина", "+7 921 000-00-00", "IVANOVA@mail.ru"))
    cancel_booking(gone)
    book(service, at(TUESDAY, 11), checked_visitor("Петров Пётр", "+7 921 111-22-33", "petrov@mail.ru"))
    html = signed_in(client, resident).get("/account/").content.decode()
    assert "Записи на приём" in html and "3 ноября, 10:00" in html
    assert "Прошедшие и отменённые (1)" in html and "отменена" in html.lower()
    assert "11:00" in html.split("Прошедшие")[1] and "3 ноября, 11:00" not in html  # Petrov's is not shown


def test_no_bookings_no_section(client, service):
    html = signed_in(client, create_resident()).get("/account/").content.decode()
    assert "Записи на приём" not in html


def test_an_unconfirmed_account_sees_no_bookings(client, service):
    resident = create_resident(phone="+79119876543", confirmed=False)
    book(service, at(TUESDAY, 10), checked_visitor("Иванова Ирина", "8 911 987-65-43"))
    from appointments.account import bookings_section

    assert bookings_section(resident) is None

"""Two residents book the last seat of a slot at the same moment, each over their own database connection:
exactly one gets it, the other is told so in Russian and offered the other free times.

Both requests read the slot's seats as free before either writes (a barrier holds them there), so it is
the database's constraint, not the order of requests, that decides. Run on PostgreSQL (and on SQLite)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from appointments import booking
from appointments.booking import SLOT_FULL
from appointments.models import Appointment

from .factories import create_centre, frozen

pytestmark = pytest.mark.django_db(transaction=True)

SLOT = "2026-11-03T10:00"


def _both_read_before_either_writes(monkeypatch, parties: int = 2) -> None:
    barrier = threading.Barrier(parties, timeout=10)
    read = booking._taken_seats

    def taken_then_wait(service, starts_at):
        seats = read(service, starts_at)
        barrier.wait()
        return seats

    monkeypatch.setattr(booking, "_taken_seats", taken_then_wait)


def _post_at_once(url: str, forms: list[dict]) -> list:
    answers: list = [None] * len(forms)

    def post(n: int) -> None:
        try:
            answers[n] = Client(REMOTE_ADDR=f"10.0.0.{n + 1}").post(url, forms[n])
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=post, args=(n,)) for n in range(len(forms))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return answers


def _form(service, name: str) -> dict:
    return {"service": str(service.pk), "slot": SLOT, "full_name": name, "phone": "+79211234567", "consent": "on"}


def test_of_two_simultaneous_bookings_of_the_last_seat_exactly_one_wins(reference_data, monkeypatch):
    service = create_centre(seats=1).services.get()
    _both_read_before_either_writes(monkeypatch)
    with frozen():
        answers = _post_at_once(f"/centres/{service.centre.slug}/book/",
                                [_form(service, "Иванова Мария"), _form(service, "Петров Пётр")])
    assert sorted(answer.status_code for answer in answers) == [302, 400]
    loser = next(answer for answer in answers if answer.status_code == 400).content.decode()
    assert SLOT_FULL in loser
    assert 'value="2026-11-03T10:30"' in loser and f'value="{SLOT}"' not in loser
    assert Appointment.objects.count() == 1


def test_two_simultaneous_bookings_of_a_slot_with_two_seats_both_get_one(reference_data, monkeypatch):
    service = create_centre(seats=2).services.get()
    _both_read_before_either_writes(monkeypatch)
    with frozen():
        answers = _post_at_once(f"/centres/{service.centre.slug}/book/",
                                [_form(service, "Иванова Мария"), _form(service, "Петров Пётр")])
    assert [answer.status_code for answer in answers] == [302, 302]
    assert sorted(Appointment.objects.values_list("seat", flat=True)) == [1, 2]

"""Slots come from the weekly hours, only on working days of the production calendar, within the booking period."""

import datetime as dt

import pytest

from appointments.booking import Visitor, book
from appointments.errors import BookingError
from appointments.models import Centre
from appointments.schedule import check_bookable, free_by_day, hours_summary, open_slots, slot_label
from deadlines.models import CalendarOverride

from .factories import MONDAY, add_head_reception, at, create_centre

pytestmark = pytest.mark.django_db

HOLIDAY = dt.date(2026, 11, 4)  # День народного единства, a Wednesday


def days_with_slots(service, now=MONDAY) -> set[dt.date]:
    return {slot.starts_at.date() for slot in open_slots(service, now)}


def test_slots_skip_weekends_and_the_4_november_holiday():
    service = create_centre().services.get()
    days = days_with_slots(service)
    assert dt.date(2026, 11, 3) in days and dt.date(2026, 11, 5) in days
    assert HOLIDAY not in days
    assert not {d for d in days if d.weekday() >= 5}


def test_slots_skip_the_new_year_holidays():
    service = create_centre(booking_days=14).services.get()
    days = days_with_slots(service, at(dt.date(2026, 12, 28), 8))
    assert dt.date(2026, 12, 30) in days
    assert not {d for d in days if dt.date(2027, 1, 1) <= d <= dt.date(2027, 1, 10)}
    assert dt.date(2027, 1, 11) in days


def test_a_calendar_override_makes_a_holiday_a_working_day():
    service = create_centre().services.get()
    CalendarOverride.objects.create(date=HOLIDAY, is_working=True, note="перенос")
    assert HOLIDAY in days_with_slots(service)


def test_slots_follow_the_hours_and_leave_out_the_lunch_break():
    service = create_centre().services.get()
    monday = [s.starts_at for s in open_slots(service, MONDAY) if s.starts_at.date() == MONDAY.date()]
    assert monday[0] == at(MONDAY.date(), 9) and monday[-1] == at(MONDAY.date(), 17, 15)
    assert at(MONDAY.date(), 12, 30) in monday and at(MONDAY.date(), 13, 0) not in monday
    assert at(MONDAY.date(), 13, 45) in monday
    friday = [s.starts_at for s in open_slots(service, MONDAY) if s.starts_at.date() == dt.date(2026, 11, 6)]
    assert friday[-1] == at(dt.date(2026, 11, 6), 16, 15)  # ends at 16:45, when the centre closes


def test_slots_already_begun_are_not_offered_and_the_period_ends():
    service = create_centre(booking_days=7).services.get()
    now = at(MONDAY.date(), 11, 10)
    starts = [s.starts_at for s in open_slots(service, now)]
    assert min(starts) == at(MONDAY.date(), 11, 30)
    assert max(s.date() for s in starts) == dt.date(2026, 11, 9)


def test_a_service_with_its_own_hours_is_offered_only_then():
    centre = create_centre()
    head = add_head_reception(centre)
    starts = [s.starts_at for s in open_slots(head, MONDAY)]
    assert {s.weekday() for s in starts} == {1}
    assert starts[0] == at(dt.date(2026, 11, 3), 15) and len([s for s in starts if s.day == 3]) == 9


def test_a_full_slot_shows_no_free_seat():
    service = create_centre(seats=2).services.get()
    slot = at(dt.date(2026, 11, 3), 10)
    for name in ("Иванова Мария", "Петров Пётр"):
        book(service, slot, Visitor(name, "+79211234567"), MONDAY)
    found = {s.starts_at: s.free for s in open_slots(service, MONDAY)}
    assert found[slot] == 0 and found[at(dt.date(2026, 11, 3), 10, 30)] == 2
    assert slot not in {s.starts_at for _day, slots in free_by_day(open_slots(service, MONDAY)) for s in slots}


@pytest.mark.parametrize(("moment", "message"), [
    (at(dt.date(2026, 11, 2), 7, 30), "уже прошло"),
    (at(HOLIDAY, 10), "4 ноября — нерабочий день"),
    (at(dt.date(2026, 11, 7), 10), "нерабочий день"),
    (at(dt.date(2026, 11, 3), 13, 0), "не принимает"),
    (at(dt.date(2026, 11, 3), 10, 10), "не принимает"),
    (at(dt.date(2026, 11, 3), 20, 0), "не принимает"),
    (at(dt.date(2026, 12, 1), 10), "Запись открыта только на 14 дней вперёд"),
])
def test_a_time_that_is_no_open_slot_is_refused_in_russian(moment, message):
    service = create_centre().services.get()
    with pytest.raises(BookingError) as refused:
        check_bookable(service, moment, MONDAY)
    assert message in refused.value.message


def test_a_hidden_centre_takes_no_bookings():
    service = create_centre().services.get()
    Centre.objects.update(is_active=False)
    service.refresh_from_db()
    with pytest.raises(BookingError, match="не записывают"):
        check_bookable(service, at(dt.date(2026, 11, 3), 10), MONDAY)


def test_labels_read_as_a_russian_clerk_writes_them():
    assert slot_label(at(dt.date(2026, 12, 7), 10, 30)) == "пн, 7 декабря, 10:30"
    centre = create_centre()
    assert hours_summary(list(centre.hours.all())) == [
        "пн–чт 9:00–18:00", "пт 9:00–16:45", "сб, вс — выходные", "обед 13:00–13:45"]

"""Small builders for the appointments tests: a centre with the usual hours, a frozen clock."""

import datetime as dt
from contextlib import contextmanager
from unittest import mock

from appointments.models import Centre, Service, WeeklyHours
from deadlines.calendar import MOSCOW

# Monday 2 November 2026, 8:00 in St Petersburg; Wednesday 4 November is a public holiday (День народного единства).
MONDAY = dt.datetime(2026, 11, 2, 8, 0, tzinfo=MOSCOW)
LUNCH = (dt.time(13, 0), dt.time(13, 45))


def create_centre(slug: str = "marata", *, seats: int = 1, slot_minutes: int = 30, booking_days: int = 14,
                  title: str = "Показания счётчиков") -> Centre:
    """A centre open пн–чт 9:00–18:00, пт 9:00–16:45 with lunch 13:00–13:45, and one service."""
    centre = Centre.objects.create(slug=slug, name=f"Абонентский отдел «{slug}»", address="ул. Марата, д. 10",
                                   phone="+7 (812) 764-30-12", booking_days=booking_days)
    for weekday in range(5):
        closes = dt.time(16, 45) if weekday == 4 else dt.time(18, 0)
        WeeklyHours.objects.create(centre=centre, weekday=weekday, opens=dt.time(9, 0), closes=closes,
                                   break_starts=LUNCH[0], break_ends=LUNCH[1])
    Service.objects.create(centre=centre, title=title, seats=seats, slot_minutes=slot_minutes)
    return centre


def add_head_reception(centre: Centre) -> Service:
    """The head's reception: Tuesdays 15:00–18:00, 20 minutes each."""
    service = Service.objects.create(centre=centre, title="Личный приём начальника участка", slot_minutes=20,
                                     own_hours=True, order=9)
    WeeklyHours.objects.create(centre=centre, service=service, weekday=1, opens=dt.time(15, 0), closes=dt.time(18, 0))
    return service


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=MOSCOW)


@contextmanager
def frozen(moment: dt.datetime = MONDAY):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield

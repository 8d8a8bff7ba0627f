"""The Russian production calendar: working days, with the admin's overrides on top."""

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.core.cache import cache
from django.utils import timezone

from priemnaya.request_memo import once_per_request

MOSCOW = ZoneInfo("Europe/Moscow")
OVERRIDES_CACHE_KEY = "deadlines:calendar-overrides"


@lru_cache(maxsize=64)
def _official(year: int) -> holidays.HolidayBase:
    return holidays.RU(years=year)


def overrides() -> dict[dt.date, bool]:
    """Admin corrections, date → is working; cached, invalidated when an override changes; read once
    per request."""
    return once_per_request(OVERRIDES_CACHE_KEY, _read_overrides)


def _read_overrides() -> dict[dt.date, bool]:
    found = cache.get(OVERRIDES_CACHE_KEY)
    if found is None:
        from .models import CalendarOverride

        found = dict(CalendarOverride.objects.values_list("date", "is_working"))
        cache.set(OVERRIDES_CACHE_KEY, found, 300)
    return found


def is_working_day(day: dt.date, extra: dict[dt.date, bool] | None = None) -> bool:
    """True for a working day of the official calendar (transfers and working Saturdays included)."""
    extra = overrides() if extra is None else extra
    if day in extra:
        return extra[day]
    return _official(day.year).is_working_day(day)


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The date `count` working days after `start`; counting starts the next day (ГК РФ ст. 191)."""
    extra = overrides()
    day, left = start, count
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, extra):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end]: how many a pause from `start` to `end` swallowed."""
    extra = overrides()
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, extra):
            count += 1
    return count


class WorkingDays:
    """`working_days_between` for many pairs of days at once: the calendar's working days of the
    whole span counted up once, each pair then a subtraction (the answers of a month reach years back)."""

    def __init__(self, days: list[dt.date]):
        self.first = min(days) if days else dt.date.today()
        last = max(days) if days else self.first
        extra, running, self.upto = overrides(), 0, []
        for offset in range((last - self.first).days + 1):
            running += is_working_day(self.first + dt.timedelta(days=offset), extra)
            self.upto.append(running)

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]."""
        if end <= start:
            return 0
        return self.upto[(end - self.first).days] - self.upto[(start - self.first).days]


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(MOSCOW).date()


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight at the start of the day in the site's time zone: where a filter "from this day" begins."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def end_of_day(day: dt.date) -> dt.datetime:
    """A day-counted deadline ends at the end of that day, Moscow time."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=MOSCOW)


# Dates as a Russian letter writes them: the month's name in the genitive.
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")


def date_words(day: dt.date) -> str:
    """«12 марта 2026 г.»"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year} г."


def moment_words(moment: dt.datetime) -> str:
    """«12 марта 2026 г., 14:05» in Moscow time: when a document was made."""
    local = moment.astimezone(MOSCOW)
    return f"{date_words(local.date())}, {local:%H:%M}"

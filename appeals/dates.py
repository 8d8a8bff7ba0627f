"""Which dates an appeal may carry, for every channel alike.

An appeal is received between EARLIEST_RECEIVED_DATE (a setting; 01.01.2000 by default, before any
appeal this system keeps) and now, Moscow time; a filter of the journal takes a day from that earliest
date to LATEST_FILTER_DATE. Out-of-range years (01.01.0001, 31.12.9999) are refused here, before
any arithmetic on them could overflow.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from deadlines.calendar import MOSCOW

from .errors import AppealError

# A clock a few minutes fast on the client's side is not «the future».
CLOCK_SKEW = dt.timedelta(minutes=5)
# Far enough for «until whenever», near enough that a day after it is still a date.
LATEST_FILTER_DATE = dt.date(2999, 12, 31)


def earliest_received() -> dt.date:
    value = settings.EARLIEST_RECEIVED_DATE
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _moscow_day(moment: dt.datetime) -> dt.date:
    if timezone.is_naive(moment):
        return moment.date()
    try:
        return moment.astimezone(MOSCOW).date()
    except OverflowError:  # within a day of year 1 or year 9999
        return dt.date.min if moment.year == 1 else dt.date.max


def check_received_at(moment: dt.datetime, field: str = "received_at") -> dt.datetime:
    """The moment an appeal was received, refused with a message naming `field` when out of range."""
    earliest = earliest_received()
    day = _moscow_day(moment)
    if day < earliest:
        raise AppealError(f"Дата поступления не может быть раньше {earliest:%d.%m.%Y}.", field)
    aware = timezone.make_aware(moment, MOSCOW) if timezone.is_naive(moment) else moment
    if day > timezone.localdate(timezone=MOSCOW) or aware > timezone.now() + CLOCK_SKEW:
        raise AppealError("Дата поступления не может быть в будущем.", field)
    return moment


def check_filter_date(day: dt.date, field: str) -> dt.date:
    """A day the journal is filtered by (from or to)."""
    earliest = earliest_received()
    if day < earliest:
        raise AppealError(f"Дата не может быть раньше {earliest:%d.%m.%Y}.", field)
    if day > LATEST_FILTER_DATE:
        raise AppealError(f"Дата не может быть позже {LATEST_FILTER_DATE:%d.%m.%Y}.", field)
    return day

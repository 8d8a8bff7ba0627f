"""How an open appeal stands against its answer deadline: the one rule every list, page, filter,
notification and the load board read ("overdue", "due today", "due soon")."""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.utils import timezone

from deadlines.calendar import end_of_day, local_date
from deadlines.norms import due_soon_limit, working_days_left

from .choices import PAUSED_STATUSES


class Due(StrEnum):
    NONE = "none"  # closed, or no deadline set
    PAUSED = "paused"  # the clock waits for the applicant
    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"
    OK = "ok"


@dataclass(frozen=True)
class DueState:
    state: Due
    due: dt.datetime | None = None
    by_hours: bool = False
    working_days: int = 0  # working days left to the due day; negative when late (day norms)
    minutes: int = 0  # minutes left; negative when late (hour norms)

    @property
    def is_overdue(self) -> bool:
        return self.state == Due.OVERDUE


def due_state(appeal, now: dt.datetime | None = None) -> DueState:
    """The appeal's standing against its answer deadline at `now`."""
    now = now or timezone.now()
    due = appeal.answer_due
    if not appeal.is_open or due is None:
        return DueState(Due.NONE, due)
    if appeal.status in PAUSED_STATUSES:
        return DueState(Due.PAUSED, due)
    if appeal.counted_in_hours:
        minutes = int((due - now).total_seconds() // 60)
        state = Due.OVERDUE if minutes < 0 else Due.SOON if minutes < settings.DUE_SOON_MINUTES else Due.TODAY
        return DueState(state, due, by_hours=True, minutes=minutes)
    days = working_days_left(due, now)
    if due < now:
        state = Due.OVERDUE
    elif due <= end_of_day(local_date(now)):
        state = Due.TODAY
    elif due <= due_soon_limit(now):
        state = Due.SOON
    else:
        state = Due.OK
    return DueState(state, due, working_days=days)

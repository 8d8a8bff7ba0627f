"""Deadline norms and the computation of due dates: the only place a deadline is computed."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from priemnaya.request_memo import once_per_request

from .calendar import add_working_days, end_of_day, local_date, working_days_between
from .defaults import DEFAULT_NORMS
from .models import DeadlineNorm, NormKind

NORMS_CACHE_KEY = "deadlines:norms"



@dataclass(frozen=True)
class Norm:
    working_days: int | None
    minutes: int | None

    @property
    def by_hours(self) -> bool:
        return self.minutes is not None


def _all_norms() -> list[tuple]:
    return once_per_request(NORMS_CACHE_KEY, _read_norms)


def _read_norms() -> list[tuple]:
    rows = cache.get(NORMS_CACHE_KEY)
    if rows is None:
        rows = list(DeadlineNorm.objects.values_list(
            "kind", "reason_id", "complexity", "channel", "working_days", "minutes"))
        cache.set(NORMS_CACHE_KEY, rows, 300)
    return rows


def find_norm(kind: str, *, reason_id: int | None = None, complexity: str = "", channel: str = "") -> Norm:
    """The most specific norm for the case: reason beats complexity beats channel beats default."""
    best, best_rank = None, -1
    for row_kind, row_reason, row_complexity, row_channel, days, minutes in _all_norms():
        if row_kind != kind:
            continue
        if (row_reason and row_reason != reason_id) or (row_complexity and row_complexity != complexity) \
                or (row_channel and row_channel != channel):
            continue
        rank = (4 if row_reason else 0) + (2 if row_complexity else 0) + (1 if row_channel else 0)
        if rank > best_rank:
            best, best_rank = Norm(days, minutes), rank
    return best or Norm(DEFAULT_NORMS[kind][0], None)


def due_after(start: dt.datetime, norm: Norm) -> dt.datetime:
    """When a step that began at `start` is due under `norm`."""
    if norm.by_hours:
        return start + dt.timedelta(minutes=norm.minutes)
    return end_of_day(add_working_days(local_date(start), norm.working_days))


def compute_due(kind: str, start: dt.datetime, **case) -> dt.datetime:
    return due_after(start, find_norm(kind, **case))


def extended_due(received_at: dt.datetime, current_due: dt.datetime, **case) -> dt.datetime:
    """The answer deadline after one extension, never past the total limit from receipt."""
    longer = due_after(current_due, find_norm(NormKind.EXTENSION, **case))
    limit = compute_due(NormKind.TOTAL, received_at, **case)
    return min(longer, limit)


def resumed_due(due: dt.datetime, paused_at: dt.datetime, resumed_at: dt.datetime, *, by_hours: bool) -> dt.datetime:
    """Move a deadline on by the time the clock was stopped while waiting for the applicant."""
    if by_hours:
        return due + (resumed_at - paused_at)
    lost = working_days_between(local_date(paused_at), local_date(resumed_at))
    return end_of_day(add_working_days(local_date(due), lost))


def due_soon_limit(now: dt.datetime) -> dt.datetime:
    """The end of the last working day that counts as "due soon" (settings.DUE_SOON_WORKING_DAYS from today)."""
    return end_of_day(add_working_days(local_date(now), settings.DUE_SOON_WORKING_DAYS))


def working_days_left(due: dt.datetime, now: dt.datetime) -> int:
    """Working days from today to the due day: 0 = due today, negative = overdue."""
    today, due_day = local_date(now), local_date(due)
    if due_day >= today:
        return working_days_between(today, due_day)
    return -working_days_between(due_day, today)

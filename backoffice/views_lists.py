"""Pieces shared by the staff list pages: deadline marks, cheap paging, who works appeals."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from appeals.due import Due
from appeals.models import Appeal

from .export import applicant_address, classification_name

PAGE_SIZE = 50
MAX_PAGE = 20_000


@dataclass(frozen=True)
class DueMark:
    css: str
    text: str


def due_mark(appeal, now: dt.datetime) -> DueMark:
    """How the answer deadline of an appeal reads in a list (`Appeal.due_state`)."""
    state = appeal.due_state(now)
    if state.state == Due.NONE:
        return DueMark("", "срок не установлен" if appeal.is_open else "")
    if state.state == Due.PAUSED:
        return DueMark("due-paused", "срок приостановлен")
    due = timezone.localtime(state.due)
    days = state.working_days
    if state.is_overdue:
        same_day = due.date() == timezone.localtime(now).date()
        late = f"на {-days} раб. дн." if days < 0 else (f"с {due:%H:%M}" if same_day else f"с {due:%d.%m}")
        return DueMark("due-overdue", f"просрочено {late}")
    if state.by_hours:
        day = "сегодня" if due.date() == timezone.localtime(now).date() else f"{due:%d.%m}"
        return DueMark("due-soon" if state.state == Due.SOON else "due-today", f"{day} до {due:%H:%M}")
    if state.state == Due.TODAY:
        return DueMark("due-today", f"сегодня до {due:%H:%M}")
    if state.state == Due.SOON:
        return DueMark("due-soon", f"до {due:%d.%m}, осталось {days} раб. дн.")
    return DueMark("due-ok", f"до {due:%d.%m.%Y}, {days} раб. дн.")


def mark_deadlines(appeals, now: dt.datetime | None = None):
    """Attach what a list row shows beyond the fields: `due` (a DueMark), `classification`
    and `applicant_address` (for lists that read the applicants); returns the same list."""
    now = now or timezone.now()
    for appeal in appeals:
        appeal.due = due_mark(appeal, now)
        appeal.classification = classification_name(appeal)
        appeal.applicant_address = applicant_address(appeal) if Appeal.applicant.is_cached(appeal) else ""
    return appeals


@dataclass
class Page:
    """A page of a list that never counts the whole table: one extra row tells if more follow."""

    rows: list
    number: int
    size: int
    has_next: bool

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.size + 1 if self.rows else 0

    @property
    def last_index(self) -> int:
        return (self.number - 1) * self.size + len(self.rows)

    @property
    def previous_number(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next_number(self) -> int | None:
        return self.number + 1 if self.has_next else None


def page_number(request) -> int:
    raw = request.GET.get("page", "1")
    return min(max(int(raw), 1), MAX_PAGE) if raw.isdigit() else 1


def page_of(queryset: QuerySet, request, size: int = PAGE_SIZE, read=None) -> Page:
    """`read(start, stop)`: how the rows are read, when not by slicing the queryset."""
    number = page_number(request)
    start = (number - 1) * size
    rows = read(start, start + size + 1) if read else list(queryset[start:start + size + 1])
    return Page(rows=rows[:size], number=number, size=size, has_next=len(rows) > size)


def person_name(user) -> str:
    return user.get_full_name() or user.username

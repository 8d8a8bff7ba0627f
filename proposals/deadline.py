"""A proposal's deadline: computed by the norms of `deadlines` (NormKind.PROPOSAL, 20 working days from
registration) and read as the journal reads an appeal's (overdue, due today, due soon, time left)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from deadlines.calendar import end_of_day, local_date
from deadlines.models import NormKind
from deadlines.norms import compute_due, due_soon_limit, find_norm, working_days_left


def proposal_due(registered_at: dt.datetime) -> dt.datetime:
    """When a measure registered at `registered_at` is due to be implemented."""
    return compute_due(NormKind.PROPOSAL, registered_at)


def norm_days() -> int:
    """The norm in working days, as the admin has set it (for the pages' words)."""
    return find_norm(NormKind.PROPOSAL).working_days


@dataclass(frozen=True)
class DeadlineMark:
    state: str  # overdue, today, soon, ok, done, late (implemented after the deadline)
    text: str

    @property
    def css(self) -> str:
        """The journal's classes for its flags, so a proposal's reads the same."""
        return {"overdue": "due-overdue", "today": "due-today", "soon": "due-soon", "ok": "due-ok",
                "late": "due-overdue"}.get(self.state, "")

    @property
    def is_overdue(self) -> bool:
        return self.state in ("overdue", "late")


def deadline_mark(proposal, now: dt.datetime | None = None) -> DeadlineMark:
    """How the proposal stands against its deadline at `now`, in the words a list shows."""
    now = now or timezone.now()
    due = timezone.localtime(proposal.due_at)
    if proposal.implemented_on is not None:
        if proposal.is_overdue(now):
            return DeadlineMark("late", f"внедрено {proposal.implemented_on:%d.%m.%Y}, позже срока")
        return DeadlineMark("done", f"внедрено {proposal.implemented_on:%d.%m.%Y}, в срок")
    days = working_days_left(proposal.due_at, now)
    if proposal.due_at < now:
        return DeadlineMark("overdue", f"просрочено: срок был {due:%d.%m.%Y}")
    if proposal.due_at <= end_of_day(local_date(now)):
        return DeadlineMark("today", "срок сегодня")
    if proposal.due_at <= due_soon_limit(now):
        return DeadlineMark("soon", f"до {due:%d.%m}, осталось {days} раб. дн.")
    return DeadlineMark("ok", f"до {due:%d.%m.%Y}, осталось {days} раб. дн.")

"""Background work: the periodic deadline check (Celery, eager when embedded). Messages to applicants and
staff are the notifications app's (notifications.hub)."""

import datetime as dt
from collections.abc import Iterator

from celery import shared_task
from django.utils import timezone

from deadlines.norms import due_soon_limit

from .choices import OPEN_STATUSES, PAUSED_STATUSES
from .load import people_with_perm
from .models import Appeal, Notification


def _supervisors():
    """Those who assign and reassign: overdue appeals are escalated to them (D2)."""
    return list(people_with_perm("assign_appeal"))


def deadline_watch(moment: dt.datetime) -> Iterator[tuple[Appeal, str, set[int]]]:
    """Each running appeal due soon or overdue at `moment`, its kind (`Notification.Kind`) and who is to know:
    the responsible; the supervisors too when it is overdue or nobody is responsible."""
    open_appeals = Appeal.objects.filter(status__in=OPEN_STATUSES - PAUSED_STATUSES,
                                         answer_due__lte=due_soon_limit(moment))
    supervisors = _supervisors()
    for appeal in open_appeals.only("pk", "assignee_id", "answer_due", "number", "status").iterator():
        kind = Notification.Kind.OVERDUE if appeal.answer_due < moment else Notification.Kind.DUE_SOON
        people = {appeal.assignee_id} if appeal.assignee_id else set()
        if kind == Notification.Kind.OVERDUE or not appeal.assignee_id:
            people |= {user.pk for user in supervisors}
        yield appeal, kind, people


@shared_task
def check_deadlines(now: str | None = None) -> dict:
    """Flag appeals due soon (`appeals.due`) or overdue to the responsible and supervisors."""
    moment = dt.datetime.fromisoformat(now) if now else timezone.now()
    counts = {"due_soon": 0, "overdue": 0}
    for appeal, kind, people in deadline_watch(moment):
        for user_id in people:
            _, created = Notification.objects.get_or_create(user_id=user_id, appeal=appeal, kind=kind,
                                                            due=appeal.answer_due)
            counts[kind] += int(created)
    return counts

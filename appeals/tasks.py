"""Background work: notifications and the periodic deadline check (Celery, eager when embedded)."""

import datetime as dt

from celery import shared_task
from django.core.mail import send_mail
from django.utils import timezone

from deadlines.norms import due_soon_limit

from .choices import OPEN_STATUSES, PAUSED_STATUSES
from .load import people_with_perm
from .models import Appeal, Notification


@shared_task
def notify_applicant(appeal_id: int, action: str) -> bool:
    """E-mail the applicant about a change of their appeal (where they left an e-mail)."""
    appeal = Appeal.objects.select_related("applicant").filter(pk=appeal_id).first()
    if appeal is None or appeal.applicant is None or not appeal.applicant.email:
        return False
    body = [f"Обращение № {appeal.number}: {appeal.get_status_display().lower()}."]
    if action in ("answer", "refuse") and appeal.answer_text:
        body.append(appeal.answer_text)
    if action == "extend":
        body.append(f"Срок рассмотрения продлён до {timezone.localtime(appeal.answer_due):%d.%m.%Y}. "
                    f"Причина: {appeal.extension_reason}")
    body.append(f"Проверить статус: номер {appeal.number}, код доступа {appeal.access_code}.")
    send_mail(f"Ваше обращение № {appeal.number}", "\n\n".join(body), None, [appeal.applicant.email])
    return True


@shared_task
def notify_assignee(appeal_id: int) -> bool:
    appeal = Appeal.objects.filter(pk=appeal_id, assignee__isnull=False).first()
    if appeal is None:
        return False
    Notification.objects.get_or_create(user_id=appeal.assignee_id, appeal=appeal,
                                       kind=Notification.Kind.ASSIGNED, due=appeal.answer_due)
    return True


def _supervisors():
    """Those who assign and reassign: overdue appeals are escalated to them (D2)."""
    return list(people_with_perm("assign_appeal"))


@shared_task
def check_deadlines(now: str | None = None) -> dict:
    """Flag appeals due soon (`appeals.due`) or overdue to the responsible and supervisors."""
    moment = dt.datetime.fromisoformat(now) if now else timezone.now()
    open_appeals = Appeal.objects.filter(status__in=OPEN_STATUSES - PAUSED_STATUSES,
                                         answer_due__lte=due_soon_limit(moment))
    supervisors = _supervisors()
    counts = {"due_soon": 0, "overdue": 0}
    for appeal in open_appeals.only("pk", "assignee_id", "answer_due", "number").iterator():
        kind = Notification.Kind.OVERDUE if appeal.answer_due < moment else Notification.Kind.DUE_SOON
        people = {appeal.assignee_id} if appeal.assignee_id else set()
        if kind == Notification.Kind.OVERDUE or not appeal.assignee_id:
            people |= {user.pk for user in supervisors}
        for user_id in people:
            _, created = Notification.objects.get_or_create(user_id=user_id, appeal=appeal, kind=kind,
                                                            due=appeal.answer_due)
            counts[kind] += int(created)
    return counts

"""Outgoing requests to resource companies (W5): sent with a reply date, the reply recorded.

Recording a request of an appeal in work moves it to «ждём ответа организации», and the last reply
moves it back, each in the same step; where the status does not allow it, the outcome says why.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from deadlines.calendar import add_working_days
from priemnaya.russian import plural

from . import access, services
from .choices import Status
from .errors import AppealError
from .models import Appeal, AppealEvent, OutgoingRequest, ResourceCompany

# Suggested time for an organisation to reply; the clerk may set any other date.
DEFAULT_REPLY_WORKING_DAYS = 5
MAX_SUBJECT = 5_000


def default_due(sent_at: dt.date) -> dt.date:
    """The reply date offered in the form for a request sent on `sent_at`."""
    return add_working_days(sent_at, DEFAULT_REPLY_WORKING_DAYS)


def _today() -> dt.date:
    return timezone.localdate()


def _event(appeal: Appeal, actor, action: str, new: str, note: str = "") -> None:
    AppealEvent.objects.create(appeal=appeal, actor=actor if getattr(actor, "pk", None) else None,
                               action=action, field="outgoing_request", new_value=new, note=note)


def _organization(value: ResourceCompany | str | None) -> ResourceCompany:
    if isinstance(value, ResourceCompany):
        return value
    name = " ".join((value or "").split())
    if not name:
        raise AppealError("Выберите организацию или впишите её название.", "organization")
    if len(name) > 300:
        raise AppealError("Название организации длиннее 300 знаков.", "organization")
    # The directory is short; comparing in Python is case-insensitive for Cyrillic on every database.
    wanted = name.casefold()
    existing = next((c for c in ResourceCompany.objects.all() if c.name.casefold() == wanted), None)
    return existing or ResourceCompany.objects.create(name=name)


def _check_dates(sent_at: dt.date | None, due_at: dt.date | None) -> None:
    if sent_at is None:
        raise AppealError("Укажите дату отправки запроса.", "sent_at")
    if sent_at > _today():
        raise AppealError("Дата отправки не может быть в будущем.", "sent_at")
    if due_at is None:
        raise AppealError("Укажите, до какой даты ждём ответ.", "due_at")
    if due_at < sent_at:
        raise AppealError("Срок ответа не может быть раньше даты отправки.", "due_at")


@transaction.atomic
def add_request(appeal: Appeal, actor, *, organization: ResourceCompany | str | None, subject: str,
                sent_at: dt.date | None, due_at: dt.date | None) -> tuple[OutgoingRequest, str]:
    """Record a request for information sent to a resource company about this appeal; returns it and a
    sentence on the appeal's status (moved to waiting for the organisation, or why not).

    `organization` may be a name typed by the clerk: a company not yet in the directory is added to it.
    """
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    access.check(actor, "edit", appeal)
    if not appeal.is_open:
        raise AppealError("Обращение закрыто: запрос в организацию к нему добавить нельзя.", "organization")
    organization = _organization(organization)
    subject = (subject or "").strip()
    if not subject:
        raise AppealError("Кратко опишите, о чём запрос.", "subject")
    if len(subject) > MAX_SUBJECT:
        raise AppealError(f"Текст запроса длиннее {MAX_SUBJECT} знаков.", "subject")
    _check_dates(sent_at, due_at)
    request = OutgoingRequest.objects.create(appeal=appeal, organization=organization, subject=subject,
                                             sent_at=sent_at, due_at=due_at,
                                             created_by=actor if getattr(actor, "pk", None) else None)
    _event(appeal, actor, "outgoing_added", organization.name, note=f"Ответ ожидается до {due_at:%d.%m.%Y}")
    if appeal.status == Status.IN_PROGRESS:
        services.transition(appeal, "wait_external", actor)
        return request, "Обращение ждёт ответа организации."
    if appeal.status == Status.WAITING_EXTERNAL:
        return request, "Обращение уже ждёт ответа организации."
    return request, (f"Статус остался «{appeal.get_status_display()}»: ждать ответа организации можно "
                     "только по обращению в работе.")


@transaction.atomic
def record_reply(request: OutgoingRequest, actor, *, reply: str,
                 answered_at: dt.date | None) -> tuple[OutgoingRequest, str]:
    """Record the organisation's reply to an outgoing request (once); returns it and a sentence on the
    appeal's status (back in work when no other request waits, or why not)."""
    appeal = Appeal.objects.select_for_update().get(pk=request.appeal_id)
    access.check(actor, "edit", appeal)
    request = OutgoingRequest.objects.select_for_update().select_related("organization").get(pk=request.pk)
    if request.answered_at is not None:
        raise AppealError("Ответ на этот запрос уже записан.", "reply")
    reply = (reply or "").strip()
    if not reply:
        raise AppealError("Введите содержание ответа организации.", "reply")
    if answered_at is None:
        raise AppealError("Укажите дату получения ответа.", "answered_at")
    if answered_at > _today():
        raise AppealError("Дата получения ответа не может быть в будущем.", "answered_at")
    if answered_at < request.sent_at:
        raise AppealError("Ответ не может быть получен раньше, чем отправлен запрос.", "answered_at")
    request.reply, request.answered_at = reply, answered_at
    request.save(update_fields=["reply", "answered_at"])
    _event(appeal, actor, "outgoing_replied", request.organization.name,
           note=f"Ответ получен {answered_at:%d.%m.%Y}")
    if appeal.status != Status.WAITING_EXTERNAL:
        return request, ""
    waiting = appeal.outgoing_requests.filter(answered_at__isnull=True).count()
    if waiting:
        left = f"{waiting} {plural(waiting, 'запрос', 'запроса', 'запросов')}"
        return request, f"Без ответа остаётся ещё {left}: обращение по-прежнему ждёт ответа организации."
    services.transition(appeal, "external_replied", actor)
    return request, "Все организации ответили: обращение снова в работе."


def is_overdue(request: OutgoingRequest, today: dt.date | None = None) -> bool:
    """The organisation has not replied by the date we expected."""
    return request.answered_at is None and request.due_at < (today or _today())

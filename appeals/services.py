"""The verbs of the appeal domain. Every change to an appeal goes through here.

Each verb locks the row, asks `access.check` whether the actor may do it (the actor `None` is the
system), checks the life cycle, saves, writes history and announces the change after commit
(receivers react: notifications, triage, routing).
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from accounts.models import Company
from deadlines.norms import NormKind, compute_due, extended_due, resumed_due
from housing.services import match_building

from . import access, answer_rules, workflow
from .applicants import ApplicantData, applicant_for
from .choices import PAUSED_STATUSES, Channel, Complexity, Favour, Kind, Priority, Status
from .dates import check_received_at
from .errors import AppealError
from .models import Appeal, AppealEvent, Reason
from .numbering import new_access_code, next_number
from .signals import appeal_changed

MAX_TEXT = 20_000
SHORT_CONTENT_LEN = 200


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT_CONTENT_LEN else text[: SHORT_CONTENT_LEN - 1].rstrip() + "…"


def _record(appeal, actor, action, *, field="", old="", new="", note="", public=False) -> AppealEvent:
    return AppealEvent.objects.create(
        appeal=appeal, actor=actor if getattr(actor, "pk", None) else None, action=action, field=field,
        old_value="" if old is None else str(old), new_value="" if new is None else str(new),
        note=note, is_public=public)


def _announce(appeal: Appeal, action: str) -> None:
    transaction.on_commit(lambda: appeal_changed.send(sender=Appeal, appeal=appeal, action=action))


def derive_priority(reason: Reason | None, applicant) -> str:
    """Emergency reasons first; then the individual approach (disabled, veterans, elderly, poor)."""
    if reason is not None and reason.is_emergency:
        return Priority.EMERGENCY
    if applicant is not None and applicant.care_flags:
        return Priority.HIGH
    return Priority.NORMAL


def _case(appeal: Appeal) -> dict:
    return {"reason_id": appeal.reason_id, "complexity": appeal.complexity, "channel": appeal.channel}


def _set_deadlines(appeal: Appeal) -> None:
    appeal.registration_due = compute_due(NormKind.REGISTRATION, appeal.received_at, **_case(appeal))
    appeal.answer_due = compute_due(NormKind.ANSWER, appeal.received_at, **_case(appeal))


def _validate_intake(text: str, channel: str, kind: str, received_at: dt.datetime) -> None:
    if not text or not text.strip():
        raise AppealError("Введите текст обращения.", "text")
    if len(text) > MAX_TEXT:
        raise AppealError(f"Текст обращения длиннее {MAX_TEXT} знаков.", "text")
    if channel not in Channel.values:
        raise AppealError("Неизвестный канал поступления.", "channel")
    if kind not in Kind.values:
        raise AppealError("Неизвестный вид обращения.", "kind")
    check_received_at(received_at)


@transaction.atomic
def receive_appeal(*, text: str, channel: str, kind: str = Kind.APPEAL, received_at: dt.datetime | None = None,
                   applicant: ApplicantData | None = None, applicant_obj=None, building=None,
                   address_text: str = "", flat: str = "", reason: Reason | None = None,
                   short_content: str = "", complexity: str | None = None, actor=None) -> Appeal:
    """Accept an appeal from any channel: it gets its number and deadlines at once.

    An unknown address never blocks intake: it is kept as typed.
    """
    access.check(actor, "receive")
    received_at = received_at or timezone.now()
    _validate_intake(text, channel, kind, received_at)
    if building is None and address_text:
        building = match_building(address_text)
    applicant_obj = applicant_obj or (applicant_for(applicant, building) if applicant else None)
    appeal = Appeal(
        number=next_number(timezone.localtime(received_at).year), access_code=new_access_code(),
        kind=kind, channel=channel, received_at=received_at, applicant=applicant_obj, building=building,
        flat=(flat or (applicant.flat if applicant else "")).strip()[:20], address_text=address_text.strip()[:400],
        text=text.strip(), short_content=_short(short_content or text), reason=reason,
        category=reason.category if reason else None,
        complexity=complexity or (reason.default_complexity if reason else Complexity.A),
        department=reason.department if reason else None,
    )
    appeal.priority = derive_priority(reason, applicant_obj)
    _set_deadlines(appeal)
    appeal.save()
    _record(appeal, actor, "received", field="status", new=Status.RECEIVED,
            note=f"Канал: {Channel(channel).label}", public=True)
    _announce(appeal, "received")
    return appeal


@transaction.atomic
def register_with_reason(appeal: Appeal, actor, *, reason: Reason, complexity: str | None = None) -> Appeal:
    """Set the reason and register the appeal (W2), as the registration screen, the triage inbox and
    automatic triage do."""
    appeal = classify(appeal, actor, reason=reason, complexity=complexity)
    return transition(appeal, "register", actor)


@transaction.atomic
def receive_and_register(actor, *, reason: Reason | None = None, complexity: str | None = None,
                         assignee=None, department=None, **intake) -> Appeal:
    """Receive an appeal, register it when its reason is known, and appoint whom the person chose — all or
    nothing. `intake` is what `receive_appeal` takes."""
    appeal = receive_appeal(actor=actor, **intake)
    if reason is not None:
        appeal = register_with_reason(appeal, actor, reason=reason, complexity=complexity)
    if assignee is not None or department is not None:
        appeal = assign(appeal, actor, assignee=assignee, department=department)
    return appeal


def _locked(appeal: Appeal) -> Appeal:
    return Appeal.objects.select_for_update().get(pk=appeal.pk)


@transaction.atomic
def classify(appeal: Appeal, actor, *, reason: Reason, complexity: str | None = None,
             priority: str | None = None) -> Appeal:
    """Set the reason (and with it the category, department, priority and deadlines)."""
    appeal = _locked(appeal)
    access.check(actor, "classify", appeal)
    if not appeal.is_open:
        raise AppealError("Закрытое обращение нельзя переклассифицировать.", "reason")
    if complexity and complexity not in Complexity.values:
        raise AppealError("Сложность должна быть А, Б или В.", "complexity")
    if priority and priority not in Priority.values:
        raise AppealError("Неизвестный приоритет.", "priority")
    changes = {"reason": reason, "category": reason.category,
               "complexity": complexity or (appeal.complexity if appeal.reason_id else reason.default_complexity),
               "priority": priority or derive_priority(reason, appeal.applicant)}
    if appeal.department_id is None and reason.department_id:
        changes["department"] = reason.department
    for field, value in changes.items():
        old = getattr(appeal, field)
        if old != value:
            setattr(appeal, field, value)
            _record(appeal, actor, "classified", field=field, old=old or "", new=value)
    if appeal.extended_at is None and appeal.paused_at is None:
        _set_deadlines(appeal)
    appeal.save()
    _announce(appeal, "classified")
    return appeal


def _assign_action(appeal: Appeal, actor, assignee, department) -> str:
    """Which action an assignment is: appointing oneself, someone, another person, or only a department."""
    if assignee is not None and assignee.pk != appeal.assignee_id:
        if appeal.assignee_id is None:
            return "take" if actor is not None and assignee.pk == actor.pk else "assign"
        return "reassign"
    if department is not None and department.pk != appeal.department_id and appeal.assignee_id is not None:
        return "reassign"
    return "route" if appeal.assignee_id is None else "reassign"


@transaction.atomic
def assign(appeal: Appeal, actor, *, assignee=None, department=None, note: str = "") -> Appeal:
    """Appoint (or change) the department and the responsible person (W3); a note is always kept."""
    appeal = _locked(appeal)
    if not appeal.is_open:
        raise AppealError("Нельзя назначить ответственного по закрытому обращению.", "assignee")
    profile = getattr(assignee, "profile", None) if assignee else None
    department = department or (profile.department if profile else None) or appeal.department
    if assignee is None and department is None:
        raise AppealError("Укажите подразделение или ответственного.", "assignee")
    if assignee is not None and not (assignee.is_active and assignee.has_perm("appeals.work_appeal")):
        raise AppealError("Этот сотрудник не работает с обращениями: выберите другого.", "assignee")
    access.check(actor, _assign_action(appeal, actor, assignee, department), appeal)
    note = (note or "").strip()
    changed = False
    if appeal.status == Status.REGISTERED and assignee is not None:
        _record(appeal, actor, "assign", field="status", old=appeal.status, new=Status.ASSIGNED,
                note=workflow.TRANSITIONS["assign"].public_note, public=True)
        appeal.status = Status.ASSIGNED
    for field, value in (("department", department), ("assignee", assignee)):
        old = getattr(appeal, field)
        if value is not None and old != value:
            setattr(appeal, field, value)
            _record(appeal, actor, "reassigned" if old else "assigned", field=field,
                    old=_person(old), new=_person(value), note=note)
            changed = True
    if note and not changed:  # the same person again: the supervisor's words still count
        _record(appeal, actor, "commented", note=note)
    appeal.save()
    _announce(appeal, "assigned")
    return appeal


def _person(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.username
    return str(value)


def _answer_text_with_notice(text: str, appeal: Appeal) -> str:
    notice = Company.current().hq_notice()
    if appeal.needs_hq_notice and notice not in text:
        return f"{text.rstrip()}\n\n{notice}"
    return text


def _require(value, message: str, field: str):
    if value is None or (isinstance(value, str) and not value.strip()):
        raise AppealError(message, field)
    return value.strip() if isinstance(value, str) else value


def _guard_and_apply(appeal: Appeal, name: str, now: dt.datetime, data: dict) -> str:
    """Check the transition's own conditions and make its side effects; returns the event note."""
    note = (data.get("note") or "").strip()
    if name == "register":
        if appeal.reason_id is None:
            raise AppealError("Перед регистрацией выберите категорию и причину обращения.", "reason")
        appeal.registered_at = now
    elif name in ("request_clarification", "wait_applicant"):
        note = _require(note, "Укажите, какие сведения нужны от заявителя.", "note")
        appeal.paused_at = now
    elif name in ("clarified", "applicant_replied"):
        _resume_clock(appeal, now)
    elif name == "wait_external":
        if not appeal.outgoing_requests.filter(answered_at__isnull=True).exists():
            raise AppealError("Сначала добавьте исходящий запрос в организацию.", "outgoing_request")
    elif name == "draft_answer":
        appeal.answer_text = _require(data.get("answer_text", appeal.answer_text),
                                      "Введите текст проекта ответа.", "answer_text")
    elif name in ("answer", "refuse"):
        _apply_answer(appeal, name, now, data)
    elif name == "extend":
        _apply_extension(appeal, now, note)
    elif name == "escalate":
        if appeal.escalation_refusal():
            raise AppealError(appeal.escalation_refusal(), "complexity")
        note = _require(note, "Укажите, что передаётся в вышестоящую организацию.", "note")
    elif name == "close":
        appeal.closed_at = now
    elif name == "reopen":
        note = _require(note, "Укажите причину возобновления.", "note")
        appeal.closed_at = None
        # A reopened appeal is considered anew: its own deadline, and it may be extended once again.
        appeal.extended_at, appeal.extension_reason = None, ""
        appeal.answer_due = compute_due(NormKind.ANSWER, now, **_case(appeal))
    return note


def _resume_clock(appeal: Appeal, now: dt.datetime) -> None:
    if appeal.paused_at is None:
        return
    by_hours = appeal.counted_in_hours
    if appeal.status == Status.CLARIFICATION and appeal.registration_due:
        appeal.registration_due = resumed_due(appeal.registration_due, appeal.paused_at, now, by_hours=by_hours)
    if appeal.answer_due:
        appeal.answer_due = resumed_due(appeal.answer_due, appeal.paused_at, now, by_hours=by_hours)
    appeal.paused_at = None


def check_answer(text: str, result: str, favour: str) -> None:
    """What every answer needs: its text with no gap left to fill, a short result for the journal and in whose
    favour it was decided."""
    _require(text, "Введите текст ответа.", "answer_text")
    answer_rules.check_filled(text)
    _require(result, "Кратко укажите результат рассмотрения.", "result")
    if favour not in Favour.values:
        raise AppealError("Укажите, в чью пользу решено обращение.", "resolved_in_favour_of")


def _apply_answer(appeal: Appeal, name: str, now: dt.datetime, data: dict) -> None:
    text = (data.get("answer_text") or appeal.answer_text or "").strip()
    result = (data.get("result") or appeal.result or "").strip()
    favour = data.get("resolved_in_favour_of") or appeal.resolved_in_favour_of
    if name == "refuse":
        favour = favour or Favour.COMPANY
    check_answer(text, result, favour)
    if name == "refuse" and favour == Favour.APPLICANT:
        raise AppealError("Отказ не может быть решением в пользу заявителя.", "resolved_in_favour_of")
    appeal.is_refusal = name == "refuse"
    appeal.resolved_in_favour_of = favour
    appeal.result = result[:500]
    appeal.answer_text = _answer_text_with_notice(text, appeal)
    appeal.answered_at = now


def _apply_extension(appeal: Appeal, now: dt.datetime, note: str) -> None:
    if appeal.extension_refusal():
        raise AppealError(appeal.extension_refusal(), "complexity" if appeal.extended_at is None else "extend")
    _require(note, "Укажите причину продления срока.", "note")
    appeal.extension_reason = note
    appeal.extended_at = now
    appeal.answer_due = extended_due(appeal.received_at, appeal.answer_due, **_case(appeal))


@transaction.atomic
def transition(appeal: Appeal, name: str, actor, **data) -> Appeal:
    """Move the appeal along the life cycle; raises TransitionError or AppealError."""
    appeal = _locked(appeal)
    if name == "assign":
        raise AppealError("Ответственного назначают отдельно: укажите сотрудника.", "assignee")
    access.check(actor, name, appeal)
    step = workflow.check(name, appeal.status)
    now = data.pop("now", None) or timezone.now()
    old_due = appeal.answer_due
    note = _guard_and_apply(appeal, name, now, data)
    old_status = appeal.status
    if step.target:
        appeal.status = step.target
    appeal.save()
    # Public timelines show the transition's public note, never `note`, which is internal.
    _record(appeal, actor, name, field="status" if step.target else "", old=old_status if step.target else "",
            new=step.target or "", note=note, public=True)
    if appeal.answer_due != old_due:
        _record(appeal, actor, name, field="answer_due", old=_fmt(old_due), new=_fmt(appeal.answer_due))
    _announce(appeal, name)
    return appeal


def _fmt(moment: dt.datetime | None) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M") if moment else ""


@transaction.atomic
def update_draft(appeal: Appeal, actor, *, answer_text: str, result: str = "", favour: str = "") -> Appeal:
    """Save the answer editor without sending (W5: the draft)."""
    appeal = _locked(appeal)
    access.check(actor, "edit", appeal)
    if not appeal.is_open:
        raise AppealError("Ответ по закрытому обращению изменить нельзя.", "answer_text")
    if favour and favour not in Favour.values:
        raise AppealError("Укажите, в чью пользу решено обращение.", "resolved_in_favour_of")
    for field, value in (("answer_text", answer_text), ("result", result[:500]), ("resolved_in_favour_of", favour)):
        if value and getattr(appeal, field) != value:
            _record(appeal, actor, "draft_saved", field=field, old=getattr(appeal, field), new=value)
            setattr(appeal, field, value)
    appeal.save()
    return appeal


@transaction.atomic
def link(appeal: Appeal, other: Appeal, actor) -> None:
    """Link two appeals (the same matter); the actor must see both."""
    access.check(actor, "link", appeal)
    if actor is not None and not access.can_view(actor, other):
        raise AppealError(f"Обращение № {other.number} не найдено.", "number")
    if appeal.pk == other.pk:
        raise AppealError("Нельзя связать обращение с самим собой.", "number")
    appeal.linked.add(other)
    _record(appeal, actor, "linked", field="linked", new=other.number)
    _record(other, actor, "linked", field="linked", new=appeal.number)


@transaction.atomic
def raise_priority(appeal: Appeal, actor, priority: str, why: str) -> Appeal:
    """Raise the priority of an appeal not yet classified (an emergency suspected before its reason is set)."""
    appeal = _locked(appeal)
    access.check(actor, "classify", appeal)
    if priority not in Priority.values:
        raise AppealError("Неизвестный приоритет.", "priority")
    order = [Priority.NORMAL, Priority.HIGH, Priority.EMERGENCY]
    if order.index(priority) > order.index(appeal.priority):
        _record(appeal, actor, "priority_raised", field="priority", old=appeal.priority, new=priority, note=why)
        appeal.priority = priority
        appeal.save(update_fields=["priority", "updated_at"])
    return appeal


def note(appeal: Appeal, actor, action: str, text: str, *, public: bool = False) -> AppealEvent:
    """A remark in the appeal's history that changes no field (automatic decisions, incident links)."""
    return _record(appeal, actor, action, note=text, public=public)


def is_paused(appeal: Appeal) -> bool:
    return appeal.status in PAUSED_STATUSES

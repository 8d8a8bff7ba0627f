"""The verbs of a call (CH2, table 5.3.1): each step stamps its moment, in the order a call goes.

An operator starts a call when they answer it; the caller's number finds the applicant it belongs to.
Then the operator marks that the client's information is found, may transfer the caller to a specialist
(connected, the specialist finished), ends the call with its outcome, and ends the post-processing.
The appeal registered during the call is linked to it. Each verb checks who may (`appeals.access`) and
that the step comes in its turn; a step out of turn is refused with a message for people.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from appeals import access
from appeals.contacts import normalize_phone
from appeals.errors import AppealError
from appeals.models import Appeal, Applicant
from appeals.workflow import ASSIGN, OPERATE

from .models import Call, CallCentreNorms, Outcome

# Operators and supervisors take calls; supervisors review anyone's (A7), and listen to the recordings.
ACTIONS = {
    "take_calls": ((OPERATE,), "Принимать звонки"),
    "review_calls": ((ASSIGN,), "Просматривать звонки операторов"),
    "receive_visitors": ((OPERATE,), "Вести приём посетителей в офисе"),
}


class CallError(AppealError):
    """A step of a call refused: out of turn or with bad input; `field` names the input, if any."""


def may_take_calls(user) -> bool:
    return access.may(user, "take_calls")


def may_review_calls(user) -> bool:
    return access.may(user, "review_calls")


def running_call(operator) -> Call | None:
    """The operator's call not yet wrapped up (one at a time), or None."""
    if not getattr(operator, "is_authenticated", False):
        return None
    return (Call.objects.filter(operator=operator, wrapped_up_at__isnull=True, source=Call.Source.OPERATOR)
            .select_related("applicant", "appeal").order_by("-ringing_at").first())


def todays_calls(user) -> QuerySet:
    """Today's calls (local day), the latest first: a supervisor sees every operator's, an operator their own."""
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    calls = Call.objects.filter(ringing_at__gte=start).select_related("applicant", "appeal", "operator")
    return calls if may_review_calls(user) else calls.filter(operator=user)


def caller_of(number: str) -> Applicant | None:
    """The applicant a phone number (already +7XXXXXXXXXX) belongs to, when exactly one has it."""
    if not number:
        return None
    found = list(Applicant.objects.filter(phone=number).order_by("-id")[:2])
    return found[0] if len(found) == 1 else None


def _normalized(number: str) -> str:
    try:
        return normalize_phone(number)
    except AppealError as error:
        raise CallError(error.message, "caller_number") from error


def _own(call: Call, actor) -> None:
    access.check(actor, "take_calls")
    if call.operator_id != actor.pk and not may_review_calls(actor):
        raise access.Forbidden("Это звонок другого оператора.")


def _locked(call: Call) -> Call:
    return Call.objects.select_for_update().get(pk=call.pk)


@transaction.atomic
def start_call(operator, caller_number: str = "") -> Call:
    """The operator answers a call: the call starts now, the caller is matched to an applicant by phone."""
    access.check(operator, "take_calls")
    number = _normalized(caller_number)
    # The operator's row is locked so that two clicks at once start one call, not two.
    list(get_user_model().objects.select_for_update().filter(pk=operator.pk).values_list("pk", flat=True))
    current = running_call(operator)
    if current is not None:
        raise CallError("У вас уже идёт звонок: завершите его и постобработку, прежде чем начать новый.")
    now = timezone.now()
    return Call.objects.create(operator=operator, caller_number=number, applicant=caller_of(number),
                               ringing_at=now, answered_at=now)


def _step(call: Call, actor, field: str, *, after: str | None = None, message: str = "") -> Call:
    """Stamp one moment of a running call, once, after `after` has been stamped."""
    _own(call, actor)
    call = _locked(call)
    if call.ended_at is not None:
        raise CallError("Звонок уже завершён.")
    if getattr(call, field) is not None:
        raise CallError(message or "Этот шаг уже отмечен.")
    if after is not None and getattr(call, after) is None:
        raise CallError({"connected_at": "Сначала отметьте перевод на специалиста.",
                         "specialist_ended_at": "Сначала отметьте соединение со специалистом."}[field])
    setattr(call, field, timezone.now())
    call.save(update_fields=[field])
    return call


@transaction.atomic
def mark_found(call: Call, actor) -> Call:
    """The operator has found the client's information."""
    return _step(call, actor, "found_at", message="Информация о клиенте уже отмечена найденной.")


@transaction.atomic
def transfer(call: Call, actor) -> Call:
    """The operator transfers the caller to a specialist."""
    return _step(call, actor, "transferred_at", message="Звонок уже переведён на специалиста.")


@transaction.atomic
def mark_connected(call: Call, actor) -> Call:
    """The specialist has picked up."""
    return _step(call, actor, "connected_at", after="transferred_at", message="Соединение уже отмечено.")


@transaction.atomic
def mark_specialist_ended(call: Call, actor) -> Call:
    """The specialist has finished giving information."""
    return _step(call, actor, "specialist_ended_at", after="connected_at",
                 message="Окончание разговора со специалистом уже отмечено.")


def _checked_outcome(call: Call, outcome: str) -> str:
    if outcome not in Outcome.values:
        raise CallError("Выберите итог звонка.", "outcome")
    if outcome == Outcome.TRANSFERRED and call.transferred_at is None:
        raise CallError("Итог «Переведён на специалиста» — только после перевода: сначала отметьте перевод.",
                        "outcome")
    if outcome == Outcome.MISSED and (call.found_at or call.transferred_at or call.appeal_id):
        raise CallError("С этим звонком уже работали: пропущенным его не отметить.", "outcome")
    return outcome


@transaction.atomic
def end_call(call: Call, actor, outcome: str, note: str = "") -> Call:
    """The conversation ends with its outcome; post-processing starts. A missed call was never answered."""
    _own(call, actor)
    call = _locked(call)
    if call.ended_at is not None:
        raise CallError("Звонок уже завершён.")
    call.outcome = _checked_outcome(call, outcome)
    call.ended_at = timezone.now()
    if outcome == Outcome.MISSED:
        call.answered_at = None
    if note.strip():
        call.note = note.strip()
    call.save(update_fields=["outcome", "ended_at", "answered_at", "note"])
    return call


@transaction.atomic
def end_wrap_up(call: Call, actor) -> Call:
    """The post-processing is finished: the operator is free for the next call."""
    _own(call, actor)
    call = _locked(call)
    if call.ended_at is None:
        raise CallError("Сначала завершите звонок и выберите его итог.")
    if call.wrapped_up_at is not None:
        raise CallError("Постобработка уже завершена.")
    if call.outcome == Outcome.NEW_APPEAL and call.appeal_id is None:
        raise CallError("Итог звонка — новое обращение: зарегистрируйте его или выберите другой итог.")
    call.wrapped_up_at = timezone.now()
    call.save(update_fields=["wrapped_up_at"])
    return call


@transaction.atomic
def link_appeal(call: Call, appeal: Appeal, actor) -> Call:
    """The appeal made during the call (or its post-processing) belongs to it; so does its applicant."""
    _own(call, actor)
    if not access.can_view(actor, appeal):
        raise access.Forbidden(f"Обращение № {appeal.number} вам недоступно.")
    call = _locked(call)
    if call.wrapped_up_at is not None:
        raise CallError("Постобработка звонка завершена: обращение к нему уже не привязать.")
    call.appeal = appeal
    if call.applicant_id is None:
        call.applicant_id = appeal.applicant_id
    call.save(update_fields=["appeal", "applicant"])
    return call


def next_steps(call: Call) -> list[str]:
    """The verbs possible now, for the buttons (the verbs check again)."""
    if call.ended_at is not None:
        return [] if call.wrapped_up_at else ["wrap_up"]
    steps = [] if call.found_at else ["found"]
    if call.transferred_at is None:
        steps.append("transfer")
    elif call.connected_at is None:
        steps.append("connected")
    elif call.specialist_ended_at is None:
        steps.append("specialist_ended")
    return steps + ["end"]


def registration_initial(call: Call) -> dict:
    """What the registration screen opened from the call starts with: the phone channel, the call's time,
    and the caller as known (the applicant found by the number, or the number for a new one)."""
    initial = {"channel": "phone", "call_id": call.pk,
               "received_at": timezone.localtime(call.ringing_at).strftime("%Y-%m-%dT%H:%M")}
    if call.applicant_id:
        initial["applicant_id"] = call.applicant_id
    elif call.caller_number:
        initial["phone"] = call.caller_number
    return initial


# Each measure of table 5.3.1: its label, the moments it runs between (the first stamped one ends it), its norm.
MEASURES = [
    ("Ожидание ответа оператора", "ringing_at", ("answered_at",), "waiting"),
    ("Поиск информации о клиенте", "answered_at", ("found_at",), "finding"),
    ("Предоставление информации", "found_at", ("transferred_at", "ended_at"), "informing"),
    ("Соединение со специалистом", "transferred_at", ("connected_at",), "connecting"),
    ("Информация специалиста", "connected_at", ("specialist_ended_at",), "specialist"),
    ("Постобработка", "ended_at", ("wrapped_up_at",), "wrap_up"),
]


def measures(call: Call, norms: CallCentreNorms) -> list[dict]:
    """The call's measured steps in seconds beside their norms; a step not (yet) passed is left out."""
    rows = []
    for label, since, until, norm in MEASURES:
        begin = getattr(call, since)
        finish = next((getattr(call, name) for name in until if getattr(call, name)), None)
        if begin is None or finish is None:
            continue
        seconds = max(0, round((finish - begin).total_seconds()))
        limit = getattr(norms, norm)
        rows.append({"label": label, "seconds": seconds, "norm": limit, "over": seconds > limit})
    return rows

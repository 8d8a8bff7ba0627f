"""The verbs of an office visit (CH1): arrival, start and end of service, its outcome and appeal.

A visitor comes in (perhaps by an appointment of the `appointments` app), waits, is served and leaves;
waiting = start of service − arrival. A visitor who left unserved ends with the outcome «Пропущен».
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from appeals import access
from appeals.models import Appeal
from appointments.booking import mark
from appointments.models import Appointment, Status

from .models import Outcome, Visit
from .services import CallError, caller_of

ACTION = "receive_visitors"


def may_receive_visitors(user) -> bool:
    return access.may(user, ACTION)


def todays_visits() -> QuerySet:
    """Today's visits (local day), the latest arrival first."""
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return Visit.objects.filter(arrived_at__gte=start).select_related("applicant", "appeal", "operator",
                                                                        "appointment", "centre")


def waiting_seconds(visit: Visit) -> int | None:
    """How long the visitor waited to be served; None until the service starts."""
    if visit.started_at is None:
        return None
    return max(0, round((visit.started_at - visit.arrived_at).total_seconds()))


@transaction.atomic
def register_arrival(actor, *, visitor_name: str = "", appointment: Appointment | None = None) -> Visit:
    """A visitor has come in: by an appointment (its visitor, centre and phone), or by the name they give."""
    access.check(actor, ACTION)
    if appointment is not None:
        if Visit.objects.filter(appointment=appointment).exists():
            raise CallError("Приход по этой записи уже отмечен.", "appointment")
        if appointment.status == Status.CANCELLED:
            raise CallError("Запись отменена: отметьте посетителя без записи.", "appointment")
        visit = Visit.objects.create(appointment=appointment, centre=appointment.centre,
                                     visitor_name=appointment.full_name, applicant=caller_of(appointment.phone))
        if appointment.status != Status.ATTENDED:  # the day list of appointments shows that they came
            mark(appointment, "attended")
        return visit
    name = " ".join(visitor_name.split())
    if not name:
        raise CallError("Укажите, кто пришёл: фамилию и имя посетителя.", "visitor_name")
    if len(name) > Visit._meta.get_field("visitor_name").max_length:
        raise CallError("Слишком длинное имя посетителя.", "visitor_name")
    return Visit.objects.create(visitor_name=name)


def arrived_by_appointment(appointment: Appointment, actor) -> Visit:
    """The visit of an appointment marked «Пришёл» on the day list: the one registered already, or a new one."""
    return Visit.objects.filter(appointment=appointment).first() or register_arrival(actor, appointment=appointment)


def _locked(visit: Visit) -> Visit:
    return Visit.objects.select_for_update().get(pk=visit.pk)


@transaction.atomic
def start_service(visit: Visit, actor) -> Visit:
    """The staff member starts serving the visitor: the waiting ends now."""
    access.check(actor, ACTION)
    visit = _locked(visit)
    if visit.ended_at is not None:
        raise CallError("Посещение уже завершено.")
    if visit.started_at is not None:
        raise CallError("Приём уже начат.")
    visit.started_at = timezone.now()
    visit.operator = actor
    visit.save(update_fields=["started_at", "operator"])
    return visit


def registration_initial(visit: Visit) -> dict:
    """What the registration screen opened from the visit starts with: the in-person channel, the arrival time,
    and the visitor as known (their applicant, else the name and the appointment's phone for a new one)."""
    initial = {"channel": "in_person", "visit_id": visit.pk,
               "received_at": timezone.localtime(visit.arrived_at).strftime("%Y-%m-%dT%H:%M")}
    if visit.applicant_id:
        initial["applicant_id"] = visit.applicant_id
    else:
        initial["full_name"] = visit.visitor_name
        if visit.appointment is not None and visit.appointment.phone:
            initial["phone"] = visit.appointment.phone
    return initial


def lookup_query(visit: Visit) -> str:
    """What the registration screen looks the visitor up by, to show their earlier appeals."""
    if visit.appointment is not None and visit.appointment.phone:
        return visit.appointment.phone
    return visit.visitor_name


def in_service(pk) -> Visit | None:
    """The visit being served now (started, not ended) with this id, or None."""
    return (Visit.objects.filter(pk=pk, started_at__isnull=False, ended_at__isnull=True)
            .select_related("applicant", "appointment").first())


def served_with(appeal: Appeal) -> Visit | None:
    """The visit still going on that the appeal was registered from, if any."""
    return Visit.objects.filter(appeal=appeal, ended_at__isnull=True).first()


@transaction.atomic
def link_appeal(visit: Visit, appeal: Appeal, actor) -> Visit:
    """The appeal registered while the visitor is served belongs to the visit; so does its applicant."""
    access.check(actor, ACTION)
    if not access.can_view(actor, appeal):
        raise access.Forbidden(f"Обращение № {appeal.number} вам недоступно.")
    visit = _locked(visit)
    if visit.ended_at is not None:
        raise CallError("Посещение уже завершено: обращение к нему не привязать.")
    if visit.started_at is None:
        raise CallError("Приём посетителя ещё не начат: начните его, затем регистрируйте обращение.")
    visit.appeal = appeal
    visit.applicant_id = visit.applicant_id or appeal.applicant_id
    visit.save(update_fields=["appeal", "applicant"])
    return visit


@transaction.atomic
def end_service(visit: Visit, actor, outcome: str, appeal: Appeal | None = None) -> Visit:
    """The visit ends with its outcome (and the appeal registered, if any: the one linked when it was
    registered from the visit, unless another is named); «Пропущен» — left unserved."""
    access.check(actor, ACTION)
    visit = _locked(visit)
    if appeal is None and visit.appeal_id is not None:
        appeal = visit.appeal
    if visit.ended_at is not None:
        raise CallError("Посещение уже завершено.")
    if outcome not in Outcome.values or outcome == Outcome.TRANSFERRED and visit.started_at is None:
        raise CallError("Выберите итог посещения.", "outcome")
    if outcome == Outcome.MISSED and visit.started_at is not None:
        raise CallError("Посетителя уже приняли: пропущенным его не отметить.", "outcome")
    if outcome != Outcome.MISSED and visit.started_at is None:
        raise CallError("Сначала начните приём.", "outcome")
    if outcome == Outcome.NEW_APPEAL and appeal is None:
        raise CallError("Итог — новое обращение: укажите его номер.", "appeal")
    if appeal is not None and not access.can_view(actor, appeal):
        raise access.Forbidden(f"Обращение № {appeal.number} вам недоступно.")
    visit.ended_at = timezone.now()
    visit.outcome = outcome
    if appeal is not None:
        visit.appeal = appeal
        visit.applicant_id = visit.applicant_id or appeal.applicant_id
    visit.operator = visit.operator or actor
    visit.save(update_fields=["ended_at", "outcome", "appeal", "applicant", "operator"])
    return visit

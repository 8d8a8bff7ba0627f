"""The verbs of an appointment: book a seat, find a booking by its code, cancel it, mark the visit.

A seat is taken by inserting the appointment: the database's unique constraint on (service, time, seat)
among live appointments decides between simultaneous bookings, so no lock is held while people type and
no check-then-write race is left.
"""

import datetime as dt
import hmac
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from appeals import access
from appeals.contacts import check_email, check_name, normalize_phone
from appeals.errors import AppealError
from appeals.tracking import normalize_code

from .errors import BookingError, SlotFull
from .models import Appointment, Service, Status
from .schedule import check_bookable

CODE_LENGTH = 10
# No 0/O, 1/I/L: the code is read aloud and typed from paper (as an appeal's access code).
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_NO_CODE = "-" * CODE_LENGTH
SLOT_FULL = "Это время только что заняли: свободных мест на него не осталось. Выберите, пожалуйста, другое."

# What staff may do to an appointment: action → (states it may be taken from, the state it leads to, label).
TRANSITIONS: dict[str, tuple[frozenset[str], str, str]] = {
    "attended": (frozenset({Status.BOOKED, Status.NO_SHOW}), Status.ATTENDED, "Пришёл"),
    "no_show": (frozenset({Status.BOOKED, Status.ATTENDED}), Status.NO_SHOW, "Не пришёл"),
    "cancel": (frozenset({Status.BOOKED}), Status.CANCELLED, "Отменить запись"),
}


MANAGE = "appointments.manage_appointments"


def may_manage(user) -> bool:
    """Whether the person keeps the centres' day lists (marks visits, cancels): the back office asks here."""
    return access.holds(user, MANAGE)


@dataclass(frozen=True)
class Visitor:
    full_name: str
    phone: str
    email: str = ""


def new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))


def checked_visitor(full_name: str, phone: str, email: str = "") -> Visitor:
    """The visitor's contacts as stored, by the same checks an appeal's applicant gets; BookingError if not."""
    try:
        visitor = Visitor(" ".join(check_name(full_name).split()), normalize_phone(phone), check_email(email))
    except AppealError as error:
        raise BookingError(error.message, error.field) from None
    if not visitor.phone:
        raise BookingError("Укажите телефон: по нему мы предупредим, если приём придётся перенести.", "phone")
    return visitor


def _taken_seats(service: Service, starts_at: dt.datetime) -> set[int]:
    return set(Appointment.objects.filter(service=service, starts_at=starts_at)
               .exclude(status=Status.CANCELLED).values_list("seat", flat=True))


def book(service: Service, starts_at: dt.datetime, visitor: Visitor, now: dt.datetime | None = None) -> Appointment:
    """Take a free seat of the slot for the visitor; SlotFull when none is left (also when a simultaneous
    booking took the last one first), BookingError when the time is no bookable slot."""
    check_bookable(service, starts_at, now)
    taken = _taken_seats(service, starts_at)
    for seat in (n for n in range(1, service.seats + 1) if n not in taken):
        try:
            with transaction.atomic():
                return Appointment.objects.create(
                    centre_id=service.centre_id, service=service, starts_at=starts_at, seat=seat,
                    full_name=visitor.full_name, phone=visitor.phone, email=visitor.email, code=new_code())
        except IntegrityError:
            continue  # taken a moment ago by someone else: try the next seat
    raise SlotFull(SLOT_FULL, "slot")


def find_booking(code: str) -> Appointment | None:
    """The appointment with this confirmation code, or None; compared in constant time, as access codes are."""
    code = normalize_code(code)
    found = (Appointment.objects.select_related("centre", "service").filter(code=code).first()
             if len(code) == CODE_LENGTH else None)
    stored = found.code if found else _NO_CODE
    return found if found is not None and hmac.compare_digest(stored.encode(), code.encode()) else None


def may_cancel(appointment: Appointment, now: dt.datetime | None = None) -> bool:
    """The resident may cancel a live booking that has not begun."""
    return appointment.status == Status.BOOKED and appointment.starts_at > (now or timezone.now())


def cancel_booking(appointment: Appointment, now: dt.datetime | None = None) -> Appointment:
    """The resident cancels: the seat is free again."""
    if not may_cancel(appointment, now):
        raise BookingError("Эту запись отменить уже нельзя: приём прошёл или запись уже отменена.")
    return _move(appointment, Status.CANCELLED, {Status.BOOKED})


def mark(appointment: Appointment, action: str) -> Appointment:
    """A staff member marks the visit (came, did not come) or cancels the appointment."""
    if action not in TRANSITIONS:
        raise BookingError("Неизвестное действие.")
    sources, target, _label = TRANSITIONS[action]
    return _move(appointment, target, sources)


def _move(appointment: Appointment, target: str, sources: set[str] | frozenset[str]) -> Appointment:
    # One UPDATE guarded by the state: of two simultaneous changes the one that finds the old state wins.
    changed = Appointment.objects.filter(pk=appointment.pk, status__in=sources).update(
        status=target, changed_at=timezone.now())
    if not changed:
        raise BookingError("Запись уже изменена. Обновите страницу.")
    appointment.refresh_from_db()
    return appointment


def allowed_actions(appointment: Appointment) -> list[tuple[str, str]]:
    """(action, label) staff may take now, in table order."""
    return [(name, label) for name, (sources, _target, label) in TRANSITIONS.items() if appointment.status in sources]


def shown_phone(phone: str) -> str:
    """«+7 921 456-78-12» from the stored «+79214567812»."""
    if len(phone) != 12 or not phone.startswith("+7"):
        return phone
    return f"+7 {phone[2:5]} {phone[5:8]}-{phone[8:10]}-{phone[10:]}"


def masked_phone(phone: str) -> str:
    """«+7 921 ***-**-67»: enough for the resident to recognise their number, not enough to call it."""
    if len(phone) != 12 or not phone.startswith("+7"):
        return "скрыт"
    return f"+7 {phone[2:5]} ***-**-{phone[-2:]}"

"""A resident's bookings on their account page (`residents.sections`): those made with the account's
confirmed phone or e-mail, the coming ones first."""

from django.db.models import Q
from django.utils import timezone

from .models import Appointment, Status

SHOWN = 10


def own_bookings(resident):
    """The bookings whose phone or e-mail is the resident's confirmed one; none for an unconfirmed account."""
    if not resident.is_confirmed:
        return Appointment.objects.none()
    mine = Q(pk__in=[])
    if resident.phone:
        mine |= Q(phone=resident.phone)
    if resident.email:
        mine |= Q(email__iexact=resident.email)
    return Appointment.objects.filter(mine).select_related("centre", "service")


def bookings_section(resident) -> dict | None:
    """The section's context; None when the resident has never booked (the section is left out)."""
    bookings = own_bookings(resident)
    now = timezone.now()
    coming = list(bookings.filter(starts_at__gte=now, status=Status.BOOKED).order_by("starts_at")[:SHOWN])
    past = list(bookings.exclude(pk__in=[b.pk for b in coming]).order_by("-starts_at")[:SHOWN])
    if not coming and not past:
        return None
    return {"title": "Записи на приём", "template": "appointments/_account_section.html",
            "coming": coming, "past": past}

"""The public pages of the service centres: the list, one centre, booking, and a booking found by its code."""

import time

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.throttle import too_many
from priemnaya import ratelimit

from .booking import book, cancel_booking, find_booking, masked_phone, may_cancel
from .errors import BookingError, SlotFull
from .forms import BookingForm, LookupForm
from .models import Appointment, Centre, Publication, Service, WeeklyHours
from .schedule import free_by_day, hours_of, hours_summary, open_slots

SESSION_BOOKED = "appointment_booked"
SESSION_FOUND = "appointment_found"
# The code is kept in the session only briefly: public computers are shared.
SESSION_MAX_AGE = 30 * 60
NOT_FOUND = "Запись с таким кодом не найдена."
PUBLICATIONS_SHOWN = 10


def _centres():
    return Centre.objects.filter(is_active=True).prefetch_related(
        Prefetch("hours", queryset=WeeklyHours.objects.filter(service__isnull=True), to_attr="own_rows"))


@require_GET
def centre_list(request):
    centres = list(_centres())
    for centre in centres:
        centre.hours_lines = hours_summary(centre.own_rows)
    return render(request, "appointments/centre_list.html", {"centres": centres})


def _active_services(centre: Centre) -> list[Service]:
    """The centre's services open for booking, each with its hours told (its own, or the centre's)."""
    rows = list(centre.hours.all())
    services = [s for s in centre.services.all() if s.is_active]
    for service in services:
        service.centre = centre
        service.hours_lines = hours_summary(list(hours_of(service, rows).values()), days_off=False) \
            if service.own_hours else []
    return services


@require_GET
def centre_detail(request, slug: str):
    centre = get_object_or_404(_centres().prefetch_related("hours", "services", "questions"), slug=slug)
    publications = Publication.objects.filter(centre=centre, is_published=True)[:PUBLICATIONS_SHOWN]
    return render(request, "appointments/centre_detail.html", {
        "centre": centre, "hours_lines": hours_summary(centre.own_rows), "services": _active_services(centre),
        "questions": centre.questions.all(), "publications": publications})


def _chosen_service(services: list[Service], value: str) -> Service | None:
    if len(services) == 1 and not value:
        return services[0]
    return next((s for s in services if str(s.pk) == value), None)


def _picker(service: Service | None, day_value: str) -> dict:
    """The free days of the chosen service and the times of the chosen day (the first free day by default)."""
    if service is None:
        return {"days": [], "day": None, "times": []}
    days = free_by_day(open_slots(service))
    chosen = next((d for d in days if d[0].isoformat() == day_value), days[0] if days else None)
    return {"days": days, "day": chosen[0] if chosen else None, "times": chosen[1] if chosen else [],
            "day_gone": bool(day_value) and chosen is not None and chosen[0].isoformat() != day_value}


def _booked(form: BookingForm, service: Service) -> Appointment | None:
    """Book the form's slot; on failure the reason goes on the form and None comes back."""
    try:
        return book(service, form.cleaned_data["slot"], form.visitor)
    except SlotFull as error:
        form.add_error("slot", error.message)
    except BookingError as error:
        form.add_error(error.field if error.field in form.fields else "slot", error.message)
    return None


@require_http_methods(["GET", "POST"])
def book_form(request, slug: str):
    centre = get_object_or_404(Centre.objects.filter(is_active=True).prefetch_related("hours", "services"), slug=slug)
    services = _active_services(centre)
    params = request.POST if request.method == "POST" else request.GET
    service = _chosen_service(services, params.get("service", ""))
    form = BookingForm()
    if request.method == "POST":
        if not ratelimit.hit(request, "appointment"):
            return too_many(request, ratelimit.seconds_left(request, "appointment"))
        form = BookingForm(request.POST)
        if service is None:
            form.add_error(None, "Выберите услугу из списка.")
        elif form.is_valid() and (appointment := _booked(form, service)) is not None:
            _remember(request, SESSION_BOOKED, appointment)
            return redirect("appointments:done")
    day_value = params.get("day", "") or _day_of(form)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "appointments/book.html", {
        "centre": centre, "services": services, "service": service, "form": form,
        "picked": form.data.get("slot", ""), **_picker(service, day_value)}, status=status)


def _day_of(form: BookingForm) -> str:
    value = form.data.get("slot", "") if form.is_bound else ""
    return value[:10] if len(value) >= 10 else ""


def _remember(request, key: str, appointment: Appointment) -> None:
    request.session[key] = {"code": appointment.code, "at": time.time()}


def _recall(request, key: str) -> Appointment | None:
    saved = request.session.get(key)
    if not isinstance(saved, dict) or time.time() - saved.get("at", 0) > SESSION_MAX_AGE:
        return None
    return find_booking(saved.get("code", ""))


def _booking_context(appointment: Appointment) -> dict:
    """What a public page shows of a booking: where, when, what for; the phone masked, no name."""
    return {"appointment": appointment, "centre": appointment.centre, "phone": masked_phone(appointment.phone),
            "may_cancel": may_cancel(appointment)}


@require_GET
def booking_done(request):
    appointment = _recall(request, SESSION_BOOKED)
    if appointment is None:
        return redirect("appointments:lookup")
    return render(request, "appointments/done.html", _booking_context(appointment))


@require_http_methods(["GET", "POST"])
def lookup(request):
    """The code only from a posted form: in an address it would stay in server logs and browser histories."""
    if request.method == "GET":
        return render(request, "appointments/lookup.html", {"form": LookupForm()})
    if not ratelimit.hit(request, "appointment-lookup"):
        return too_many(request, ratelimit.seconds_left(request, "appointment-lookup"))
    form = LookupForm(request.POST)
    if not form.is_valid():
        return render(request, "appointments/lookup.html", {"form": form}, status=400)
    appointment = find_booking(form.cleaned_data["code"])
    if appointment is None:
        return render(request, "appointments/lookup.html", {"form": LookupForm(), "not_found": NOT_FOUND},
                      status=404)
    _remember(request, SESSION_FOUND, appointment)
    return redirect("appointments:status")


@require_GET
def booking_status(request):
    appointment = _recall(request, SESSION_FOUND)
    if appointment is None:
        return redirect("appointments:lookup")
    return render(request, "appointments/status.html", _booking_context(appointment))


@require_POST
def booking_cancel(request):
    appointment = _recall(request, SESSION_FOUND) or _recall(request, SESSION_BOOKED)
    if appointment is None:
        return redirect("appointments:lookup")
    error = ""
    try:
        appointment = cancel_booking(appointment)
    except BookingError as refused:
        error = refused.message
    _remember(request, SESSION_FOUND, appointment)
    context = {**_booking_context(appointment), "error": error, "cancelled_now": not error}
    return render(request, "appointments/status.html", context, status=409 if error else 200)

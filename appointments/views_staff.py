"""The back office's day of appointments at a centre: who is coming, marking visits, cancelling."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from appeals import access
from appeals.access import log_pd_access, require
from calls import visits

from .booking import allowed_actions, mark, may_manage
from .errors import BookingError
from .forms import DayForm
from .models import Appointment, Centre, Status
from .schedule import MOSCOW, day_label, slot_label

# Seeing visitors' names and phones is seeing personal data: the same permission as applicants' (152-ФЗ).


def _day_form(request) -> DayForm:
    first = Centre.objects.order_by("order", "name").values_list("slug", flat=True).first()
    data = {"centre": request.GET.get("centre") or first or "",
            "day": request.GET.get("day") or timezone.localdate().isoformat()}
    return DayForm(data)


def _day_rows(centre: Centre, day: dt.date) -> list[Appointment]:
    start = dt.datetime.combine(day, dt.time.min, tzinfo=MOSCOW)
    rows = list(Appointment.objects.filter(centre=centre, starts_at__gte=start,
                                           starts_at__lt=start + dt.timedelta(days=1)).select_related("service")
                .order_by("starts_at", "service__order", "seat"))
    for row in rows:
        row.actions = allowed_actions(row)
    return rows


@login_required
@require_GET
def day_list(request):
    require(may_manage(request.user))
    form = _day_form(request)
    context = {"form": form, "rows": [], "shows_people": access.sees_personal_data(request.user)}
    if form.is_valid():
        centre, day = form.cleaned_data["centre"], form.cleaned_data["day"]
        rows = _day_rows(centre, day)
        context.update(centre=centre, day=day, day_title=day_label(day), rows=rows)
        if rows and context["shows_people"]:
            log_pd_access(request.user, action="appointments_day", ip=request.META.get("REMOTE_ADDR"),
                          detail=f"записи на приём: {centre.name}, {day:%d.%m.%Y}, человек: {len(rows)}")
    return render(request, "appointments/staff_day.html", context, status=200 if form.is_valid() else 400)


@login_required
@require_POST
def change(request, pk: int):
    require(may_manage(request.user))
    appointment = get_object_or_404(Appointment.objects.select_related("centre", "service"), pk=pk)
    try:
        mark(appointment, request.POST.get("action", ""))
    except BookingError as error:
        messages.error(request, error.message)
    else:
        if appointment.status == Status.ATTENDED and visits.may_receive_visitors(request.user):
            visits.arrived_by_appointment(appointment, request.user)  # the office's visit starts waiting
        messages.success(request, f"{slot_label(appointment.starts_at)}, {appointment.service}: "
                                  f"{appointment.get_status_display().lower()}.")
    local_day = appointment.starts_at.astimezone(MOSCOW).date()
    query = urlencode({"centre": appointment.centre.slug, "day": local_day.isoformat()})
    return redirect(f"{reverse('staff-appointments')}?{query}")

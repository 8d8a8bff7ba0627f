"""The call centre's working screens: the steps of a call, today's calls, a supervisor's review of one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from appeals import access, personal_data
from appeals.models import Appeal
from appointments.models import Appointment, Status

from . import recordings, services, visits
from .models import Call, CallCentreNorms, Outcome, Visit
from .services import CallError

STEPS = {
    "found": services.mark_found,
    "transfer": services.transfer,
    "connected": services.mark_connected,
    "specialist_ended": services.mark_specialist_ended,
    "wrap_up": services.end_wrap_up,
}


def _back(request):
    """Back to the page the control was used on (the header shows it on every staff page)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("staff-calls")


def _shown(request, read_applicant: bool, *, action: str, detail: str, applicant=None, appeal=None) -> None:
    """One 152-ФЗ access-log row for a page showing callers' or visitors' data: the middleware's when an
    applicant's record was read (it says what the page showed), else our own (a number, a visitor's name)."""
    if read_applicant:
        personal_data.describe(action=action, detail=detail, applicant=applicant, appeal=appeal)
    else:
        access.log_pd_access(request.user, action=action, detail=detail, applicant=applicant, appeal=appeal,
                             ip=request.META.get("REMOTE_ADDR"))


def _call_of(request, pk: int) -> Call:
    access.require(services.may_take_calls(request.user))
    return get_object_or_404(Call, pk=pk)


@login_required
@require_POST
def start(request):
    access.require(services.may_take_calls(request.user))
    try:
        services.start_call(request.user, request.POST.get("caller_number", ""))
    except CallError as error:
        messages.error(request, error.message)
    return _back(request)


@login_required
@require_POST
def step(request, pk: int, name: str):
    call = _call_of(request, pk)
    if name not in STEPS:
        raise Http404
    try:
        STEPS[name](call, request.user)
    except CallError as error:
        messages.error(request, error.message)
    return _back(request)


@login_required
@require_POST
def end(request, pk: int):
    call = _call_of(request, pk)
    try:
        services.end_call(call, request.user, request.POST.get("outcome", ""), request.POST.get("note", ""))
    except CallError as error:
        messages.error(request, error.message)
    return _back(request)


@login_required
@require_GET
def today(request):
    """The operator's calls of today, with the running one's control on top."""
    access.require(services.may_take_calls(request.user))
    calls = list(services.todays_calls(request.user))
    if calls:
        _shown(request, any(call.applicant_id for call in calls), action="calls_today",
               detail=f"Звонки за сегодня: {len(calls)}")
    return render(request, "calls/today.html", {"calls": calls, "may_review": services.may_review_calls(request.user)})


@login_required
@require_GET
def review(request, pk: int):
    """One call as a supervisor reviews it (A7): its moments against the norms, the appeal, the recording."""
    access.require(services.may_review_calls(request.user))
    call = get_object_or_404(Call.objects.select_related("operator", "applicant", "appeal"), pk=pk)
    _shown(request, call.applicant_id is not None, action="review_call", applicant=call.applicant,
           appeal=call.appeal, detail=f"Звонок № {call.pk}")
    return render(request, "calls/review.html", {
        "call": call, "measures": services.measures(call, CallCentreNorms.current()),
        "audio_types": recordings.ACCEPT, "audio_label": recordings.LABEL,
        "folder_set": recordings.folder() is not None})


@login_required
@require_GET
def recording(request, pk: int):
    """The recording streamed to a supervisor (or the operator who took the call), each listening logged."""
    call = _call_of(request, pk)
    if call.operator_id != request.user.pk:
        access.require(services.may_review_calls(request.user))
    if not call.recording:
        raise Http404
    _shown(request, call.applicant_id is not None, action="listen_call_recording", applicant=call.applicant,
           appeal=call.appeal, detail=f"Запись звонка № {call.pk}")
    response = FileResponse(call.recording.open("rb"), content_type=recordings.content_type(call.recording.name))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def recording_upload(request, pk: int):
    access.require(services.may_review_calls(request.user))
    call = get_object_or_404(Call, pk=pk)
    try:
        if request.POST.get("action") == "pick":
            recordings.pick_up(call, request.user)
        else:
            recordings.attach(call, request.FILES.get("file"), request.user)
    except CallError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Запись разговора прикреплена.")
    return redirect(reverse("staff-call-review", args=[call.pk]))


def _todays_appointments():
    """Today's live appointments whose visitor has not been marked as come yet."""
    today = timezone.localdate()
    return (Appointment.objects.filter(starts_at__date=today, visit__isnull=True)
            .exclude(status=Status.CANCELLED).select_related("centre", "service").order_by("starts_at"))


@login_required
def visits_today(request):
    """Today's office visits (CH1); a visitor's arrival is registered here, by name or by appointment."""
    access.require(visits.may_receive_visitors(request.user))
    if request.method == "POST":
        pk = request.POST.get("appointment", "")
        appointment = _todays_appointments().filter(pk=pk).first() if pk.isdigit() else None
        try:
            if pk and appointment is None:
                raise CallError("Такой записи на сегодня нет или приход по ней уже отмечен.", "appointment")
            visits.register_arrival(request.user, visitor_name=request.POST.get("visitor_name", ""),
                                    appointment=appointment)
        except CallError as error:
            messages.error(request, error.message)
        return redirect("staff-visits")
    rows = [(visit, visits.waiting_seconds(visit)) for visit in visits.todays_visits()]
    appointments = list(_todays_appointments())
    if rows or appointments:
        _shown(request, any(visit.applicant_id for visit, _waiting in rows), action="visits_today",
               detail=f"Посещения за сегодня: {len(rows)}, ждём по записи: {len(appointments)}")
    return render(request, "calls/visits.html", {"rows": rows, "appointments": appointments,
                                                 "outcomes": Outcome.choices})


@login_required
@require_POST
def visit_step(request, pk: int, name: str):
    access.require(visits.may_receive_visitors(request.user))
    visit = get_object_or_404(Visit, pk=pk)
    try:
        if name == "start":
            visits.start_service(visit, request.user)
        elif name == "end":
            number = request.POST.get("appeal", "").strip()
            appeal = Appeal.objects.filter(number=number).first() if number else None
            if number and appeal is None:
                raise CallError(f"Обращение № {number[:30]} не найдено.", "appeal")
            visits.end_service(visit, request.user, request.POST.get("outcome", ""), appeal)
        else:
            raise Http404
    except CallError as error:
        messages.error(request, error.message)
    return redirect("staff-visits")

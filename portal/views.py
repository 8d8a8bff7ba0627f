"""The public site: landing, the web appeal form (CH3) and the status look-up (CH4)."""

import time

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import Company
from appeals import services
from appeals.attachments import add_attachment
from appeals.choices import Channel, Priority
from appeals.errors import AppealError
from appeals.models import Appeal
from appeals.tracking import find_tracked, public_status
from housing.models import Building
from housing.services import suggest_buildings
from priemnaya import ratelimit
from priemnaya.form_once import once

from .emergency import dispatch_phone, reads_as_emergency
from .forms import AppealForm, TrackForm, prefilled
from .sections import section
from .throttle import too_many, typing_help

SESSION_FILED = "portal_filed"
SESSION_TRACKED = "portal_tracked"
# Number and code are kept in the session only briefly: public computers are shared.
SESSION_MAX_AGE = 30 * 60
NOT_FOUND = "Обращение с таким номером и кодом не найдено"
# Shown until the company card carries its own office hours.
OFFICE_HOURS = "понедельник — четверг с 9:00 до 18:00, пятница с 9:00 до 17:00"
_FORM_FIELD = {"file": "attachments"}


def landing(request):
    office_hours = getattr(Company.current(), "office_hours", "") or OFFICE_HOURS
    return render(request, "portal/landing.html", {"office_hours": office_hours})


def _remember(request, key: str, appeal: Appeal) -> None:
    request.session[key] = {"number": appeal.number, "code": appeal.access_code, "at": time.time()}


def _recall(request, key: str) -> Appeal | None:
    saved = request.session.get(key)
    if not saved or time.time() - saved.get("at", 0) > SESSION_MAX_AGE:
        return None
    return find_tracked(saved["number"], saved["code"])


@transaction.atomic
def _file_appeal(form: AppealForm) -> Appeal:
    """Receive the appeal and its files together: a refused file leaves no appeal behind."""
    data = form.cleaned_data
    appeal = services.receive_appeal(text=data["text"], channel=Channel.WEB, kind=data["kind"],
                                     applicant=form.applicant(), building=data["building"],
                                     address_text=data["address"], flat=data["flat"])
    for uploaded in data["attachments"]:
        add_attachment(appeal, uploaded, None)
    return appeal


@require_http_methods(["GET", "POST"])
def appeal_form(request):
    form = AppealForm(initial=prefilled(request.GET))
    if request.method == "POST":
        if not ratelimit.hit(request, "appeal"):
            return too_many(request, ratelimit.seconds_left(request, "appeal"))
        form = AppealForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                appeal = once(form, "portal-appeal", request.user, Appeal, lambda: _file_appeal(form))
            except AppealError as error:
                field = _FORM_FIELD.get(error.field, error.field)
                form.add_error(field if field in form.fields else None, error.message)
            else:
                if appeal is not None:
                    _remember(request, SESSION_FILED, appeal)
                    return redirect("portal:appeal_done")
    picked = getattr(form, "cleaned_data", {}).get("building")
    emergency = request.method == "POST" and reads_as_emergency(request.POST.get("text", ""))
    return render(request, "portal/appeal_form.html", {"form": form, "picked": picked, "emergency": emergency,
                                                       "emergency_phone": dispatch_phone() if emergency else ""})


@require_GET
def appeal_done(request):
    appeal = _recall(request, SESSION_FILED)
    if appeal is None:
        return redirect("portal:appeal_form")
    emergency = appeal.priority == Priority.EMERGENCY  # triage has read it as one (in-process: already)
    return render(request, "portal/appeal_done.html", {
        "appeal": appeal, "status": public_status(appeal), "emergency": emergency,
        "emergency_phone": dispatch_phone() if emergency else ""})


@require_GET
@typing_help("buildings")
def building_suggestions(request):
    """Addresses of the registry's buildings only (htmx); picking one fills the address field."""
    pick = request.GET.get("pick", "")
    if pick:
        building = Building.objects.filter(is_active=True, pk=pick).first() if pick.isdigit() else None
        form = AppealForm(initial={"address": building.address, "building": building.pk} if building else {})
        return render(request, "portal/_address_field.html", {"form": form, "picked": building})
    fragment = (request.GET.get("q") or request.GET.get("address") or "")[:100]
    buildings = suggest_buildings(fragment) if len(fragment.strip()) >= 2 else []
    return render(request, "portal/_building_suggestions.html", {"buildings": buildings})


@require_http_methods(["GET", "POST"])
def track(request):
    """The code is taken only from a posted form: in an address it would be kept in web-server logs
    and browser histories. A link may carry the number; the resident types the code."""
    if request.method == "GET":
        form = TrackForm(initial={"number": request.GET.get("number", "")})
        return render(request, "portal/track_form.html", {"form": form, "code_in_link": "code" in request.GET})
    if not ratelimit.hit(request, "track"):
        return too_many(request, ratelimit.seconds_left(request, "track"))
    form = TrackForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/track_form.html", {"form": form})
    appeal = find_tracked(form.cleaned_data["number"], form.cleaned_data["code"])
    if appeal is None:
        form = TrackForm(initial={"number": form.cleaned_data["number"]})
        return render(request, "portal/track_form.html", {"form": form, "not_found": NOT_FOUND}, status=404)
    _remember(request, SESSION_TRACKED, appeal)
    return redirect("portal:track_status")


@require_GET
def track_status(request):
    appeal = _recall(request, SESSION_TRACKED)
    if appeal is None:
        return redirect("portal:track")
    return _status_page(request, appeal)


def _status_page(request, appeal: Appeal):
    return render(request, "portal/track_status.html", {"status": public_status(appeal)})


@require_GET
def section_page(request, slug: str):
    """A section's own page (Обратная связь, Справочная): its pages with a line about each."""
    found = section(slug)
    if found is None:
        raise Http404
    return render(request, "portal/section.html", {"section": found})

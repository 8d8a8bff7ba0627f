"""While a resident writes: answers to typical questions, and what we already know about their building.

Nothing here names anyone: an incident is shown by its title, size and the company's note, never by
the appeals in it.
"""

from django.shortcuts import render
from django.views.decorators.http import require_POST

from housing.models import Building
from triage.answers import match_faq
from triage.incidents import open_incident_for
from triage.services import propose

from .emergency import dispatch_phone, reads_as_emergency
from .throttle import typing_help

MIN_TEXT = 10


@require_POST  # the text may hold the resident's name and phone: never in an address, which servers log
@typing_help("hints")
def appeal_hints(request):
    text = (request.POST.get("text") or "")[:2000]
    if len(text.strip()) < MIN_TEXT:
        return render(request, "portal/_hints.html", {})
    emergency = reads_as_emergency(text)
    pick = request.POST.get("building", "")
    building = Building.objects.filter(is_active=True, pk=pick).first() if pick.isdigit() else None
    incident = None
    if building is not None:
        reasons = [(o.reason.code, o.score) for o in propose(text).options]
        incident = open_incident_for(building.pk, text, reasons)
    return render(request, "portal/_hints.html", {
        "faq": match_faq(text, limit=3), "incident": incident,
        "emergency": emergency, "emergency_phone": dispatch_phone() if emergency else "",
        "incident_size": incident.memberships.count() if incident else 0})

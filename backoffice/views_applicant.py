"""Applicants in the back office: look-up while registering, picking one, and the applicant's card."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from appeals import access, personal_data
from appeals.applicants import find_applicants
from appeals.models import Applicant

from .forms import CARE_FLAGS

MATCHES_LIMIT = 10
EARLIER_APPEALS_SHOWN = 5


def applicant_matches(request, query: str) -> list[Applicant]:
    """Applicants matching a phone, name or address fragment, each with the appeals the user may see.

    Found personal data is shown to the user: the access log says what was searched (`appeals.personal_data`).
    """
    user = request.user
    earlier = access.visible_appeals(user).order_by("-received_at", "-id")
    found = list(find_applicants(query, limit=MATCHES_LIMIT).prefetch_related(
        Prefetch("appeals", queryset=earlier, to_attr="earlier_appeals")))
    for person in found:
        person.earlier_total = len(person.earlier_appeals)
        person.earlier_appeals = person.earlier_appeals[:EARLIER_APPEALS_SHOWN]
    personal_data.describe(action="search_applicants", detail=f"Поиск «{query[:200]}»: найдено {len(found)}")
    return found


@login_required
@require_POST  # a phone or a name in an address would stay in web-server logs
def applicant_search(request):
    access.require(access.may(request.user, "receive"))
    query = request.POST.get("q", "").strip()
    matches = applicant_matches(request, query) if len(query) >= 2 else None
    return render(request, "backoffice/applicant/_matches.html", {"q": query, "matches": matches})


@login_required
@require_GET
def applicant_pick(request, pk: int | None = None):
    """The applicant block of the registration form: a chosen applicant, or empty fields for a new one."""
    access.require(access.may(request.user, "receive"))
    applicant = get_object_or_404(Applicant.objects.select_related("building"), pk=pk) if pk else None
    personal_data.describe(action="pick_applicant", applicant=applicant)
    # The found list has done its job once someone is picked: it is cleared out of band.
    return render(request, "backoffice/applicant/_box.html",
                  {"applicant": applicant, "care_flags": CARE_FLAGS, "clear_matches": applicant is not None})


@login_required
def applicant_card(request, pk: int):
    access.require(access.sees_personal_data(request.user))
    applicant = get_object_or_404(Applicant.objects.select_related("building"), pk=pk)
    appeals = list(access.visible_appeals(request.user).filter(applicant=applicant)
                   .select_related("reason", "department", "assignee").order_by("-received_at", "-id"))
    if not appeals and not request.user.has_perm("appeals.view_all_appeals"):
        raise Http404  # a specialist sees only applicants of appeals they work on
    personal_data.describe(action="view_applicant", applicant=applicant)
    return render(request, "backoffice/applicant/card.html", {"applicant": applicant, "appeals": appeals})

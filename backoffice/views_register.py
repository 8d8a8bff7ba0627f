"""The operator's registration screen (CH1/CH2): a call or a visit registered in under a minute."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from appeals import access, services
from appeals.applicants import ApplicantData
from appeals.choices import Complexity, Priority
from appeals.errors import AppealError
from appeals.models import Appeal, Applicant, Reason
from appeals.workflow import TransitionError
from calls import services as calls
from calls import visits
from deadlines.models import NormKind
from deadlines.norms import compute_due, find_norm
from housing.models import Building
from housing.services import suggest_buildings
from priemnaya.form_once import once

from .forms import CARE_FLAGS, RegisterForm, add_domain_error
from .views_applicant import applicant_matches
from .views_register_assist import MIN_TEXT, analysis, prefilled_form


def _applicant_data(data: dict) -> ApplicantData | None:
    if not (data["full_name"] or data["phone"] or data["email"]):
        return None
    postal = data["address_text"] if data["building_id"] is None else ""
    if postal and data["flat"]:
        postal = f"{postal}, кв. {data['flat']}"
    return ApplicantData(full_name=data["full_name"], phone=data["phone"], email=data["email"],
                         postal_address=postal, flat=data["flat"],
                         **{flag: data[flag] for flag, _label in CARE_FLAGS})


def register_appeal(data: dict, actor) -> Appeal:
    """The form's fields handed to the one intake verb."""
    chosen = data["applicant_id"]
    return services.receive_and_register(
        actor, reason=data["reason"], complexity=data["complexity"] or None, assignee=data.get("assignee"),
        department=data.get("department"), text=data["text"], channel=data["channel"], kind=data["kind"],
        received_at=data["received_at"], applicant=None if chosen else _applicant_data(data), applicant_obj=chosen,
        building=data["building_id"], address_text=data["address_text"], flat=data["flat"],
        short_content=data["short_content"])


@transaction.atomic
def _register_during_call(data: dict, actor) -> Appeal:
    """The appeal, linked to the call or the visit it was registered from (either refusing undoes it)."""
    appeal = register_appeal(data, actor)
    if data.get("call_id") is not None:
        calls.link_appeal(data["call_id"], appeal, actor)
    if data.get("visit_id") is not None:
        visits.link_appeal(data["visit_id"], appeal, actor)
    return appeal


def _chosen(form, name: str, model, request=None):
    """The applicant or building the form carries: validated when bound, by its id when prefilled."""
    if form.is_bound:
        value = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        return value if isinstance(value, model) else None
    pk = str(form.initial.get(name) or (request.GET.get("applicant", "") if request and name == "applicant_id" else ""))
    related = ("building",) if model is Applicant else ()
    return model.objects.select_related(*related).filter(pk=pk).first() if pk.isdigit() else None


def _checked_flags(form) -> list[str]:
    values = form.data if form.is_bound else form.initial
    return [name for name, _label in CARE_FLAGS if values.get(name)]


def _page(request, form, status=200, query: str = ""):
    applicant = _chosen(form, "applicant_id", Applicant, request)
    if applicant is not None and not form.is_bound:
        form.initial["applicant_id"] = applicant.pk
    data = form.cleaned_data if form.is_bound and hasattr(form, "cleaned_data") else {}
    if not form.is_bound and form.initial.get("reason"):
        data = {**form.initial, "reason": _reason_or_none(form.initial["reason"]), "applicant_id": applicant}
    context = {"form": form, "q": query, "matches": applicant_matches(request, query) if query else None,
               "applicant": applicant, "building": _chosen(form, "building_id", Building), "care_flags": CARE_FLAGS,
               "checked_flags": _checked_flags(form), "hint": _hint(data)}
    text = form.data.get("text", "") if form.is_bound else form.initial.get("text", "")
    if len((text or "").strip()) >= MIN_TEXT:
        context.update(analysis(text, form.data if form.is_bound else form.initial))
    return render(request, "backoffice/register/form.html", context, status=status)


def _reason_or_none(pk) -> Reason | None:
    pk = str(pk or "")
    return Reason.objects.select_related("category", "department").filter(pk=pk).first() if pk.isdigit() else None


@login_required
def register(request):
    access.require(access.may(request.user, "receive"))
    may_assign_person = access.may(request.user, "assign")
    if request.method != "POST":
        call = calls.running_call(request.user) if request.GET.get("call") else None
        if call is not None:  # opened from the running call: the caller looked up by the number
            form = RegisterForm(initial=calls.registration_initial(call), may_assign_person=may_assign_person)
            return _page(request, form, query=call.caller_number)
        visit = visits.in_service(request.GET["visit"]) if request.GET.get("visit", "").isdigit() else None
        if visit is not None:  # opened from a visitor being served: looked up by the appointment's phone or name
            form = RegisterForm(initial=visits.registration_initial(visit), may_assign_person=may_assign_person)
            return _page(request, form, query=visits.lookup_query(visit))
        return _page(request, RegisterForm(may_assign_person=may_assign_person))
    action = request.POST.get("action", "register")
    if action == "lookup":  # the applicant look-up without scripts: posted, a phone or a name is no address
        query = request.POST.get("q", "").strip()
        return _page(request, RegisterForm(may_assign_person=may_assign_person), query=query)
    if action != "register":
        return _page(request, prefilled_form(request.POST, action, may_assign_person))
    form = RegisterForm(request.POST, may_assign_person=may_assign_person)
    if form.is_valid():
        try:
            appeal = once(form, "staff-register", request.user, Appeal,
                          lambda: _register_during_call(form.cleaned_data, request.user))
        except (AppealError, TransitionError) as error:
            add_domain_error(form, error)
        else:
            if appeal is not None:
                return redirect("staff-register-done", number=appeal.number)
    return _page(request, form, status=400)


@login_required
def register_done(request, number: str):
    access.require(access.may(request.user, "receive"))
    appeal = get_object_or_404(Appeal.objects.select_related("applicant", "reason", "department", "assignee"),
                               number=number)
    if not access.can_view(request.user, appeal):
        raise Http404
    return render(request, "backoffice/register/done.html", {"appeal": appeal, "by_hours": appeal.counted_in_hours,
                                                              "visit": visits.served_with(appeal)})


def _hint(data: dict) -> dict | None:
    """What the chosen reason implies: complexity, department, priority and the answer norm."""
    reason = data.get("reason")
    if not isinstance(reason, Reason):
        return None
    complexity = data.get("complexity") or reason.default_complexity
    applicant = data.get("applicant_id")
    if not isinstance(applicant, Applicant):
        applicant = Applicant(**{flag: bool(data.get(flag)) for flag, _label in CARE_FLAGS})
    case = {"reason_id": reason.pk, "complexity": complexity, "channel": data.get("channel", "")}
    priority = services.derive_priority(reason, applicant)
    return {"reason": reason, "complexity": Complexity(complexity).label, "department": reason.department,
            "priority": Priority(priority).label, "priority_code": priority,
            "norm": find_norm(NormKind.ANSWER, **case),
            "due": compute_due(NormKind.ANSWER, timezone.now(), **case)}


@login_required
@require_POST  # the care flags it reads are personal data
def register_hint(request):
    access.require(access.may(request.user, "receive"))
    form = RegisterForm(request.POST)
    form.is_valid()  # only the fields that parse are used for the hint
    return render(request, "backoffice/register/_hint.html", {"hint": _hint(form.cleaned_data)})


@login_required
@require_GET
def building_suggest(request):
    access.require(access.may(request.user, "receive") or access.may(request.user, "classify"))
    query = request.GET.get("address_text", request.GET.get("q", "")).strip()
    buildings = suggest_buildings(query) if len(query) >= 2 else []
    return render(request, "backoffice/register/_building_suggest.html", {"buildings": buildings, "q": query})


@login_required
@require_GET
def building_pick(request, pk: int | None = None):
    """The address block with a building from the registry filled in (or emptied for another address)."""
    access.require(access.may(request.user, "receive"))
    building = get_object_or_404(Building, pk=pk) if pk else None
    return render(request, "backoffice/register/_address.html",
                  {"building": building, "address_value": request.GET.get("q", "")})

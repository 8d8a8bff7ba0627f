"""Systemic proposals in the back office: the list, opening one (from a repeating problem, an incident or an
appeal), its page with its effect, and the steps on it. The verbs check the right; views only choose buttons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from appeals.access import require, visible_appeals
from appeals.errors import AppealError
from appeals.models import Reason
from backoffice.forms import add_domain_error
from backoffice.views_lists import page_of
from housing.models import Building
from triage.incidents.links import visible_incidents

from . import services
from .deadline import deadline_mark, norm_days
from .effect import effect_of
from .forms import ImplementedForm, LinkForm, ListFilter, ProposalForm
from .history import history_of
from .models import Proposal
from .rights import may_manage, may_view


def _filtered(form: ListFilter):
    proposals = Proposal.objects.select_related("owner", "building", "reason")
    if not form.is_valid():
        return proposals
    state, owner, now = form.cleaned_data.get("state"), form.cleaned_data.get("owner"), timezone.now()
    if state == "open":
        proposals = proposals.filter(implemented_on__isnull=True)
    elif state == "overdue":
        proposals = proposals.filter(implemented_on__isnull=True, due_at__lt=now)
    elif state == "implemented":
        proposals = proposals.filter(implemented_on__isnull=False)
    return proposals.filter(owner=owner) if owner else proposals


@login_required
@require_http_methods(["GET", "HEAD"])
def proposal_list(request):
    require(may_view(request.user))
    form = ListFilter(request.GET or None)
    page = page_of(_filtered(form), request)
    now = timezone.now()
    for proposal in page.rows:
        proposal.mark = deadline_mark(proposal, now)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "proposals/list.html", {"form": form, "page": page, "query": query.urlencode(),
                                                   "may_manage": may_manage(request.user),
                                                   "norm_days": norm_days()})


def _source(request):
    """The appeal or incident the proposal is opened from, and what it fills in."""
    user, initial = request.user, {}
    appeal = incident = None
    if number := request.GET.get("appeal") or request.POST.get("from_appeal"):
        appeal = get_object_or_404(visible_appeals(user), number=number)
        initial = {"problem": appeal.short_content, "reason": appeal.reason_id, "building": appeal.building_id}
    elif pk := request.GET.get("incident") or request.POST.get("from_incident"):
        incident = get_object_or_404(visible_incidents(user), pk=pk if str(pk).isdigit() else 0)
        initial = {"problem": incident.title, "reason": incident.reason_id, "building": incident.building_id}
    else:
        reason = Reason.objects.filter(pk=_int(request.GET.get("reason"))).first()
        building = Building.objects.filter(pk=_int(request.GET.get("building"))).first()
        if reason:
            where = f" в доме {building.address}" if building else ""
            initial = {"problem": f"Повторяющиеся обращения «{reason.name}»{where}", "reason": reason.pk,
                       "building": building.pk if building else None}
    return appeal, incident, initial


def _int(value) -> int:
    return int(value) if value and str(value).isdigit() else 0


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_new(request):
    services.check_may_manage(request.user)
    appeal, incident, initial = _source(request)
    form = ProposalForm(request.POST or None, initial={**initial, "owner": request.user.pk})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = services.open_proposal(request.user, problem=data["problem"], measure=data["measure"],
                                              owner=data["owner"], building=data["building"],
                                              reason=data["reason"], appeal=appeal, incident=incident)
        except AppealError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Зарегистрировано предложение № {proposal.number}; срок внедрения —"
                                      f" {timezone.localtime(proposal.due_at):%d.%m.%Y}.")
            return redirect(proposal.get_absolute_url())
    return render(request, "proposals/new.html", {"form": form, "appeal": appeal, "incident": incident,
                                                   "norm_days": norm_days()},
                  status=400 if form.errors else 200)


def _proposal(request, pk: int) -> Proposal:
    return get_object_or_404(Proposal.objects.select_related("owner", "building", "reason", "registered_by",
                                                             "implemented_by"), pk=pk)


def _page(request, proposal, *, edit_form=None, link_form=None, done_form=None, status=200):
    user = request.user
    appeals = (visible_appeals(user, proposal.appeals.all()).select_related("reason", "building")
               .order_by("received_at"))
    incidents = visible_incidents(user).filter(proposals=proposal).select_related("building", "reason")
    manage = may_manage(user)
    return render(request, "proposals/page.html", {
        "proposal": proposal, "mark": deadline_mark(proposal), "appeals": appeals, "incidents": incidents,
        "hidden_appeals": proposal.appeals.count() - len(appeals), "may_manage": manage,
        "effect": effect_of(proposal), "history": history_of(proposal),
        "edit_form": edit_form or (ProposalForm(initial={
            "problem": proposal.problem, "measure": proposal.measure, "owner": proposal.owner_id,
            "reason": proposal.reason_id, "building": proposal.building_id}) if manage else None),
        "link_form": link_form or LinkForm(),
        "done_form": done_form or ImplementedForm(initial={"by": proposal.owner_id})}, status=status)


@login_required
@require_http_methods(["GET", "HEAD"])
def proposal_page(request, pk: int):
    require(may_view(request.user))
    return _page(request, _proposal(request, pk))


@login_required
@require_POST
def proposal_edit(request, pk: int):
    proposal = _proposal(request, pk)
    services.check_may_manage(request.user)
    form = ProposalForm(request.POST)
    if form.is_valid():
        try:
            services.change_proposal(proposal, request.user, **{k: form.cleaned_data[k] for k in services.FIELD_LABELS})
        except AppealError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Предложение изменено.")
            return redirect(proposal.get_absolute_url())
    return _page(request, proposal, edit_form=form, status=400)


@login_required
@require_POST
def proposal_link(request, pk: int):
    proposal = _proposal(request, pk)
    services.check_may_manage(request.user)
    form = LinkForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():  # both or neither, when both are given
                _link(request.user, proposal, data)
        except AppealError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Связь добавлена.")
            return redirect(proposal.get_absolute_url() + "#links")
    return _page(request, proposal, link_form=form, status=400)


def _link(user, proposal, data) -> None:
    if data.get("appeal"):
        appeal = visible_appeals(user).filter(number=data["appeal"].strip()).first()
        if appeal is None:
            raise AppealError(f"Обращения № {data['appeal']} нет или оно вам не видно.", field="appeal")
        services.link_appeal(proposal, user, appeal)
    if data.get("incident"):
        incident = visible_incidents(user).filter(pk=data["incident"]).first()
        if incident is None:
            raise AppealError(f"Инцидента № {data['incident']} нет или он вам не виден.", field="incident")
        services.link_incident(proposal, user, incident)


@login_required
@require_POST
def proposal_unlink(request, pk: int, kind: str, ref: str):
    proposal = _proposal(request, pk)
    services.check_may_manage(request.user)
    if kind not in ("appeal", "incident"):
        raise Http404
    if kind == "appeal":
        services.unlink_appeal(proposal, request.user, get_object_or_404(proposal.appeals, number=ref))
    else:
        services.unlink_incident(proposal, request.user, get_object_or_404(proposal.incidents, pk=_int(ref)))
    messages.success(request, "Связь снята.")
    return redirect(proposal.get_absolute_url() + "#links")


@login_required
@require_POST
def proposal_implemented(request, pk: int):
    proposal = _proposal(request, pk)
    services.check_may_manage(request.user)
    form = ImplementedForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.mark_implemented(proposal, request.user, on=data["on"], by=data["by"], what=data["what"])
        except AppealError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Мера отмечена как внедрённая.")
            return redirect(proposal.get_absolute_url() + "#effect")
    return _page(request, proposal, done_form=form, status=400)


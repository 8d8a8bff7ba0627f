"""Incidents: many residents' appeals about one problem at one building, seen and answered together."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from appeals.access import require, sees_appeals, visible_appeals
from appeals.errors import AppealError
from appeals.journal import journal_queryset
from appeals.personal_data import describe
from reference.outages import may_publish
from triage.incidents import answer_incident, may_answer, visible_incidents
from triage.models import Incident

from .forms import AnswerForm, add_domain_error
from .views_lists import mark_deadlines

LIST_LIMIT = 200


@login_required
def incident_list(request):
    require(sees_appeals(request.user))
    show = request.GET.get("show", "open")
    incidents = visible_incidents(request.user).select_related("building", "reason__category").order_by(
        "-last_appeal_at", "-pk")
    if show != "all":
        incidents = incidents.filter(status=Incident.Status.OPEN)
    return render(request, "backoffice/incidents/list.html",
                  {"incidents": incidents[:LIST_LIMIT], "show": show})


def _page(request, incident, form, status=200):
    appeals = mark_deadlines(list(journal_queryset(visible_appeals(request.user))
                                  .filter(incident_link__incident=incident).order_by("received_at")))
    describe(action="view_incident", detail=f"инцидент № {incident.pk}")
    return render(request, "backoffice/incidents/detail.html", {
        "incident": incident, "appeals": appeals, "form": form,
        "can_answer": may_answer(request.user, incident), "can_publish_outage": may_publish(request.user),
        "outages": incident.outages.prefetch_related("buildings"),
        "has_open": any(a.is_open for a in appeals)}, status=status)


@login_required
def incident_detail(request, pk: int):
    require(sees_appeals(request.user))
    incident = get_object_or_404(visible_incidents(request.user).select_related("building", "reason"), pk=pk)
    if request.method != "POST":
        return _page(request, incident, AnswerForm(initial={"answer_text": incident.answer_text}))
    form = AnswerForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        outcome = answer_incident(incident, request.user, text=data.get("answer_text", ""),
                                  result=data.get("result", ""), favour=data.get("resolved_in_favour_of", ""))
    except AppealError as error:
        add_domain_error(form, error)
        return _page(request, incident, form, status=400)
    messages.success(request, f"Ответ направлен по {len(outcome.answered)} обращ.")
    for appeal, why in outcome.skipped:
        messages.warning(request, f"№ {appeal.number}: {why}.")
    return redirect(incident.get_absolute_url())

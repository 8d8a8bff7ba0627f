"""An outage published on the site from an incident: residents of its buildings learn it is known."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from appeals.access import require, sees_appeals
from reference.outages import may_publish, publish_outage, suggested_for_incident
from triage.incidents import visible_incidents

from .forms_outage import OutageForm

# Until the supervisor knows better, an emergency is expected to be over by the end of the next day.
DEFAULT_DURATION = timedelta(hours=24)


@login_required
@require_http_methods(["GET", "POST"])
def publish_from_incident(request, pk: int):
    require(sees_appeals(request.user) and may_publish(request.user))
    incident = get_object_or_404(visible_incidents(request.user).select_related("reason"), pk=pk)
    suggested = suggested_for_incident(incident)
    if request.method == "POST":
        form = OutageForm(request.POST, buildings=suggested["buildings"])
        if form.is_valid():
            publish_outage(form.outage_data(), request.user, incident=incident)
            messages.success(request, "Отключение опубликовано на сайте: жители этих домов увидят его на главной "
                                      "странице и в форме обращения.")
            return redirect(incident.get_absolute_url())
    else:
        ends = timezone.localtime().replace(minute=0, second=0, microsecond=0) + DEFAULT_DURATION
        form = OutageForm(buildings=suggested["buildings"], initial={
            **suggested, "starts_at": timezone.localtime(suggested["starts_at"]), "ends_at": ends})
    return render(request, "backoffice/incidents/outage_form.html", {"incident": incident, "form": form},
                  status=400 if form.is_bound else 200)

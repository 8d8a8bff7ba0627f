"""Manual triage: received appeals that triage did not register itself, with its suggestions,
each registered by one click (the reason chosen becomes training data when it differs)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from appeals import services
from appeals.access import may, require, visible_appeals
from appeals.choices import Status
from appeals.errors import AppealError
from appeals.journal import journal_queryset
from appeals.models import Reason
from appeals.workflow import TransitionError
from triage.models import Decision, TriageSettings
from triage.services import propose

from .views_boards import EMERGENCY_FIRST
from .views_lists import mark_deadlines

LIST_LIMIT = 100


@login_required
def triage_inbox(request):
    require(may(request.user, "receive"))
    decisions = Prefetch("triage_decisions", queryset=Decision.objects.order_by("-created_at", "-id"))
    waiting = (journal_queryset(visible_appeals(request.user), applicants=False).filter(status=Status.RECEIVED)
               .prefetch_related(decisions).order_by(EMERGENCY_FIRST, "registration_due", "received_at"))
    rows = mark_deadlines(list(waiting[:LIST_LIMIT + 1]))
    settings = TriageSettings.current()
    for appeal in rows[:LIST_LIMIT]:
        decisions_of = list(appeal.triage_decisions.all())
        # Appeals received before triage was switched on have no decision: propose now, without saving.
        options = decisions_of[0].top3 if decisions_of else [
            o.as_dict() for o in propose(appeal.text, timezone.localdate(appeal.received_at), settings).options]
        appeal.options = [o for o in options if o["id"] != appeal.reason_id]  # a reason already set comes first
    return render(request, "backoffice/lists/triage.html",
                  {"rows": rows[:LIST_LIMIT], "more": len(rows) > LIST_LIMIT, "limit": LIST_LIMIT})


@login_required
@require_POST
def triage_register(request, number: str):
    """Set the reason chosen in the inbox and register the appeal."""
    require(may(request.user, "receive"))
    appeal = get_object_or_404(visible_appeals(request.user), number=number)
    reason = Reason.objects.filter(pk=request.POST.get("reason", ""), is_active=True).first() \
        if request.POST.get("reason", "").isdigit() else None
    if reason is None:
        messages.error(request, f"№ {appeal.number}: выберите причину из классификатора.")
        return redirect("staff-triage")
    try:
        appeal = services.register_with_reason(appeal, request.user, reason=reason)
    except (AppealError, TransitionError) as error:
        messages.error(request, f"№ {appeal.number}: {getattr(error, 'message', error)}")
    else:
        messages.success(request, f"№ {appeal.number} зарегистрировано: {reason.name}.")
    return redirect("staff-triage")

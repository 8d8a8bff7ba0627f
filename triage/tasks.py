"""Background work of triage (Celery; in-process on the embedded default)."""

from celery import shared_task

from appeals.models import Appeal


@shared_task
def triage_new_appeal(appeal_id: int) -> str:
    """Classify, prioritise and route an appeal nobody has classified yet; returns the outcome."""
    from .services import triage_appeal

    appeal = Appeal.objects.filter(pk=appeal_id).first()
    if appeal is None:
        return "missing"
    decision = triage_appeal(appeal)
    link_incident(appeal_id)  # also when triage only suggested: the model's top three are enough to match
    return decision.outcome if decision else "skipped"


@shared_task
def link_incident(appeal_id: int) -> int | None:
    """Join the appeal to the open incident of its building it matches; returns the incident's number."""
    from .incident_links import link_appeal

    appeal = Appeal.objects.select_related("reason", "building").filter(pk=appeal_id).first()
    incident = link_appeal(appeal) if appeal else None
    return incident.pk if incident else None


@shared_task
def learn_from_choice(appeal_id: int, actor_id: int, reason_id: int) -> bool:
    """Keep a person's classification as training data when it differs from the model's."""
    from django.contrib.auth import get_user_model

    from appeals.models import Reason

    from .services import record_choice

    appeal = Appeal.objects.filter(pk=appeal_id).first()
    reason = Reason.objects.filter(pk=reason_id).first()
    if appeal is None or reason is None:
        return False
    return record_choice(appeal, reason, get_user_model().objects.filter(pk=actor_id).first()) is not None


@shared_task
def route_appeal(appeal_id: int) -> int | None:
    """Give a just registered appeal its department and, if the settings say so, its responsible person."""
    from .models import TriageSettings
    from .routing import route

    appeal = Appeal.objects.select_related("reason").filter(pk=appeal_id).first()
    if appeal is None:
        return None
    appeal = route(appeal, None, assign_person=TriageSettings.current().auto_assign)
    return appeal.assignee_id

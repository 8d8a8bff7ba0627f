"""Background work of triage (Celery; in-process on the embedded default)."""

import logging

from celery import shared_task
from django.db import DatabaseError

from appeals.models import Appeal, AppealEvent

from .models import Decision

logger = logging.getLogger(__name__)


@shared_task
def triage_new_appeal(appeal_id: int) -> str:
    """Classify, prioritise and route an appeal nobody has classified yet; returns the outcome."""
    from .services import triage_appeal

    appeal = Appeal.objects.filter(pk=appeal_id).first()
    if appeal is None:
        return "missing"
    decision = triage_appeal(appeal)
    if decision is None:
        return "skipped"
    if decision.outcome != Decision.Outcome.APPLIED:  # an applied reason links through "classified"
        link_incident(appeal_id)  # the model's top three are enough to match
    return decision.outcome


@shared_task
def link_incident(appeal_id: int) -> int | None:
    """Join the appeal to the open incident of its building it matches; returns the incident's number."""
    from .incidents import link_appeal

    # The appeal is committed and answered for by now: linking is help for the staff, so when it fails it
    # is tried once more and then logged, never raised into the request that filed the appeal.
    for attempt in (1, 2):
        try:
            appeal = Appeal.objects.select_related("reason", "building").filter(pk=appeal_id).first()
            incident = link_appeal(appeal) if appeal else None
            return incident.pk if incident else None
        except DatabaseError:
            if attempt == 2:
                logger.exception("Обращение %s не связано с инцидентом", appeal_id)
        except Exception:
            logger.exception("Обращение %s не связано с инцидентом", appeal_id)
            break
    return None


@shared_task
def learn_from_choice(appeal_id: int) -> bool:
    """Keep a person's classification as training data when it differs from the model's."""
    from .services import record_choice

    event = (AppealEvent.objects.filter(appeal_id=appeal_id, action="classified", field="reason")
             .select_related("actor", "appeal__reason").order_by("-at", "-id").first())
    if event is None or event.actor is None or event.appeal.reason is None:
        return False  # classified by triage itself, or nothing to learn
    return record_choice(event.appeal, event.appeal.reason, event.actor) is not None


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


@shared_task
def build_answer_index() -> dict:
    """Build the answer-draft index file the web processes load (`triage.answers.stored`); one at a time."""
    from django.core.cache import cache

    from .answers import stored

    if not cache.add("triage:answer-index-build", 1, 3600):
        return {"skipped": "another build is running"}
    try:
        return stored.build()
    finally:
        cache.delete("triage:answer-index-build")

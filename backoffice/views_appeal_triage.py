"""What triage knows about one appeal, for its page: the automatic decision with its three options,
the incident the appeal belongs to, and drafts from answers to similar earlier appeals."""

from appeals.models import Appeal
from triage.answers import index_ready, suggest_answers
from triage.models import IncidentAppeal
from triage.services import latest_decision


def triage_context(appeal: Appeal, show_drafts: bool) -> dict:
    decision = latest_decision(appeal)
    link = IncidentAppeal.objects.select_related("incident").filter(appeal=appeal).first()
    options = decision.top3 if decision else []
    return {
        "decision": decision,
        "decision_options": [o for o in options if o.get("reason") != getattr(appeal.reason, "code", None)],
        "incident": link.incident if link else None,
        "incident_size": link.incident.memberships.count() if link else 0,
        "answer_drafts": suggest_answers(appeal) if show_drafts else [],
        "answer_drafts_pending": show_drafts and not index_ready(),
    }

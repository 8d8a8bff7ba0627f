"""A proposal's history as its page reads it: who did what, when."""

import datetime as dt
from dataclasses import dataclass

from .models import ProposalEvent
from .services import FIELD_LABELS

ACTION_LABELS = {
    "opened": "Предложение зарегистрировано",
    "changed": "Изменено",
    "appeal_linked": "Связано обращение",
    "appeal_unlinked": "Снята связь с обращением",
    "incident_linked": "Связан инцидент",
    "incident_unlinked": "Снята связь с инцидентом",
    "implemented": "Мера внедрена",
}


@dataclass(frozen=True)
class Step:
    at: dt.datetime
    who: str
    what: str
    detail: str


def _detail(event: ProposalEvent) -> str:
    if event.action == "changed":
        old = event.old_value or "—"
        return f"{FIELD_LABELS.get(event.field, event.field)}: «{old}» → «{event.new_value or '—'}»"
    parts = [part for part in (event.new_value or event.old_value, event.note) if part]
    return ". ".join(parts)


def history_of(proposal) -> list[Step]:
    events = ProposalEvent.objects.filter(proposal=proposal).select_related("actor")
    return [Step(e.at, (e.actor.get_full_name() or e.actor.username) if e.actor else "система",
                 ACTION_LABELS.get(e.action, e.action), _detail(e)) for e in events]

"""The verbs of systemic proposals: open, change, link and unlink appeals and incidents, mark implemented.
Each checks the right, changes the row and leaves a history row, in one transaction."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from appeals.access import Forbidden
from appeals.errors import AppealError
from appeals.numbering import next_in_year, year_prefix
from deadlines.calendar import local_date

from .deadline import proposal_due
from .models import Proposal, ProposalEvent, ProposalSequence
from .rights import may_manage

# What a change of each field is called in the history and on the page.
FIELD_LABELS = {"problem": "Проблема", "measure": "Мера", "owner": "Ответственный", "building": "Дом",
                "reason": "Причина"}


def check_may_manage(actor) -> None:
    """Raise Forbidden (a Russian 403) unless the person may open and keep proposals."""
    if not may_manage(actor):
        raise Forbidden("У вас нет права открывать и вести системные предложения: это делает руководитель.")


def _log(proposal: Proposal, actor, action: str, *, field: str = "", old: str = "", new: str = "",
         note: str = "") -> None:
    ProposalEvent.objects.create(proposal=proposal, actor=actor, action=action, field=field, old_value=old,
                                 new_value=new, note=note, at=timezone.now())


def _text(value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise AppealError(f"Заполните поле «{label}».", field=label)
    return value


@transaction.atomic
def open_proposal(actor, *, problem: str, measure: str, owner, building=None, reason=None, appeal=None,
                  incident=None) -> Proposal:
    """Register a proposal: its number of the year, its deadline by the norm; the appeal or incident it
    was opened from is linked to it."""
    check_may_manage(actor)
    now = timezone.now()
    year = local_date(now).year
    proposal = Proposal.objects.create(
        number=f"СП-{year_prefix(year)}-{next_in_year(ProposalSequence, year):04d}",
        problem=_text(problem, "Проблема"), measure=_text(measure, "Мера"), owner=owner, building=building,
        reason=reason, registered_at=now, registered_by=actor, due_at=proposal_due(now))
    _log(proposal, actor, "opened", note=f"Срок внедрения — {timezone.localtime(proposal.due_at):%d.%m.%Y}")
    if appeal is not None:
        link_appeal(proposal, actor, appeal)
    if incident is not None:
        link_incident(proposal, actor, incident)
    return proposal


def _shown(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.username
    return getattr(value, "address", None) or getattr(value, "name", None) or str(value)


@transaction.atomic
def change_proposal(proposal: Proposal, actor, **changes) -> Proposal:
    """Change the problem, the measure, the owner, the building or the reason; a history row per field."""
    check_may_manage(actor)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    for name, value in changes.items():
        if name not in FIELD_LABELS:
            raise ValueError(name)
        if name in ("problem", "measure"):
            value = _text(value, FIELD_LABELS[name])
        old = getattr(proposal, name)
        if old == value:
            continue
        setattr(proposal, name, value)
        _log(proposal, actor, "changed", field=name, old=_shown(old), new=_shown(value))
    proposal.save()
    return proposal


@transaction.atomic
def link_appeal(proposal: Proposal, actor, appeal) -> None:
    check_may_manage(actor)
    if proposal.appeals.filter(pk=appeal.pk).exists():
        raise AppealError(f"Обращение № {appeal.number} уже связано с предложением.")
    proposal.appeals.add(appeal)
    _log(proposal, actor, "appeal_linked", new=appeal.number)


@transaction.atomic
def unlink_appeal(proposal: Proposal, actor, appeal) -> None:
    check_may_manage(actor)
    proposal.appeals.remove(appeal)
    _log(proposal, actor, "appeal_unlinked", old=appeal.number)


@transaction.atomic
def link_incident(proposal: Proposal, actor, incident) -> None:
    check_may_manage(actor)
    if proposal.incidents.filter(pk=incident.pk).exists():
        raise AppealError(f"Инцидент № {incident.pk} уже связан с предложением.")
    proposal.incidents.add(incident)
    _log(proposal, actor, "incident_linked", new=f"№ {incident.pk}")


@transaction.atomic
def unlink_incident(proposal: Proposal, actor, incident) -> None:
    check_may_manage(actor)
    proposal.incidents.remove(incident)
    _log(proposal, actor, "incident_unlinked", old=f"№ {incident.pk}")


@transaction.atomic
def mark_implemented(proposal: Proposal, actor, *, on: dt.date, by, what: str) -> Proposal:
    """Record that the measure was implemented: on which day, by whom, what was done."""
    check_may_manage(actor)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.implemented_on is not None:
        raise AppealError(f"Мера уже отмечена как внедрённая {proposal.implemented_on:%d.%m.%Y}.")
    if on > local_date(timezone.now()):
        raise AppealError("Дата внедрения не может быть позже сегодняшнего дня.", field="on")
    if on < local_date(proposal.registered_at):
        raise AppealError("Мера не может быть внедрена раньше, чем зарегистрировано предложение "
                          f"({local_date(proposal.registered_at):%d.%m.%Y}).", field="on")
    proposal.implemented_on, proposal.implemented_by = on, by
    proposal.implementation = _text(what, "Что сделано")
    proposal.save()
    _log(proposal, actor, "implemented", new=f"{on:%d.%m.%Y}, {_shown(by)}", note=proposal.implementation)
    return proposal

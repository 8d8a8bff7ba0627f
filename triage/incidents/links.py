"""Incidents in the product (A4, W9): a new appeal joins the open incident of its building it matches,
or starts one with a lone open appeal it matches; one answer then goes to every appeal of an incident.

The matching rule lives in `matching` (the same one that groups archives); this module only reads the
appeals and incidents from the database and writes the links.
"""

from collections import deque
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from appeals import access, services, workflow
from appeals.choices import OPEN_STATUSES, Status
from appeals.errors import AppealError
from appeals.models import Appeal, Reason
from housing.geo import buildings_near
from housing.models import Building
from priemnaya.russian import plural

from ..models import Decision, Incident, IncidentAppeal, TriageSettings
from .matching import MAX_MEMBERS_COMPARED, NEIGHBOUR_METRES, Candidate, OpenIncident, match_incident, place_key

# The steps by which an incident's answer brings each of its appeals to "answered".
ANSWER_STEPS = ("register", "assign", "start", "draft_answer", "answer")
# Lone appeals of one reason in one building are mostly requests of separate households (a matching one
# of another kind joins at once); the newest of them are where a problem shared by the building shows.
LONE_PER_REASON = 50


def _model_reasons(appeals: list[Appeal]) -> dict[int, tuple[tuple[str, float], ...]]:
    """The latest decision's top three of each unclassified appeal, in one query."""
    pending = [a.pk for a in appeals if not a.reason_id]
    found: dict[int, tuple[tuple[str, float], ...]] = {}
    for decision in Decision.objects.filter(appeal_id__in=pending).order_by("appeal_id", "-created_at", "-id"):
        found.setdefault(decision.appeal_id, tuple((o["reason"], o["score"]) for o in decision.top3))
    return found


def _candidates(appeals: list[Appeal]) -> dict[int, Candidate]:
    """What the matcher sees of each appeal: its reason when a person or triage set it, else the model's top three."""
    model = _model_reasons(appeals)
    return {a.pk: _candidate(a, ((a.reason.code, 1.0),) if a.reason_id else model.get(a.pk, ())) for a in appeals}


def _candidate(appeal: Appeal, reasons) -> Candidate:
    building = appeal.building
    return Candidate(id=appeal.pk, created=appeal.received_at, place=place_key(appeal.building_id, appeal.address_text),
                     reasons=tuple(reasons), text=appeal.text,
                     lat=building.latitude if building else None, lon=building.longitude if building else None)


def _buildings_near(building: Building, probe: Candidate) -> list[int]:
    """The building, and for an outage the buildings around it (the matcher decides on the distance)."""
    if not probe.is_outage or building.latitude is None or building.longitude is None:
        return [building.pk]
    return list(buildings_near(building.latitude, building.longitude, NEIGHBOUR_METRES).values_list("pk", flat=True))


def _latest_members(incidents: list[Incident], exclude_pk) -> dict[int, list[Appeal]]:
    """The latest MAX_MEMBERS_COMPARED appeals of each incident, oldest first: all the matcher reads of one,
    so an incident of hundreds costs no more than one of thirty."""
    latest = Window(RowNumber(), partition_by=F("incident_id"),
                    order_by=[F("appeal__received_at").desc(), F("appeal_id").desc()])
    links = (IncidentAppeal.objects.filter(incident__in=incidents).exclude(appeal_id=exclude_pk)
             .annotate(rank=latest).filter(rank__lte=MAX_MEMBERS_COMPARED)
             .select_related("appeal__reason", "appeal__building"))
    members: dict[int, list[Appeal]] = {}
    for link in sorted(links, key=lambda m: (m.appeal.received_at, m.appeal_id)):
        members.setdefault(link.incident_id, []).append(link.appeal)
    return members


def _lone(building_ids: list[int], since, before, reasons: tuple[str, ...], exclude_pk) -> list[Appeal]:
    """The open appeals of the window in no incident that may match: of a reason among the probe's (two with
    no reason in common score below any threshold) or not classified yet; the newest LONE_PER_REASON of each
    building and reason."""
    newest = Window(RowNumber(), partition_by=[F("building_id"), F("reason_id")],
                    order_by=[F("received_at").desc(), F("id").desc()])
    query = (Appeal.objects.filter(Q(reason__code__in=reasons) | Q(reason__isnull=True), building_id__in=building_ids,
                                   status__in=OPEN_STATUSES, received_at__gte=since, received_at__lte=before,
                                   incident_link__isnull=True)
             .exclude(pk=exclude_pk).annotate(rank=newest).filter(rank__lte=LONE_PER_REASON)
             .select_related("reason", "building"))
    return sorted(query, key=lambda a: (a.received_at, a.pk))


def _open_groups(building_ids: list[int], probe: Candidate, before, window_days: int,
                 exclude_pk=None, with_lone: bool = True) -> list[OpenIncident]:
    """The open incidents of the buildings and (`with_lone`) their lone open appeals of the window, as the
    matcher sees them: a bounded number whatever the size of an incident or the number of appeals in a building."""
    since = before - timedelta(days=window_days)
    incidents = list(Incident.objects.filter(status=Incident.Status.OPEN, building_id__in=building_ids,
                                             last_appeal_at__gte=since))
    members = _latest_members(incidents, exclude_pk)
    lone = _lone(building_ids, since, before, tuple(reason for reason, _p in probe.reasons),
                 exclude_pk) if with_lone else []
    seen = _candidates([a for appeals in members.values() for a in appeals] + lone)
    groups = [OpenIncident(key=i, members=[seen[a.pk] for a in members[i.pk]]) for i in incidents if i.pk in members]
    return groups + [OpenIncident(key=appeal, members=[seen[appeal.pk]]) for appeal in lone]


def _lock(building_ids: list[int]) -> None:
    """One linker at a time per building: two appeals linked at once would both start an incident with the
    same lone appeal. Locks are taken in one order, so linkers of neighbouring outages never deadlock;
    "no key" leaves new appeals of the buildings free to be inserted meanwhile. (SQLite's transactions
    take the write lock at BEGIN, so there this is already so.)"""
    list(Building.objects.select_for_update(no_key=True).filter(pk__in=building_ids).order_by("pk")
         .values_list("pk", flat=True))


@transaction.atomic
def link_appeal(appeal: Appeal, actor=None) -> Incident | None:
    """Put a new appeal into the incident it belongs to (creating one with a matching lone appeal)."""
    if appeal.building_id is None or not appeal.is_open:
        return None
    settings = TriageSettings.current()
    probe = _candidates([appeal])[appeal.pk]
    buildings = _buildings_near(appeal.building, probe)
    _lock(buildings)
    # Read after the lock: a linker that held it may have just made this appeal the seed of an incident.
    if IncidentAppeal.objects.filter(appeal=appeal).exists():
        return None
    groups = _open_groups(buildings, probe, appeal.received_at, settings.incident_window_days, appeal.pk)
    match = match_incident(probe, groups, settings.incident_window_days)
    if match is None:
        return None
    incident = match.incident.key
    if isinstance(incident, Appeal):
        incident = _start_incident(incident, appeal)
        _join(incident, match.incident.key, actor, match.score)
    _join(incident, appeal, actor, match.score)
    return incident


def _start_incident(first: Appeal, second: Appeal) -> Incident:
    # An outage over several houses is filed under the first house reported.
    reason = first.reason or second.reason
    title = reason.name if reason else first.short_content[:300]
    return Incident.objects.create(title=title, reason=reason, building=first.building, opened_at=first.received_at,
                                   last_appeal_at=second.received_at)


def _join(incident: Incident, appeal: Appeal, actor, score: float) -> None:
    IncidentAppeal.objects.create(incident=incident, appeal=appeal, linked_by=actor if actor else None,
                                  score=round(score, 3))
    if appeal.received_at > incident.last_appeal_at:
        incident.last_appeal_at = appeal.received_at
        incident.save(update_fields=["last_appeal_at"])
    services.note(appeal, actor, "incident_linked", f"Инцидент № {incident.pk} «{incident.title}»: похожие "
                  f"обращения по этому дому (сходство {score:.2f}).")


def open_incident_for(building_id, text: str, reasons) -> Incident | None:
    """The open incident a resident's text would join: the public form warns before sending."""
    building = Building.objects.filter(pk=building_id).first() if building_id else None
    if building is None:
        return None
    probe = Candidate(id=None, created=timezone.now(), place=place_key(building_id), reasons=tuple(reasons),
                      text=text, lat=building.latitude, lon=building.longitude)
    window = TriageSettings.current().incident_window_days
    # Only incidents: a lone appeal is nothing to warn about (and this runs as the resident types).
    groups = _open_groups(_buildings_near(building, probe), probe, timezone.now(), window, with_lone=False)
    match = match_incident(probe, groups, window)
    return match.incident.key if match else None


def _path(status: str) -> list[str]:
    """The shortest way from `status` to "answered" through ANSWER_STEPS of the life cycle."""
    queue, seen = deque([(status, [])]), {status}
    while queue:
        current, steps = queue.popleft()
        if current == Status.ANSWERED:
            return steps
        for step in workflow.available(current):
            if step.name in ANSWER_STEPS and step.target and step.target not in seen:
                seen.add(step.target)
                queue.append((step.target, steps + [step.name]))
    raise AppealError(f"Обращение в статусе «{Status(status).label}» нельзя закрыть ответом по инциденту.", "status")


@dataclass
class IncidentAnswer:
    answered: list[Appeal] = field(default_factory=list)
    skipped: list[tuple[Appeal, str]] = field(default_factory=list)


def _answer_one(appeal: Appeal, actor, reason: Reason | None, text: str, result: str, favour: str) -> Appeal:
    if appeal.reason_id is None:
        if reason is None:
            raise AppealError("Укажите причину инцидента: у обращения её нет.", "reason")
        appeal = services.classify(appeal, actor, reason=reason)
    for step in _path(appeal.status):
        if step == "assign":
            appeal = services.assign(appeal, actor, assignee=appeal.assignee or actor)
        else:
            appeal = services.transition(appeal, step, actor, answer_text=text, result=result,
                                         resolved_in_favour_of=favour)
    return appeal


_WAITING = (Status.CLARIFICATION, Status.WAITING_APPLICANT, Status.WAITING_EXTERNAL)


def _steps_for(appeal: Appeal) -> list[str]:
    """The actions an incident's answer takes on the appeal, as `access.may` names them."""
    steps = [] if appeal.reason_id else ["classify"]
    return steps + [("take" if appeal.assignee_id is None else "reassign") if s == "assign" else s
                    for s in _path(appeal.status)]


def may_answer(user, incident: Incident) -> bool:
    """Whether the person may answer the whole incident: every open appeal of it not waiting for
    someone is one they see and may take each step of (the page offers the form only then)."""
    pending = [m.appeal for m in incident.memberships.select_related("appeal")
               if m.appeal.is_open and m.appeal.status not in _WAITING]
    return bool(pending) and all(access.may(user, step, a) for a in pending for step in _steps_for(a))


def _out_of_reach(numbers: list[str], hidden: int) -> str:
    parts = []
    if numbers:
        parts.append(", ".join(f"№ {n}" for n in numbers) + " (их рассматривают другие сотрудники или нужен шаг, "
                     "который вам недоступен)")
    if hidden:
        parts.append(f"{hidden} {plural(hidden, 'обращение', 'обращения', 'обращений')} других подразделений")
    return ("Ответ не отправлен: в инциденте есть обращения, на которые вы не можете ответить: " + " и ".join(parts)
            + ". Ответьте по своим обращениям на их страницах или попросите ответить руководителя.")


@transaction.atomic
def answer_incident(incident: Incident, actor, *, text: str, result: str, favour: str) -> IncidentAnswer:
    """Answer every open appeal of the incident with one text; appeals waiting for someone are left out.

    All or nothing: when the person may not answer one of the open appeals (one they do not see, or a step
    their role does not allow), nothing is sent and the AppealError says which.
    """
    services.check_answer(text, result, favour)  # once for all, rather than failing on every appeal
    outcome, forbidden, hidden = IncidentAnswer(), [], 0
    for link in incident.memberships.select_related("appeal__reason").order_by("appeal__received_at"):
        appeal = link.appeal
        if not appeal.is_open:
            continue
        if actor is not None and not access.can_view(actor, appeal):
            hidden += 1
            continue
        if appeal.status in _WAITING:
            outcome.skipped.append((appeal, "ждёт сведений — ответьте отдельно"))
            continue
        try:
            with transaction.atomic():
                outcome.answered.append(_answer_one(appeal, actor, incident.reason, text, result, favour))
        except access.Forbidden:
            forbidden.append(appeal.number)
        except (AppealError, workflow.TransitionError) as error:
            outcome.skipped.append((appeal, str(getattr(error, "message", error))))
    if forbidden or hidden:
        raise AppealError(_out_of_reach(forbidden, hidden), "incident")
    incident.answer_text = text
    if not incident.memberships.filter(appeal__status__in=OPEN_STATUSES).exists():
        incident.status, incident.answered_at = Incident.Status.ANSWERED, timezone.now()
    incident.save(update_fields=["status", "answered_at", "answer_text"])
    return outcome


def visible_incidents(user):
    """Incidents holding an appeal the person may see, each counted over those appeals only (`size`,
    `open_count`): pages and lists show no more of an incident than its visible appeals."""
    incidents = Incident.objects.all()
    if not user.has_perm("appeals.view_all_appeals"):
        # A filter before the annotation narrows what is counted to the same memberships.
        incidents = incidents.filter(memberships__appeal__in=access.visible_appeals(user).values("pk"))
    return incidents.annotate(
        size=Count("memberships"),
        open_count=Count("memberships", filter=Q(memberships__appeal__status__in=OPEN_STATUSES))).filter(size__gt=0)

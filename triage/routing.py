"""Routing (A2): reason → department by the admin's rules, then the least loaded available person.

Departments come from `RoutingRule` (ordered, first match wins) and otherwise from the reason's own
default department. Within a department the person with the smallest weighted load (`appeals.load`)
who is available today gets the appeal; supervisors only when nobody else can take it.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from accounts.availability import available
from accounts.models import Department
from appeals import services
from appeals.choices import OPEN_STATUSES, Status
from appeals.load import appeal_weight, people_with_perm, with_load
from appeals.models import Appeal, Reason

from .models import RoutingRule

# Statuses whose appeal can still move to another person without disturbing work under way.
MOVABLE = (Status.ASSIGNED,)


def department_for(reason: Reason | None, channel: str = "") -> Department | None:
    """The department an appeal with this reason goes to."""
    if reason is None:
        return None
    for rule in RoutingRule.objects.filter(is_active=True).select_related("department"):
        if rule.reason_id not in (None, reason.pk) or rule.category_id not in (None, reason.category_id):
            continue
        if rule.channel and rule.channel != channel:
            continue
        return rule.department
    return reason.department


def candidates(department: Department, now: dt.datetime | None = None) -> list:
    """Available people of the department with their load, least loaded first."""
    now = now or timezone.now()
    people = available(people_with_perm("work_appeal").filter(profile__department=department),
                       timezone.localdate(now)).select_related("profile")
    people = with_load(people, now)
    supervisors = set(people_with_perm("assign_appeal").filter(pk__in=[p.pk for p in people])
                      .values_list("pk", flat=True))
    workers = [p for p in people if p.pk not in supervisors] or people
    return sorted(workers, key=lambda p: (p.weighted, p.open_count, p.last_name, p.username))


def choose_assignee(department: Department | None, now: dt.datetime | None = None):
    """The least loaded available person of the department, or None when nobody can take it."""
    if department is None:
        return None
    people = candidates(department, now)
    return people[0] if people else None


def route(appeal: Appeal, actor=None, *, assign_person: bool = True) -> Appeal:
    """Give a registered appeal its department and, if wanted, its responsible person."""
    if not appeal.is_open or appeal.assignee_id:
        return appeal
    department = department_for(appeal.reason, appeal.channel) or appeal.department
    assignee = choose_assignee(department) if assign_person and appeal.status == Status.REGISTERED else None
    if department is None or (assignee is None and department.pk == appeal.department_id):
        return appeal
    note = "Назначено автоматически: наименьшая нагрузка в подразделении." if assignee else ""
    return services.assign(appeal, actor, assignee=assignee, department=department, note=note)


@dataclass(frozen=True)
class Move:
    appeal: Appeal
    source: object
    target: object
    weight: int


def rebalance_plan(department: Department, now: dt.datetime | None = None) -> list[Move]:
    """Moves that even out the load of a department.

    Everything open on a person who is absent or unavailable goes to the others. Between people at
    work only appeals not yet taken into work move, and only when that narrows the gap between the two.
    """
    now = now or timezone.now()
    people = candidates(department, now)
    if not people:
        return []
    load = {p.pk: p.weighted for p in people}
    staff = people_with_perm("work_appeal").filter(profile__department=department)
    everyone = {p.pk: p for p in staff}
    away = set(everyone) - set(available(staff, timezone.localdate(now)).values_list("pk", flat=True))
    movable = (Appeal.objects.filter(status__in=OPEN_STATUSES)
               .filter(Q(assignee_id__in=list(away)) | Q(assignee_id__in=list(load), status__in=MOVABLE))
               .order_by("answer_due", "received_at"))
    moves = []
    for appeal in movable:
        weight = appeal_weight(appeal, now)
        target = min(load, key=lambda pk: (load[pk], pk))
        source_away = appeal.assignee_id in away
        if not source_away and load[appeal.assignee_id] - load[target] <= weight:
            continue
        if not source_away:
            load[appeal.assignee_id] -= weight
        load[target] += weight
        moves.append(Move(appeal, everyone[appeal.assignee_id], everyone[target], weight))
    return moves


def rebalance(department: Department, actor) -> list[Move]:
    """Carry out `rebalance_plan`; every move is an ordinary reassignment in the appeal's history."""
    moves = rebalance_plan(department)
    for move in moves:
        services.assign(move.appeal, actor, assignee=move.target,
                        note=f"Перераспределение нагрузки: от {move.source.get_full_name() or move.source}.")
    return moves

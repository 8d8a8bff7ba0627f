"""Workload of the people who work appeals: one definition for the supervisor's board and for routing.

A person's weighted load counts each open appeal by its complexity (А 1, Б 2, В 3) and adds for
urgency: +1 when the answer is due soon (`appeals.due`), +2 when it is overdue, +1 for an emergency.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Sum, Value, When

from deadlines.norms import due_soon_limit

from .choices import OPEN_STATUSES, PAUSED_STATUSES, Complexity, Priority
from .journal import filter_due
from .models import Appeal

COMPLEXITY_WEIGHT = {Complexity.A: 1, Complexity.B: 2, Complexity.V: 3}
SOON_EXTRA, OVERDUE_EXTRA, EMERGENCY_EXTRA = 1, 2, 1
EMPTY = {"open_count": 0, "overdue_count": 0, "soon_count": 0, "emergency_count": 0, "weighted": 0}


def people_with_perm(codename: str, app_label: str = "appeals") -> QuerySet:
    """Active users who hold a permission through a group, directly or as superusers."""
    perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    holders = get_user_model().objects.filter(
        Q(groups__permissions__in=perm) | Q(user_permissions__in=perm) | Q(is_superuser=True)).values("pk")
    return get_user_model().objects.filter(is_active=True, pk__in=holders).order_by("last_name", "first_name")


def load_counts(now: dt.datetime, assignee_ids=None) -> dict[int, dict]:
    """Per assignee: open, overdue, due-soon and emergency counts and the weighted load (three grouped queries,
    counting rows, not ids, so PostgreSQL answers them from `appeal_load_idx` alone)."""
    base = Appeal.objects.filter(status__in=OPEN_STATUSES, assignee__isnull=False).order_by()
    if assignee_ids is not None:
        base = base.filter(assignee_id__in=list(assignee_ids))
    weight = Case(*[When(complexity=code, then=Value(w)) for code, w in COMPLEXITY_WEIGHT.items()],
                  default=Value(1), output_field=IntegerField())
    counts = {row["assignee"]: {**EMPTY, **row} for row in base.values("assignee").annotate(
        open_count=Count("*"), emergency_count=Count("priority", filter=Q(priority=Priority.EMERGENCY)),
        weighted=Sum(weight))}
    by_due = [filter_due(base, due, now).values("assignee").annotate(count=Count("*"), due=Value(due))
              for due in ("overdue", "soon")]
    for row in by_due[0].union(by_due[1], all=True):
        counts[row["assignee"]][f"{row['due']}_count"] = row["count"]
    for row in counts.values():
        row["weighted"] += (SOON_EXTRA * row["soon_count"] + OVERDUE_EXTRA * row["overdue_count"]
                            + EMERGENCY_EXTRA * row["emergency_count"])
    return counts


def appeal_weight(appeal: Appeal, now: dt.datetime) -> int:
    """What one appeal adds to its assignee's weighted load (the same rule as `load_counts`)."""
    weight = COMPLEXITY_WEIGHT.get(appeal.complexity, 1)
    if appeal.priority == Priority.EMERGENCY:
        weight += EMERGENCY_EXTRA
    if appeal.answer_due is None or appeal.status in PAUSED_STATUSES:
        return weight
    if appeal.answer_due < now:
        return weight + OVERDUE_EXTRA
    return weight + (SOON_EXTRA if appeal.answer_due <= due_soon_limit(now) else 0)


def with_load(people, now: dt.datetime) -> list:
    """The people, each with the counts of `load_counts` set as attributes (no query per person)."""
    people = list(people)
    counts = load_counts(now, [p.pk for p in people])
    for person in people:
        for name, default in EMPTY.items():
            setattr(person, name, counts.get(person.pk, {}).get(name, default))
    return people

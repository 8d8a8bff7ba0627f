"""The journal (table 5.3.2): one filter used by the staff UI, the export and the API."""

import datetime as dt
from dataclasses import dataclass, fields

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from deadlines.calendar import end_of_day, local_date
from deadlines.norms import due_soon_limit
from priemnaya.russian import working_days

from .choices import OPEN_STATUSES, PAUSED_STATUSES
from .models import Applicant
from .search import filter_search

DUE_CHOICES = {
    "overdue": "Просроченные",
    "today": "Срок сегодня",
    "soon": f"Срок в ближайшие {working_days(settings.DUE_SOON_WORKING_DAYS)}",
}


@dataclass
class JournalFilter:
    status: str = ""
    category: int | None = None
    reason: int | None = None
    building: int | None = None
    department: int | None = None
    assignee: int | None = None
    channel: str = ""
    kind: str = ""
    priority: str = ""
    due: str = ""  # one of DUE_CHOICES
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def apply_filter(queryset: QuerySet, f: JournalFilter, now: dt.datetime | None = None) -> QuerySet:
    """Narrow a queryset of appeals by the journal's filters."""
    exact = {"status": f.status, "category_id": f.category, "reason_id": f.reason, "building_id": f.building,
             "department_id": f.department, "assignee_id": f.assignee, "channel": f.channel, "kind": f.kind,
             "priority": f.priority}
    queryset = queryset.filter(**{k: v for k, v in exact.items() if v})
    if f.date_from:
        queryset = queryset.filter(received_at__gte=_day_start(f.date_from))
    if f.date_to:
        queryset = queryset.filter(received_at__lt=_day_start(f.date_to + dt.timedelta(days=1)))
    if f.due:
        queryset = filter_due(queryset, f.due, now)
    if f.q:
        queryset = filter_search(queryset, f.q)
    return queryset


def filter_due(queryset: QuerySet, due: str, now: dt.datetime | None = None) -> QuerySet:
    """Open appeals (not paused) that are overdue, due today, or due soon (`appeals.due`: the same rule)."""
    now = now or timezone.now()
    running = queryset.filter(status__in=OPEN_STATUSES - PAUSED_STATUSES)
    if due == "overdue":
        return running.filter(answer_due__lt=now)
    if due == "today":
        return running.filter(answer_due__gte=now, answer_due__lte=end_of_day(local_date(now)))
    if due == "soon":
        return running.filter(answer_due__gte=now, answer_due__lte=due_soon_limit(now))
    return queryset


def journal_queryset(queryset: QuerySet) -> QuerySet:
    """What a journal page needs, in three queries: the appeals with the small reference tables joined,
    then the page's applicants (with their buildings) and buildings by id. With those joined as well,
    PostgreSQL spent longer planning the query than running it, and a search sorting its matches
    joined every match before keeping one page."""
    return (queryset.select_related("category", "reason", "department", "assignee")
            .prefetch_related(Prefetch("applicant", queryset=Applicant.objects.select_related("building")),
                              "building"))

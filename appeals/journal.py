"""The journal (table 5.3.2): one filter used by the staff UI, the export and the API."""

import datetime as dt
from dataclasses import dataclass, fields
from functools import cached_property

from django.conf import settings
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from deadlines.calendar import end_of_day, local_date, start_of_day
from deadlines.norms import due_soon_limit
from priemnaya.russian import working_days

from .applicants import search_applicants
from .choices import RUNNING_STATUSES
from .models import Applicant
from .search import filter_search, walks_newest_first

# A count reads every match: exact up to this many, then «более» (the figures: bench/README.md). A
# filter's index gives 10,000 in a few milliseconds; each match of a search is a page of the table read.
COUNT_LIMIT = 10_000
SEARCH_COUNT_LIMIT = 1_000
# A surname alone names thousands of applicants in a large journal («Иванова»: 4,925 of 650,000). Past
# this many their appeals are found through a subquery, newest first, and not counted.
MAX_APPLICANTS = 1_000
# A search's page is read first among the appeals of the last days (see `read_rows`).
SEARCH_WINDOWS_DAYS = (7, 60)
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
    applicants: bool = False  # `q` also finds applicants by surname and phone (for those who see them)

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if f.name != "applicants")

    @cached_property
    def named_applicants(self) -> list[int] | QuerySet:
        """The ids of the applicants `q` names by surname or phone, looked up once for the page and its
        count; past MAX_APPLICANTS, the query of their ids instead."""
        if not (self.q and self.applicants):
            return []
        named = search_applicants(self.q).order_by().values("id")
        ids = list(named.values_list("id", flat=True)[:MAX_APPLICANTS + 1])
        return ids if len(ids) <= MAX_APPLICANTS else named

    @property
    def names_too_many(self) -> bool:
        """`q` is a surname of more than MAX_APPLICANTS applicants: its matches are not counted."""
        return not isinstance(self.named_applicants, list)


def apply_filter(queryset: QuerySet, f: JournalFilter, now: dt.datetime | None = None, *,
                 counting: bool = False) -> QuerySet:
    """Narrow a queryset of appeals by the journal's filters, newest first (`counting`: to be counted, not
    paged nor ordered)."""
    now = now or timezone.now()
    exact = {"status": f.status, "category_id": f.category, "reason_id": f.reason, "building_id": f.building,
             "department_id": f.department, "assignee_id": f.assignee, "channel": f.channel, "kind": f.kind,
             "priority": f.priority}
    queryset = queryset.filter(**{k: v for k, v in exact.items() if v})
    if f.date_from:
        queryset = queryset.filter(received_at__gte=start_of_day(f.date_from))
    if f.date_to:
        queryset = queryset.filter(received_at__lt=start_of_day(f.date_to + dt.timedelta(days=1)))
    if f.due:
        queryset = filter_due(queryset, f.due, now)
    if f.q:
        queryset = filter_search(queryset, f.q, applicant_ids=f.named_applicants, newest_first=not counting)
    return queryset if counting else _newest_first(queryset, f, now)


@dataclass(frozen=True)
class Found:
    """How many appeals a filter finds: `count`, or more than it when `more`; None: not counted."""

    count: int | None
    more: bool = False


def count_found(queryset: QuerySet, f: JournalFilter, now: dt.datetime | None = None,
                limit: int | None = None) -> Found:
    """Count what the filter finds in one query that reads at most `limit` + 1 matches (COUNT_LIMIT,
    SEARCH_COUNT_LIMIT with a search): an exact count of a broad filter reads the whole table. A common
    surname is not counted."""
    if f.names_too_many:
        return Found(None)
    limit = limit or (SEARCH_COUNT_LIMIT if f.q else COUNT_LIMIT)
    found = apply_filter(queryset, f, now, counting=True).order_by()[: limit + 1].count()
    return Found(min(found, limit), found > limit)


def filter_due(queryset: QuerySet, due: str, now: dt.datetime | None = None) -> QuerySet:
    """Open appeals (not paused) that are overdue, due today, or due soon (`appeals.due`: the same rule)."""
    condition = _due_condition(due, now or timezone.now())
    return queryset if condition is None else queryset.filter(condition)


def _due_condition(due: str, now: dt.datetime) -> Q | None:
    if due == "overdue":
        dates = Q(answer_due__lt=now)
    elif due == "today":
        dates = Q(answer_due__gte=now, answer_due__lte=end_of_day(local_date(now)))
    elif due == "soon":
        dates = Q(answer_due__gte=now, answer_due__lte=due_soon_limit(now))
    else:
        return None
    return dates & Q(status__in=RUNNING_STATUSES)


def _newest_first(queryset: QuerySet, f: JournalFilter, now: dt.datetime) -> QuerySet:
    """The journal's order. A due filter that finds at most COUNT_LIMIT appeals (counted from the due
    index alone) has its matches read and sorted: the newest open appeals are rarely overdue, and after
    a burst of new ones the walk down the newest-first index would step over every one of them first.
    The order by an expression keeps the planner off that walk; more matches than that are walked."""
    condition = _due_condition(f.due, now) if f.due else None
    if condition is not None:
        due = queryset.model._default_manager.filter(condition).order_by()
        if due[: COUNT_LIMIT + 1].count() <= COUNT_LIMIT:
            return queryset.order_by(Coalesce("received_at", "received_at").desc(), "-id")
    return queryset.order_by("-received_at", "-id")


def read_rows(queryset: QuerySet, f: JournalFilter, start: int, stop: int,
              now: dt.datetime | None = None) -> list:
    """Rows [start:stop] of a journal queryset ordered newest first (`apply_filter`).

    A search on PostgreSQL whose words are not frequent among the newest appeals (`walks_newest_first`) is
    found through the words' index, every match read and sorted; for a common word that the newest appeals
    happen not to hold (a burst about something else) that was tens of thousands of rows for one page. So it
    is read first among the appeals of the last SEARCH_WINDOWS_DAYS — the window's matches only, sorted —
    and when the window holds all the rows asked for, they are the rows the whole journal gives (every appeal
    outside it is older than every one inside). Otherwise the next window, then the whole journal."""
    if f.q and connection.vendor == "postgresql" and not walks_newest_first(queryset.model._meta.db_table, f.q):
        now = now or timezone.now()
        for days in SEARCH_WINDOWS_DAYS:
            window = queryset.filter(received_at__gte=now - dt.timedelta(days=days))
            # Ordered by an expression, so the planner cannot walk the newest-first index through the window.
            rows = list(window.order_by(Coalesce("received_at", "received_at").desc(), "-id")[start:stop])
            if len(rows) == stop - start:
                return rows
    return list(queryset[start:stop])


def journal_queryset(queryset: QuerySet, applicants: bool = True) -> QuerySet:
    """What a journal page needs, in three queries: the appeals with the small reference tables joined,
    then the page's applicants (with their buildings) and buildings by id. With those joined as well,
    PostgreSQL spent longer planning the query than running it, and a search sorting its matches
    joined every match before keeping one page. A list that shows no applicant does not read them
    (`applicants=False`): reading one is a view of personal data (`appeals.personal_data`)."""
    related = [Prefetch("applicant", queryset=Applicant.objects.select_related("building"))] if applicants else []
    return queryset.select_related("category", "reason", "department", "assignee").prefetch_related(
        *related, "building")

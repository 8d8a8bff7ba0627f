"""Service-quality indicators of a month, computed from the journal (never typed in).

- answered on time: of the appeals whose answer deadline fell in the month, the share answered by it;
  an appeal still without an answer after its deadline counts as late, one whose deadline is still
  ahead is not counted yet;
- answer time: of the appeals answered in the month, the median of working days from receipt to the
  answer (days in (received, answered], by the production calendar of `deadlines`);
- in the applicant's favour: of the appeals answered in the month, the share decided fully in the
  applicant's favour (and, apart, partly);
- satisfaction: no survey exists yet, so there is no figure (None), never an invented one.

The database groups and counts; only the distinct (received day, answer day) pairs come back, so the
work in Python does not grow with the number of appeals. A month's result is cached: a past month
changes only when an answer is corrected, the current one changes all the time.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from deadlines.calendar import MOSCOW, local_date, working_days_between

from .choices import OPEN_STATUSES, Favour, Status
from .models import Appeal

CACHE_VERSION = 1
CURRENT_MONTH_SECONDS = 5 * 60
PAST_MONTH_SECONDS = 24 * 60 * 60
MONTH_NAMES = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
               "ноябрь", "декабрь"]
# The deadline is counted for every appeal but a withdrawn one; listed, so the (status, answer_due) index serves.
DEADLINE_STATUSES = sorted(s for s in Status.values if s != Status.WITHDRAWN)
DECIDED_STATUSES = sorted(s for s in Status.values if s not in OPEN_STATUSES and s != Status.WITHDRAWN)


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> "Month":
        return cls(day.year, day.month)

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.year, self.month, 1, tzinfo=MOSCOW)

    @property
    def end(self) -> dt.datetime:
        """The first moment after the month (Moscow time)."""
        return self.following().start

    def following(self) -> "Month":
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> "Month":
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @property
    def label(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"


@dataclass(frozen=True)
class MonthIndicators:
    month: Month
    received: int  # appeals received in the month
    due: int  # deadlines that fell in the month and were met or missed
    on_time: int
    answered: int  # appeals answered in the month (and decided)
    median_working_days: float | None
    in_favour: int
    partly_in_favour: int
    satisfaction: float | None = None  # no satisfaction survey has been carried out

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.due if self.due else None

    @property
    def in_favour_share(self) -> float | None:
        return self.in_favour / self.answered if self.answered else None

    @property
    def partly_share(self) -> float | None:
        return self.partly_in_favour / self.answered if self.answered else None


def last_months(count: int = 12, today: dt.date | None = None) -> list[Month]:
    """The `count` months up to and including the current one, oldest first."""
    month = Month.of(today or timezone.localdate(timezone=MOSCOW))
    months = [month]
    for _ in range(count - 1):
        months.insert(0, months[0].previous())
    return months


def median(distribution: Counter) -> float | None:
    """The median of values given as value → how many times it occurs."""
    total = sum(distribution.values())
    if not total:
        return None
    middle = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value in sorted(distribution):
        seen += distribution[value]
        while middle and middle[0] < seen:
            found.append(value)
            middle.pop(0)
    return sum(found) / 2


def _deadlines(month: Month, now: dt.datetime) -> dict:
    met_or_missed = Q(answered_at__isnull=False) | Q(answer_due__lt=now)
    return Appeal.objects.filter(status__in=DEADLINE_STATUSES, answer_due__gte=month.start,
                                 answer_due__lt=month.end).aggregate(
        due=Count("id", filter=met_or_missed),
        on_time=Count("id", filter=Q(answered_at__isnull=False, answered_at__lte=F("answer_due"))),
    )


def _answers(month: Month) -> tuple[Counter, int, int, int]:
    """(working days → appeals, answered, fully in favour, partly in favour) of the month's answers."""
    rows = (Appeal.objects.filter(answered_at__gte=month.start, answered_at__lt=month.end,
                                  status__in=DECIDED_STATUSES)
            .annotate(received_day=TruncDate("received_at", tzinfo=MOSCOW),
                      answered_day=TruncDate("answered_at", tzinfo=MOSCOW))
            .values("received_day", "answered_day")
            .annotate(n=Count("id"), favour=Count("id", filter=Q(resolved_in_favour_of=Favour.APPLICANT)),
                      partly=Count("id", filter=Q(resolved_in_favour_of=Favour.PARTLY)))
            .order_by())
    days: Counter = Counter()
    answered = favour = partly = 0
    for row in rows:
        days[working_days_between(row["received_day"], row["answered_day"])] += row["n"]
        answered += row["n"]
        favour += row["favour"]
        partly += row["partly"]
    return days, answered, favour, partly


def compute_month(month: Month, now: dt.datetime | None = None) -> MonthIndicators:
    """The month's indicators straight from the journal (uncached)."""
    now = now or timezone.now()
    deadlines = _deadlines(month, now)
    days, answered, favour, partly = _answers(month)
    received = Appeal.objects.filter(received_at__gte=month.start, received_at__lt=month.end).count()
    return MonthIndicators(month=month, received=received, due=deadlines["due"], on_time=deadlines["on_time"],
                           answered=answered, median_working_days=median(days), in_favour=favour,
                           partly_in_favour=partly)


def cache_key(month: Month) -> str:
    return f"appeals:indicators:v{CACHE_VERSION}:{month.year}-{month.month:02d}"


def month_indicators(month: Month, now: dt.datetime | None = None) -> MonthIndicators:
    """The month's indicators, cached: a past month for a day, the current month for five minutes.
    A month still ahead has nothing to count."""
    now = now or timezone.now()
    current = Month.of(local_date(now))
    found = cache.get(cache_key(month))
    if found is None:
        found = compute_month(month, now)
        cache.set(cache_key(month), found, CURRENT_MONTH_SECONDS if month >= current else PAST_MONTH_SECONDS)
    return found


def indicators(months: list[Month], now: dt.datetime | None = None) -> list[MonthIndicators]:
    """The indicators of each of `months`, in their order."""
    return [month_indicators(month, now) for month in months]


def forget(month: Month) -> None:
    """Drop a month's cached indicators (after a correction of past answers)."""
    cache.delete(cache_key(month))

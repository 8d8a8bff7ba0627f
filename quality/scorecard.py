"""An operator's scorecard (A6): the four criteria for a period, each a line with its headline number, the same
number for the previous period and its details; and the team's comparison. Every number is counted in the
database. A new criterion is one more entry in LINES (an object with `code`, `title`, `higher_is_better` and
`measure`)."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from accounts.roles import OPERATOR, ROLE_TITLES
from deadlines.calendar import MOSCOW
from insights.filters import previous_period

from .criteria import ACCURACY, PRACTICE, SATISFACTION, SERVICE, SPEED, Figure, Measured
from .reviews import comments_for

LINES = [SPEED, SERVICE, SATISFACTION, ACCURACY, PRACTICE]  # the seed's four, then the practice calls


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @property
    def since(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(), tzinfo=MOSCOW)

    @property
    def until(self) -> dt.datetime:
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=MOSCOW)

    def previous(self) -> "Period":
        return Period(*previous_period(self.start, self.end))


@dataclass
class Line:
    """One criterion on the scorecard."""

    code: str
    title: str
    higher_is_better: bool
    now: Measured
    before: Measured

    @property
    def headline(self) -> Figure:
        return self.now.headline

    @property
    def trend(self) -> str:
        """«лучше», «хуже», «без изменений» against the previous period; empty when either has no number."""
        new, old = self.now.headline.value, self.before.headline.value
        if new is None or old is None:
            return ""
        if round(new, 1) == round(old, 1):
            return "без изменений"
        return "лучше" if (new > old) == self.higher_is_better else "хуже"


@dataclass
class Scorecard:
    operator: object
    period: Period
    previous: Period
    lines: list[Line] = field(default_factory=list)
    comments: QuerySet | None = None


def scorecard(operator, period: Period) -> Scorecard:
    """The operator's criteria for the period and the previous one, with the reviews' comments."""
    previous = period.previous()
    card = Scorecard(operator, period, previous,
                     comments=comments_for(operator.pk, period.since, period.until))
    for criterion in LINES:
        now = criterion.measure(period.since, period.until, operator.pk).get(operator.pk)
        before = criterion.measure(previous.since, previous.until, operator.pk).get(operator.pk)
        card.lines.append(Line(criterion.code, criterion.title, criterion.higher_is_better,
                               now or criterion.empty(), before or criterion.empty()))
    return card


@dataclass
class TeamRow:
    operator: object
    lines: list[Measured]


def team(period: Period) -> list[TeamRow]:
    """Every operator (by role) and everyone else with a scorecard measured in the period (a supervisor who took
    calls; not the specialists whose answers the surveys rate), each with every criterion's numbers."""
    measured = [criterion.measure(period.since, period.until, None) for criterion in LINES]
    ids = set().union(*(m.keys() for m in measured))
    users = get_user_model().objects.filter(
        Q(is_active=True, groups__name=ROLE_TITLES[OPERATOR])
        | Q(pk__in=ids, groups__permissions__codename="view_own_scorecard",
            groups__permissions__content_type__app_label="quality")).distinct().order_by(
        "last_name", "first_name", "username")
    return [TeamRow(user, [m.get(user.pk) or c.empty() for c, m in zip(LINES, measured, strict=True)])
            for user in users]

"""The effect of an implemented measure (A8): the matching appeals counted in SQL over equal windows before
and after the day it was implemented, compared by `rates`, with the same windows a year earlier beside them
when the windows differ in season. Counted over all appeals: an effect is the company's, the same for
everyone who reads the proposal."""

import datetime as dt
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from appeals.models import Appeal, Reason
from deadlines.calendar import MOSCOW, date_words, local_date, start_of_day
from housing.models import Building
from insights.tables import Table

from .rates import Comparison, compare_rates, season_note, span_words

YEAR_BEFORE = dt.timedelta(days=364)  # 52 weeks: the same season and the same weekdays


@dataclass
class Effect:
    ready: bool  # a comparison was made
    message: str = ""  # why not, or what to bear in mind
    matching: str = ""  # which appeals are counted, in words
    before: tuple[dt.date, dt.date] | None = None  # [start, end)
    after: tuple[dt.date, dt.date] | None = None
    comparison: Comparison | None = None
    season: str = ""
    reference: Comparison | None = None  # the same windows a year earlier
    table: Table | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def before_words(self) -> str:
        return span_words(*self.before) if self.before else ""

    @property
    def after_words(self) -> str:
        return span_words(*self.after) if self.after else ""


def matching_pairs(proposal) -> list[tuple[int | None, int]]:
    """(building, reason) of the appeals the measure should make fewer: the proposal's own when it names a
    reason, else those of its linked appeals and incidents. A pair without a building counts the reason anywhere."""
    if proposal.reason_id:
        return [(proposal.building_id, proposal.reason_id)]
    pairs = set(proposal.appeals.filter(reason__isnull=False).values_list("building_id", "reason_id"))
    pairs |= set(proposal.incidents.filter(reason__isnull=False).values_list("building_id", "reason_id"))
    return sorted(pairs, key=lambda p: (p[1], p[0] or 0))


def _condition(pairs: list[tuple[int | None, int]]) -> Q:
    condition = Q(pk__in=[])
    for building, reason in pairs:
        condition |= Q(reason_id=reason, building_id=building) if building else Q(reason_id=reason)
    return condition


def _words(pairs: list[tuple[int | None, int]]) -> str:
    reasons = dict(Reason.objects.filter(pk__in={r for _b, r in pairs}).values_list("pk", "name"))
    buildings = {b.pk: b.address for b in Building.objects.filter(pk__in={b for b, _r in pairs if b})}
    return "; ".join(f"«{reasons.get(r, '?')}»" + (f", {buildings.get(b, '?')}" if b else ", все дома")
                     for b, r in pairs)


def daily_counts(pairs: list[tuple[int | None, int]], start: dt.date, end: dt.date) -> dict[dt.date, int]:
    """Matching appeals received on each day of [start, end), Moscow time: one GROUP BY query."""
    rows = (Appeal.objects.filter(_condition(pairs), received_at__gte=start_of_day(start),
                                  received_at__lt=start_of_day(end))
            .annotate(day=TruncDate("received_at", tzinfo=MOSCOW)).values("day").annotate(n=Count("pk"))
            .order_by())
    return {row["day"]: row["n"] for row in rows}


def _total(counts: dict[dt.date, int], start: dt.date, end: dt.date) -> int:
    return sum(n for day, n in counts.items() if start <= day < end)


def windows(implemented_on: dt.date, today: dt.date) -> tuple[int, tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    """N and the equal windows: the N whole days after the day of implementation (today is not yet over) and
    the N days before it; N is capped at settings.PROPOSAL_EFFECT_MAX_DAYS."""
    days = max(0, min((today - implemented_on).days - 1, settings.PROPOSAL_EFFECT_MAX_DAYS))
    after_start = implemented_on + dt.timedelta(days=1)
    return days, (implemented_on - dt.timedelta(days=days), implemented_on), \
        (after_start, after_start + dt.timedelta(days=days))


def _weeks(counts: dict[dt.date, int], before, after) -> tuple[list[list], int]:
    """Weekly rows counted from the day of implementation outwards, so no week straddles it."""
    rows = []
    weeks = math.ceil((before[1] - before[0]).days / 7)
    for i in reversed(range(weeks)):
        start, end = max(before[0], before[1] - dt.timedelta(days=7 * (i + 1))), before[1] - dt.timedelta(days=7 * i)
        rows.append(_week_row(counts, start, end, "до"))
    split = len(rows)
    for i in range(weeks):
        start, end = after[0] + dt.timedelta(days=7 * i), min(after[1], after[0] + dt.timedelta(days=7 * (i + 1)))
        rows.append(_week_row(counts, start, end, "после"))
    return rows, split


def _week_row(counts, start: dt.date, end: dt.date, side: str) -> list:
    days = (end - start).days
    label = f"{start:%d.%m}–{end - dt.timedelta(days=1):%d.%m.%Y}" + (f" ({days} дн.)" if days < 7 else "")
    return [label, side, _total(counts, start, end)]


def effect_of(proposal, today: dt.date | None = None) -> Effect:
    """The effect of the proposal's measure as of `today` (Moscow time)."""
    if proposal.implemented_on is None:
        return Effect(False, "Мера ещё не внедрена: эффект можно будет оценить после внедрения.")
    pairs = matching_pairs(proposal)
    if not pairs:
        return Effect(False, "Не с чем сравнивать: у предложения не указана причина, а у связанных обращений"
                             " и инцидентов её нет. Укажите причину (и дом) в предложении.")
    today = today or local_date(timezone.now())
    days, before, after = windows(proposal.implemented_on, today)
    effect = Effect(False, matching=_words(pairs), before=before, after=after)
    minimum = settings.PROPOSAL_EFFECT_MIN_DAYS
    if days < minimum:
        ready_on = proposal.implemented_on + dt.timedelta(days=minimum + 1)
        effect.message = (f"После внедрения прошло полных дней: {days}. Для сравнения нужно не меньше {minimum};"
                          f" оценка появится {date_words(ready_on)}")
        return effect
    counts = daily_counts(pairs, before[0], after[1])
    effect.ready = True
    effect.comparison = compare_rates(_total(counts, *before), days, _total(counts, *after), days)
    effect.season = season_note(before, after)
    if effect.season:
        earlier = daily_counts(pairs, before[0] - YEAR_BEFORE, after[1] - YEAR_BEFORE)
        if earlier:
            effect.reference = compare_rates(_total(earlier, before[0] - YEAR_BEFORE, before[1] - YEAR_BEFORE), days,
                                             _total(earlier, after[0] - YEAR_BEFORE, after[1] - YEAR_BEFORE), days)
        else:
            effect.notes.append("Год назад в те же окна таких обращений не было: сравнить с прошлым годом не с чем.")
    effect.table = _table(proposal, effect, counts)
    return effect


def _table(proposal, effect: Effect, counts) -> Table:
    rows, split = _weeks(counts, effect.before, effect.after)
    c = effect.comparison
    return Table(
        "effect", "Обращения по неделям до и после внедрения", ["Неделя", "Окно", "Обращений"], rows,
        chart_column=2, numeric_from=2, chart_rows=len(rows), split_at=split,
        split_label=f"▼ мера внедрена {proposal.implemented_on:%d.%m.%Y}",
        summary=(f"За {c.days_before} дн. до внедрения — {c.before} обращ., за {c.days_after} дн. после — {c.after}:"
                 f" {c.verdict}."))

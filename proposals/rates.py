"""Whether the rate of appeals changed after a measure (A8): pure functions of counts and dates.

Two counts over two windows are compared by the exact conditional test of Poisson rates: given the total
k1 + k2, the count after is Binomial(k1 + k2, t2 / (t1 + t2)) when the rate did not change. The two-sided
exact p-value (scipy's binomtest) is at most the stated error rate whatever the counts.
"""

import datetime as dt
from dataclasses import dataclass

from deadlines.calendar import MONTHS

ALPHA = 0.05
MIN_APPEALS = 10  # fewer in both windows together: only a change to nearly nothing could be told from chance
HEATING_MONTHS = frozenset({10, 11, 12, 1, 2, 3, 4})  # the heating season, October to April


@dataclass(frozen=True)
class Comparison:
    before: int
    after: int
    days_before: int
    days_after: int
    p_value: float | None  # None: too few appeals to test
    alpha: float = ALPHA

    @property
    def change(self) -> float | None:
        """The change of the daily rate, per cent of the rate before; None when there was none before."""
        if not self.before or not self.days_before or not self.days_after:
            return None
        before, after = self.before / self.days_before, self.after / self.days_after
        return round((after - before) / before * 100, 1)

    @property
    def too_few(self) -> bool:
        return self.p_value is None

    @property
    def significant(self) -> bool:
        return self.p_value is not None and self.p_value < self.alpha

    @property
    def p_words(self) -> str:
        """«p = 0,012», «p < 0,001»: what the page says of the p-value."""
        if self.p_value is None:
            return ""
        if self.p_value < 0.001:
            return "p < 0,001"
        return f"p = {self.p_value:.3f}".replace(".", ",")

    @property
    def verdict(self) -> str:
        """The finding in plain words: «снижение на 38 %, случайностью не объясняется»."""
        if self.too_few:
            return (f"обращений слишком мало, чтобы судить (до — {self.before}, после — {self.after};"
                    f" нужно хотя бы {MIN_APPEALS} вместе)")
        change = self.change
        if not self.significant:
            return "изменение в пределах случайных колебаний" + (f" ({_signed(change)} %)" if change else "")
        if change is None:
            return f"рост: до — ни одного, после — {self.after}; случайностью не объясняется"
        word = "снижение" if change < 0 else "рост"
        return f"{word} на {_number(abs(change))} %, случайностью не объясняется"


def _number(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 10 or value == int(value) else f"{value:.1f}".replace(".", ",")


def _signed(value: float) -> str:
    return ("+" if value > 0 else "−") + _number(abs(value))


def compare_rates(before: int, days_before: int, after: int, days_after: int, alpha: float = ALPHA) -> Comparison:
    """Compare the counts of two windows (days long) by the exact conditional Poisson test, two-sided."""
    total = before + after
    if total < MIN_APPEALS or days_before <= 0 or days_after <= 0:
        return Comparison(before, after, days_before, days_after, None, alpha)
    from scipy.stats import binomtest  # loaded by the pages that compare, not at every start

    share = days_after / (days_before + days_after)
    p_value = float(binomtest(after, total, share, alternative="two-sided").pvalue)
    return Comparison(before, after, days_before, days_after, p_value, alpha)


def in_heating_season(start: dt.date, end: dt.date) -> float:
    """The share of the days [start, end) in the heating season."""
    days = (end - start).days
    if days <= 0:
        return 0.0
    return sum((start + dt.timedelta(days=i)).month in HEATING_MONTHS for i in range(days)) / days


def span_words(start: dt.date, end: dt.date) -> str:
    """[start, end) as «с 3 января по 1 марта 2026 г.»."""
    last = end - dt.timedelta(days=1)
    first = f"{start.day} {MONTHS[start.month - 1]}" + (f" {start.year} г." if start.year != last.year else "")
    return f"с {first} по {last.day} {MONTHS[last.month - 1]} {last.year} г."


def _season_of(share: float) -> str:
    if share >= 0.75:
        return "в отопительный сезон"
    if share <= 0.25:
        return "вне отопительного сезона"
    return "частично в отопительный сезон"


def season_note(before: tuple[dt.date, dt.date], after: tuple[dt.date, dt.date]) -> str:
    """What season may explain: empty when both windows lie in the same months of the year."""
    heating_before, heating_after = in_heating_season(*before), in_heating_season(*after)
    if abs(heating_before - heating_after) >= 0.5:
        return (f"Окна приходятся на разные сезоны: «до» — {_season_of(heating_before)}, «после» —"
                f" {_season_of(heating_after)} (отопительный сезон — октябрь–апрель). Часть изменения может"
                " быть сезонной.")
    months_before = {(before[0] + dt.timedelta(days=i)).month for i in range((before[1] - before[0]).days)}
    months_after = {(after[0] + dt.timedelta(days=i)).month for i in range((after[1] - after[0]).days)}
    if months_before != months_after:
        return "Окна приходятся на разные месяцы года: часть изменения может быть сезонной."
    return ""

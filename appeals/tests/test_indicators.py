"""Service-quality indicators of a month, computed from appeals with known dates (May 2025: 1–4 and 8–11 May
are holidays and weekends, so working days and calendar days differ)."""

import datetime as dt
from collections import Counter

import pytest

from appeals.choices import Favour, Status
from appeals.indicators import Month, compute_month, forget, last_months, median, month_indicators
from appeals.models import Appeal
from conftest import create_appeal, happening_at
from deadlines.calendar import MOSCOW, end_of_day
from deadlines.models import CalendarOverride

pytestmark = pytest.mark.django_db

MAY = Month(2025, 5)
LATER = dt.datetime(2025, 7, 1, 12, 0, tzinfo=MOSCOW)


def at(day: int, hour: int = 10, month: int = 5) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, 0, tzinfo=MOSCOW)


def appeal(received: dt.datetime, *, answered: dt.datetime | None = None, due: dt.datetime | None = None,
           favour: str = "", status: str = Status.ANSWERED) -> Appeal:
    """An appeal received at `received` whose answer, deadline and decision are set as given."""
    with happening_at(received):
        made = create_appeal(full_name="")
    Appeal.objects.filter(pk=made.pk).update(
        answered_at=answered, answer_due=due, resolved_in_favour_of=favour,
        status=status if answered or status != Status.ANSWERED else Status.IN_PROGRESS)
    return made


@pytest.fixture
def may_journal():
    # Received before the May holidays, answered after them: 2 working days (5 and 6 May), not 6 calendar days.
    appeal(at(30, month=4), answered=at(6, 12), due=end_of_day(dt.date(2025, 5, 15)), favour=Favour.APPLICANT)
    appeal(at(5), answered=at(7, 15), due=end_of_day(dt.date(2025, 5, 19)), favour=Favour.COMPANY)
    # Answered late: 8 working days against a deadline of 20 May.
    appeal(at(12), answered=at(22), due=end_of_day(dt.date(2025, 5, 20)), favour=Favour.PARTLY,
           status=Status.CLOSED)
    # Answered the day it came, late in the evening (Moscow time still 14 May).
    appeal(at(14, 9), answered=at(14, 23), due=end_of_day(dt.date(2025, 5, 28)), favour=Favour.APPLICANT)
    # No answer, deadline passed in May: late.
    appeal(at(20), due=end_of_day(dt.date(2025, 5, 30)), status=Status.IN_PROGRESS)
    # Withdrawn: neither a deadline to meet nor an answer.
    appeal(at(21), due=end_of_day(dt.date(2025, 5, 29)), status=Status.WITHDRAWN)
    # Answered at 00:30 on 1 June, Moscow time (still 31 May in UTC): a June answer.
    appeal(at(26), answered=dt.datetime(2025, 6, 1, 0, 30, tzinfo=MOSCOW), due=end_of_day(dt.date(2025, 6, 6)),
           favour=Favour.APPLICANT)


def test_share_answered_on_time_counts_unanswered_past_deadline_as_late(may_journal):
    found = compute_month(MAY, LATER)
    assert (found.due, found.on_time) == (5, 3)
    assert found.on_time_share == pytest.approx(0.6)


def test_a_deadline_still_ahead_is_not_counted_yet(may_journal):
    appeal(at(27), due=end_of_day(dt.date(2025, 5, 31)), status=Status.IN_PROGRESS)
    assert compute_month(MAY, at(31, 9)).due == 5  # the 30 May one is late, the 31 May one still ahead
    assert compute_month(MAY, LATER).due == 6


def test_median_answer_time_counts_working_days_across_the_may_holidays(may_journal):
    # Working days of the four May answers: 2, 2, 8, 0.
    assert compute_month(MAY, LATER).median_working_days == 2


def test_an_override_of_the_calendar_changes_the_answer_time(may_journal):
    CalendarOverride.objects.create(date=dt.date(2025, 5, 6), is_working=False, note="Перенос")
    CalendarOverride.objects.create(date=dt.date(2025, 5, 7), is_working=False, note="Перенос")
    # Now 1, 0, 8, 0 (5 May only for the first; none for the second).
    assert compute_month(MAY, LATER).median_working_days == 0.5


def test_share_in_favour_of_the_applicant_among_the_months_answers(may_journal):
    found = compute_month(MAY, LATER)
    assert found.answered == 4
    assert (found.in_favour, found.partly_in_favour) == (2, 1)
    assert found.in_favour_share == 0.5 and found.partly_share == 0.25


def test_an_answer_after_midnight_moscow_time_belongs_to_the_next_month(may_journal):
    june = compute_month(Month(2025, 6), LATER)
    assert june.answered == 1 and june.median_working_days == 4  # 27, 28, 29, 30 May


def test_received_counts_the_months_appeals(may_journal):
    assert compute_month(MAY, LATER).received == 6


def test_satisfaction_is_never_a_figure_without_surveys(may_journal):
    assert compute_month(MAY, LATER).satisfaction is None


def test_an_empty_month_has_no_shares():
    found = compute_month(Month(2024, 2), LATER)
    assert (found.on_time_share, found.median_working_days, found.in_favour_share) == (None, None, None)


def test_a_past_month_is_read_from_the_cache(may_journal, django_assert_num_queries):
    first = month_indicators(MAY, LATER)
    with django_assert_num_queries(0):
        assert month_indicators(MAY, LATER) == first


def test_forgetting_a_month_recomputes_it(may_journal):
    month_indicators(MAY, LATER)
    appeal(at(15), answered=at(16), due=end_of_day(dt.date(2025, 5, 29)), favour=Favour.APPLICANT)
    assert month_indicators(MAY, LATER).answered == 4
    forget(MAY)
    assert month_indicators(MAY, LATER).answered == 5


def test_the_last_twelve_months_end_with_the_current_one_across_a_year():
    months = last_months(12, dt.date(2026, 3, 15))
    assert months[0] == Month(2025, 4) and months[-1] == Month(2026, 3) and len(months) == 12
    assert Month(2025, 12).following() == Month(2026, 1) and Month(2026, 1).previous() == Month(2025, 12)


@pytest.mark.parametrize(("values", "expected"), [
    ({}, None), ({3: 1}, 3), ({1: 1, 5: 1}, 3), ({0: 2, 7: 1}, 0), ({1: 1, 2: 2, 9: 1}, 2),
])
def test_median_of_a_distribution(values, expected):
    assert median(Counter(values)) == expected

import datetime as dt

import pytest

from appeals.models import Reason
from deadlines.calendar import MOSCOW
from deadlines.models import DeadlineNorm, NormKind
from deadlines.norms import compute_due, extended_due, find_norm, resumed_due, working_days_left

pytestmark = pytest.mark.django_db


def msk(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=MOSCOW)


def test_registration_due_end_of_next_working_day():
    assert compute_due(NormKind.REGISTRATION, msk(2025, 4, 30, 15, 0)) == msk(2025, 5, 5, 23, 59, 59)


def test_answer_due_ten_working_days_across_may():
    assert compute_due(NormKind.ANSWER, msk(2025, 4, 30, 9, 0)) == msk(2025, 5, 20, 23, 59, 59)


def test_new_year_registration_waits_for_january_12():
    assert compute_due(NormKind.REGISTRATION, msk(2025, 12, 30, 18, 0)) == msk(2026, 1, 12, 23, 59, 59)


def test_received_late_evening_utc_counts_by_moscow_date():
    received = dt.datetime(2025, 4, 29, 22, 30, tzinfo=dt.UTC)  # 30 April 01:30 in Moscow
    assert compute_due(NormKind.REGISTRATION, received) == msk(2025, 5, 5, 23, 59, 59)


def test_working_saturday_can_be_the_deadline():
    assert compute_due(NormKind.REGISTRATION, msk(2025, 10, 31, 12, 0)) == msk(2025, 11, 1, 23, 59, 59)


def test_transferred_day_off_is_skipped():
    assert compute_due(NormKind.REGISTRATION, msk(2025, 11, 1, 12, 0)) == msk(2025, 11, 5, 23, 59, 59)


def test_emergency_reason_counts_minutes_not_days():
    gas = Reason.objects.get(code="gas-smell")
    received = msk(2025, 12, 31, 23, 50)
    assert compute_due(NormKind.ANSWER, received, reason_id=gas.pk) == msk(2026, 1, 1, 0, 20)


def test_sewer_blockage_two_hours():
    sewer = Reason.objects.get(code="sewer-blockage")
    assert find_norm(NormKind.ANSWER, reason_id=sewer.pk).minutes == 120


def test_norms_are_data_editable_per_complexity():
    DeadlineNorm.objects.create(kind=NormKind.ANSWER, complexity="V", working_days=5)
    received = msk(2025, 11, 24, 10, 0)
    assert compute_due(NormKind.ANSWER, received, complexity="V") == msk(2025, 12, 1, 23, 59, 59)
    assert compute_due(NormKind.ANSWER, received, complexity="A") == msk(2025, 12, 8, 23, 59, 59)


def test_extension_adds_ten_working_days_but_never_past_21():
    received = msk(2025, 11, 24, 10, 0)
    answer_due = compute_due(NormKind.ANSWER, received)
    assert answer_due == msk(2025, 12, 8, 23, 59, 59)
    assert extended_due(received, answer_due) == msk(2025, 12, 22, 23, 59, 59)
    late_due = msk(2025, 12, 19, 23, 59, 59)  # already pushed by a pause
    assert extended_due(received, late_due) == msk(2025, 12, 23, 23, 59, 59)  # 21 working days from receipt


def test_pause_moves_the_deadline_by_working_days_lost():
    due = msk(2025, 12, 8, 23, 59, 59)
    paused, resumed = msk(2025, 11, 24, 10, 0), msk(2025, 11, 26, 16, 0)
    assert resumed_due(due, paused, resumed, by_hours=False) == msk(2025, 12, 10, 23, 59, 59)


def test_pause_moves_an_hour_deadline_by_elapsed_time():
    due = msk(2025, 11, 24, 12, 0)
    paused, resumed = msk(2025, 11, 24, 11, 0), msk(2025, 11, 24, 11, 45)
    assert resumed_due(due, paused, resumed, by_hours=True) == msk(2025, 11, 24, 12, 45)


def test_working_days_left_signs():
    due = msk(2025, 11, 26, 23, 59, 59)
    assert working_days_left(due, msk(2025, 11, 24, 9, 0)) == 2
    assert working_days_left(due, msk(2025, 11, 26, 9, 0)) == 0
    assert working_days_left(due, msk(2025, 11, 28, 9, 0)) == -2

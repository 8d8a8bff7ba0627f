import datetime as dt

import pytest

from deadlines.calendar import MOSCOW, add_working_days, is_working_day, working_days_between
from deadlines.models import CalendarOverride

pytestmark = pytest.mark.django_db
D = dt.date


def test_may_holidays_2025_are_days_off():
    for day in (D(2025, 5, 1), D(2025, 5, 2), D(2025, 5, 8), D(2025, 5, 9)):
        assert not is_working_day(day)
    assert is_working_day(D(2025, 5, 5))


def test_new_year_holidays_2026_with_transferred_january_9():
    assert not any(is_working_day(D(2026, 1, d)) for d in range(1, 12))
    assert is_working_day(D(2026, 1, 12))


def test_working_saturday_counts():
    assert is_working_day(D(2025, 11, 1))  # Saturday, worked for 3 November
    assert not is_working_day(D(2025, 11, 3))


def test_counting_starts_the_next_day():
    assert add_working_days(D(2025, 11, 24), 1) == D(2025, 11, 25)
    assert add_working_days(D(2025, 11, 28), 1) == D(2025, 12, 1)  # Friday → Monday


def test_ten_working_days_across_may_holidays():
    assert add_working_days(D(2025, 4, 30), 10) == D(2025, 5, 20)


def test_admin_override_adds_a_day_off_and_a_working_day():
    CalendarOverride.objects.create(date=D(2025, 11, 25), is_working=False, note="Указ")
    CalendarOverride.objects.create(date=D(2025, 11, 29), is_working=True, note="Перенос")
    assert not is_working_day(D(2025, 11, 25))
    assert is_working_day(D(2025, 11, 29))
    assert add_working_days(D(2025, 11, 24), 1) == D(2025, 11, 26)


def test_override_removed_restores_official_calendar():
    override = CalendarOverride.objects.create(date=D(2025, 11, 25), is_working=False)
    assert not is_working_day(D(2025, 11, 25))
    override.delete()
    assert is_working_day(D(2025, 11, 25))


def test_working_days_between_counts_the_half_open_interval():
    assert working_days_between(D(2025, 11, 24), D(2025, 11, 26)) == 2
    assert working_days_between(D(2025, 5, 7), D(2025, 5, 12)) == 1  # 8, 9 May and a weekend


def test_moscow_zone_is_used():
    assert MOSCOW.key == "Europe/Moscow"

"""The statistics' numbers apart from their pages: the comparison period, and the flow's breakdowns counted in
one pass (PostgreSQL) agreeing with one query per breakdown."""

import datetime as dt

import pytest

from appeals.models import Appeal, Reason
from conftest import create_appeal, create_building
from deadlines.calendar import MOSCOW
from insights import numbers
from insights.filters import Scope, previous_period


@pytest.mark.parametrize(("start", "end", "before"), [
    ("2026-03-01", "2026-03-31", ("2026-02-01", "2026-02-28")),   # a month: the month before
    ("2026-01-01", "2026-03-31", ("2025-10-01", "2025-12-31")),   # a quarter: the quarter before
    ("2025-12-01", "2026-11-30", ("2024-12-01", "2025-11-30")),   # twelve months: the twelve before
    ("2026-03-10", "2026-03-19", ("2026-02-28", "2026-03-09")),   # ten days: the ten days before
])
def test_the_comparison_period_is_as_long_and_just_before(start, end, before):
    day = dt.date.fromisoformat
    assert previous_period(day(start), day(end)) == (day(before[0]), day(before[1]))


@pytest.mark.django_db
def test_breakdowns_in_one_pass_are_the_breakdowns_one_by_one():
    marata, nevsky = create_building("улица Марата", "7"), create_building("Невский проспект", "20")
    roof, intercom = Reason.objects.get(code="roof-damage"), Reason.objects.get(code="mkd-intercom")
    placed = [(dt.datetime(2026, 3, d, 10, tzinfo=MOSCOW), b, r, ch) for d, b, r, ch in [
        (2, marata, roof, "phone"), (3, marata, roof, "web"), (4, nevsky, intercom, "phone"), (5, None, None, "email"),
        (20, nevsky, roof, "phone")]]
    placed += [(dt.datetime(2026, 2, d, 10, tzinfo=MOSCOW), marata, intercom, "web") for d in (3, 4)]
    for received, building, reason, channel in placed:
        made = create_appeal("Обращение", received_at=received, reason=reason.code if reason else None,
                             building=building)
        Appeal.objects.filter(pk=made.pk).update(channel=channel)
    scope = Scope(dt.date(2026, 3, 1), dt.date(2026, 3, 31), *previous_period(dt.date(2026, 3, 1),
                                                                                dt.date(2026, 3, 31)))
    appeals = Appeal.objects.all()
    total, found = numbers.breakdowns(scope, appeals, list(numbers.DIMENSIONS))
    assert (total.count, total.previous) == (5, 2)
    for dimension in numbers.DIMENSIONS:
        one_by_one = numbers.breakdown(scope, appeals, dimension)
        assert [(r.label, r.count, r.previous) for r in found[dimension]] == [
            (r.label, r.count, r.previous) for r in one_by_one], dimension
    assert [(r.label, r.count, r.previous) for r in found["channel"]] == [
        ("Телефон", 3, 0), ("Электронная почта", 1, 0), ("Интернет-приёмная", 1, 2)]
    assert [(r.count, r.previous) for r in found["building"]] == [(2, 2), (2, 0), (1, 0)]
    assert found["building"][-1].label == "не указано"


@pytest.mark.django_db
def test_each_appeal_is_counted_on_its_day_in_moscow_time():
    """23:59 and 00:00 Moscow time fall on two days, whichever way the database counts them (on PostgreSQL binned
    from a midnight)."""
    for moment in [dt.datetime(2026, 3, 1, 0, 0), dt.datetime(2026, 3, 1, 23, 59), dt.datetime(2026, 3, 2, 0, 0),
                   dt.datetime(2026, 3, 2, 2, 30), dt.datetime(2026, 3, 31, 23, 59, 59)]:
        create_appeal("Обращение", received_at=moment.replace(tzinfo=MOSCOW))
    create_appeal("Обращение", received_at=dt.datetime(2026, 2, 28, 23, 59, tzinfo=MOSCOW))
    scope = Scope(dt.date(2026, 3, 1), dt.date(2026, 3, 31), dt.date(2026, 1, 29), dt.date(2026, 2, 28))
    assert numbers.volume(scope, Appeal.objects.all(), "day") == [
        (dt.date(2026, 3, 1), 2), (dt.date(2026, 3, 2), 2), (dt.date(2026, 3, 31), 1)]


@pytest.mark.django_db
def test_days_are_moscow_days_also_before_the_clocks_last_moved():
    """Moscow moved from UTC+4 to UTC+3 at 02:00 on 26 October 2014: appeals either side of that night, and late
    in the evening before and after it, fall on their own days."""
    for day, hour, minute in [(21, 23, 30), (22, 0, 30), (26, 1, 30), (26, 2, 30), (28, 23, 30), (29, 0, 30)]:
        create_appeal("Обращение", received_at=dt.datetime(2014, 10, day, hour, minute, tzinfo=MOSCOW))
    scope = Scope(dt.date(2014, 10, 20), dt.date(2014, 10, 31), dt.date(2014, 10, 8), dt.date(2014, 10, 19))
    assert numbers.volume(scope, Appeal.objects.all(), "day") == [
        (dt.date(2014, 10, 21), 1), (dt.date(2014, 10, 22), 1), (dt.date(2014, 10, 26), 2), (dt.date(2014, 10, 28), 1),
        (dt.date(2014, 10, 29), 1)]


def test_the_offset_has_been_the_same_since_the_clocks_last_moved():
    assert numbers.offset_since(dt.datetime(2026, 3, 1, tzinfo=MOSCOW)) == dt.datetime(
        2014, 10, 25, 22, 0, tzinfo=dt.UTC)

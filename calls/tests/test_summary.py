"""The summary per (day, hour, operator) and its rows per day and month, which the statistics page reads: kept
with the calls as they are created, changed, moved, deleted and imported; equal to the row-level aggregation
of the same calls over periods of whole months, odd days and both, across a year's end (on whichever database
the suite runs: SQLite by default, PostgreSQL with DATABASE_URL)."""

import datetime as dt
import random
import threading
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Max

from calls import rollup, services, stats, summary
from calls.models import Call, CallCentreNorms, CallRollup, CallSummary, Outcome
from calls.tests import test_stats
from calls.tests.test_cdr import ROWS, write
from calls.tests.test_stats import DAY
from conftest import create_staff
from deadlines.calendar import MOSCOW

BY = ("all", "day", "hour", "operator")
known_day = test_stats.known_day  # the fixture: the known day of the statistics tests


def page(client, start=DAY, end=DAY) -> str:
    response = client.get("/staff/calls/stats/", {"start": start.isoformat(), "end": end.isoformat()})
    assert response.status_code == 200
    return response.content.decode()


def test_a_changed_call_changes_the_page(client, known_day, supervisor, operator):
    client.force_login(supervisor)
    assert '<strong id="calls-missed">7</strong>' in page(client)
    missed = Call.objects.filter(answered_at__isnull=True, ringing_at__date=DAY).order_by("ringing_at").first()
    missed.answered_at = missed.ringing_at + dt.timedelta(seconds=8)
    missed.operator = operator
    missed.outcome = Outcome.INFORMATION
    missed.save()  # as the admin does
    html = page(client)
    assert '<strong id="calls-missed">6</strong>' in html and '<strong id="calls-total">21</strong>' in html

    moved = Call.objects.filter(operator=operator, ringing_at__date=DAY).order_by("ringing_at").first()
    moved.ringing_at -= dt.timedelta(days=1)  # to the day before: out of the period
    moved.save()
    assert '<strong id="calls-total">20</strong>' in page(client)

    Call.objects.filter(answered_at__isnull=True, ringing_at__date=DAY).delete()  # the admin's bulk delete
    html = page(client)
    assert '<strong id="calls-missed">0</strong>' in html and '<strong id="calls-total">14</strong>' in html
    assert_summary_is_the_calls()


def test_an_operators_steps_keep_the_summary(operator):
    call = services.start_call(operator, "89211234567")
    services.mark_found(call, operator)
    call = services.end_call(Call.objects.get(pk=call.pk), operator, Outcome.INFORMATION)
    services.end_wrap_up(call, operator)
    period = stats.Period(dt.date.today() - dt.timedelta(days=1), dt.date.today() + dt.timedelta(days=1))
    total = stats.totals(period)
    assert total.calls == 1 and total.figures["wrap_up"].count == 1 and total.figures["finding"].count == 1
    assert_summary_is_the_calls()


@pytest.mark.django_db
def test_the_cdr_import_keeps_the_summary(tmp_path):
    call_command("import_cdr", str(write(tmp_path, ROWS)), stdout=StringIO(), stderr=StringIO())
    day = stats.Period(dt.date(2026, 3, 2), dt.date(2026, 3, 2))
    total, reference = stats.totals(day), stats.totals_calls(day)
    assert total.calls == 3 and (total.missed, total.talk) == (reference.missed, reference.talk) == (2, 180)
    assert_summary_is_the_calls()


def test_two_calls_saved_at_once_in_one_month_are_both_in_its_rows(reference_data):
    """Two real connections on a database committed for real: the first saves a call and holds its transaction
    open, the second meanwhile saves a call of another day of the same month. Each recomputes the month's rows
    from the cells; the second must wait for the first's to be committed, or the rows would miss one call."""
    operator = create_staff("operator", "operator", "crm")
    first_saved = threading.Event()
    errors: list[BaseException] = []

    def save(day: int, hold: float, signal: threading.Event | None):
        try:
            with transaction.atomic():
                ringing = dt.datetime(2026, 3, day, 11, tzinfo=MOSCOW)
                Call.objects.create(ringing_at=ringing, answered_at=ringing + dt.timedelta(seconds=day),
                                    ended_at=ringing + dt.timedelta(seconds=90), operator=operator)
                if signal:
                    signal.set()
                time.sleep(hold)
        except BaseException as error:  # noqa: BLE001 — reported by the test below
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=save, args=(2, 0.5, first_saved))
    first.start()
    first_saved.wait(5)
    second = threading.Thread(target=save, args=(3, 0, None))
    second.start()
    first.join(10)
    second.join(10)
    assert not errors
    month = stats.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert stats.totals(month).calls == 2 and stats.totals(month).waiting.average == pytest.approx(2.5)
    assert_summary_is_the_calls()


def test_a_norm_changed_by_staff_is_followed_without_a_rebuild(known_day):
    before = stats.totals(stats.Period(DAY, DAY)).waiting.within
    CallCentreNorms.objects.create(waiting=20)
    assert before == 12 and stats.totals(stats.Period(DAY, DAY)).waiting.within == 8  # 5…20 and 3…6


def test_the_rebuild_command_and_its_bad_dates(known_day):
    expected, expected_rows = cells(), rows()
    CallSummary.objects.all().delete()
    CallRollup.objects.all().delete()
    out = StringIO()
    call_command("rebuild_call_summary", "--from", (DAY - dt.timedelta(days=1)).isoformat(), "--to",
                 DAY.isoformat(), stdout=out)
    assert "ячеек" in out.getvalue() and cells() == expected and rows() == expected_rows
    assert CallRollup.objects.filter(span=CallRollup.Span.MONTH_HOUR, start=DAY.replace(day=1)).count() == 3
    with pytest.raises(CommandError, match="ГГГГ-ММ-ДД"):
        call_command("rebuild_call_summary", "--from", "вчера")
    with pytest.raises(CommandError, match="позже"):
        call_command("rebuild_call_summary", "--from", "2026-03-05", "--to", "2026-03-01")


def test_the_histogram_buckets():
    assert summary.bucket(0) == 0 and summary.bucket(-1) == 0 and summary.bucket(40) == 40
    assert summary.bucket(40.001) == 41 and summary.bucket_value(summary.bucket(40.001)) == 41
    assert summary.bucket_value(summary.bucket(1801)) == 1860
    assert summary.bucket(10 ** 6) == summary.BUCKETS - 1


def test_a_period_is_its_whole_months_and_its_odd_days():
    d = dt.date
    assert rollup.split(d(2026, 1, 1), d(2026, 12, 31)) == ([d(2026, m, 1) for m in range(1, 13)], [])
    assert rollup.split(d(2025, 12, 20), d(2026, 3, 3)) == (
        [d(2026, 1, 1), d(2026, 2, 1)], [(d(2025, 12, 20), d(2025, 12, 31)), (d(2026, 3, 1), d(2026, 3, 3))])
    assert rollup.split(d(2025, 12, 24), d(2026, 1, 15)) == ([], [(d(2025, 12, 24), d(2026, 1, 15))])
    assert rollup.split(d(2028, 2, 1), d(2028, 2, 28)) == ([], [(d(2028, 2, 1), d(2028, 2, 28))])  # a leap year
    assert rollup.split(d(2028, 2, 1), d(2028, 2, 29)) == ([d(2028, 2, 1)], [])


def random_calls(rng: random.Random, operators, days: int, count: int, first: dt.date = DAY) -> None:
    start = dt.datetime.combine(first, dt.time(), tzinfo=MOSCOW)
    for _ in range(count):
        ringing = start + dt.timedelta(days=rng.randrange(days), seconds=rng.randrange(86400))
        operator = rng.choice(operators)
        if rng.random() < 0.15:
            Call.objects.create(ringing_at=ringing, ended_at=ringing + dt.timedelta(seconds=rng.randint(1, 90)),
                                outcome=Outcome.MISSED, operator=None if rng.random() < 0.8 else operator)
            continue
        long = rng.random() < 0.05  # some beyond the whole-second buckets
        answered = ringing + dt.timedelta(seconds=rng.randint(0, 4000 if long else 120))
        found = answered + dt.timedelta(seconds=rng.randint(0, 90)) if rng.random() < 0.9 else None
        call = Call(ringing_at=ringing, answered_at=answered, found_at=found, operator=operator,
                    outcome=Outcome.INFORMATION)
        after = found or answered
        if found and rng.random() < 0.25:
            call.transferred_at = after + dt.timedelta(seconds=rng.randint(1, 400))
            call.connected_at = call.transferred_at + dt.timedelta(seconds=rng.randint(0, 60))
            call.specialist_ended_at = call.connected_at + dt.timedelta(seconds=rng.randint(1, 2500 if long else 300))
            call.ended_at = call.specialist_ended_at
        else:
            call.ended_at = after + dt.timedelta(seconds=rng.randint(1, 600))
        if rng.random() < 0.8:
            call.wrapped_up_at = call.ended_at + dt.timedelta(seconds=rng.randint(0, 400))
        call.save()


FIRST = dt.date(2025, 12, 20)  # the random set: 55 days, to 12 February, January whole


def test_the_summary_equals_the_row_level_figures_on_a_random_set(operator, supervisor, specialist):
    rng = random.Random(20260302)
    random_calls(rng, [operator, supervisor, None], days=55, count=600, first=FIRST)
    CallCentreNorms.objects.create(waiting=30, finding=20, informing=200, wrap_up=100, connecting=25,
                                   specialist=150)
    assert_summary_is_the_calls()
    longest = {m.code: Call.objects.aggregate(top=Max(m.seconds()))["top"] for m in stats.MEASURES}
    assert longest["waiting"] > summary.FINE  # the set reaches the coarse tail
    d = dt.date
    periods = [
        stats.Period(FIRST, d(2026, 2, 12)),  # January whole, odd days on both sides, across the year's end
        stats.Period(d(2025, 12, 24), d(2026, 1, 15)),  # from mid-month to mid-month across the year's end
        stats.Period(d(2026, 1, 1), d(2026, 1, 31)),  # a whole month alone
        stats.Period(d(2026, 1, 1), d(2026, 2, 5)),  # a whole month and odd days after it
        stats.Period(d(2026, 1, 10), d(2026, 1, 11)),  # two days
        stats.Period(FIRST, d(2026, 2, 12), operator.pk),
        stats.Period(d(2025, 12, 24), d(2026, 1, 15), supervisor.pk),
    ]
    assert_periods_agree(periods, longest)

    # Calls moved across a month's and a year's end, to another operator, and deleted: the rows follow.
    for call in Call.objects.filter(ringing_at__date__gte=d(2026, 1, 1), ringing_at__date__lte=d(2026, 1, 3))[:20]:
        move(call, dt.timedelta(days=-7))
    for call in Call.objects.filter(ringing_at__date__gte=d(2026, 1, 29), operator=operator)[:10]:
        call.operator = supervisor
        move(call, dt.timedelta(days=5))
    Call.objects.filter(ringing_at__date=d(2026, 1, 20)).delete()
    assert_summary_is_the_calls()
    assert_periods_agree(periods, longest)


def move(call: Call, by: dt.timedelta) -> None:
    for name in summary.FIELDS[:-1]:  # its moments, all of them
        if getattr(call, name) is not None:
            setattr(call, name, getattr(call, name) + by)
    call.save()


def assert_periods_agree(periods: list[stats.Period], longest: dict[str, float]) -> None:
    for period in periods:
        for by in BY:
            assert_same(stats.aggregate(period, by), stats.aggregate_calls(period, by), longest)
        assert stats.operators_on_shift(period) == pytest.approx(stats.operators_on_shift_calls(period))


def assert_same(fast: list[stats.Group], slow: list[stats.Group], longest: dict[str, float]) -> None:
    slow_by_key = {g.key: g for g in slow}
    assert {g.key for g in fast} == set(slow_by_key)
    for group in fast:
        other = slow_by_key[group.key]
        assert (group.calls, group.missed) == (other.calls, other.missed), group.key
        assert group.talk == pytest.approx(other.talk, abs=0.01)
        for code, figure in group.figures.items():
            reference = other.figures[code]
            assert (figure.count, figure.within) == (reference.count, reference.within), (group.key, code)
            assert figure.average == pytest.approx(reference.average, abs=0.01)
            if reference.p90 is None:
                assert figure.p90 is None
            else:  # exact for whole seconds up to FINE; with longer values about, within a tail's bucket
                bound = 0.01 if longest[code] <= summary.FINE else summary.TAIL_STEP
                assert abs(figure.p90 - reference.p90) <= bound, (group.key, code, figure.p90, reference.p90)


def cells() -> dict:
    return {(c.day, c.hour, c.operator_key): (c.calls, c.missed, c.talk_count, round(c.talk_sum, 3),
                                              bytes(c.histogram))
            for c in CallSummary.objects.all()}


def rows() -> dict:
    return {(r.span, r.start, r.key): (r.calls, r.missed, r.talk_count, r.operators, bytes(r.histogram),
                                       *(round(getattr(r, f"{code}_sum"), 3) for code in ("talk", *summary.CODES)))
            for r in CallRollup.objects.all()}


def assert_summary_is_the_calls() -> None:
    """The summary kept step by step is what a rebuild from the calls makes, its cells and their rows."""
    kept, kept_rows = cells(), rows()
    summary.rebuild()
    assert cells() == kept
    assert rows() == kept_rows

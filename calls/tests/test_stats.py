"""The measures of table 5.3.1 over a small known day: averages, the 90th percentile, the share within the norm,
missed calls and the hours that break the waiting norm; the page for supervisors only."""

import datetime as dt
import re
import statistics

import pytest
from django.db import connection

from calls import stats
from calls.models import Call, CallCentreNorms, Outcome
from deadlines.calendar import MOSCOW

DAY = dt.date(2026, 3, 2)
WAITS_AT_10 = [5, 10, 15, 20, 25, 30, 35, 40, 45, 120]  # seconds; the 90th percentile is 52.5
WAITS_AT_14 = [3, 4, 5, 6]


def at(hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(DAY.year, DAY.month, DAY.day, hour, minute, second, tzinfo=MOSCOW)


def a_call(ringing: dt.datetime, wait: int | None, operator=None, *, talk: int = 120, wrap_up: int | None = 60,
           finding: int | None = 30) -> Call:
    if wait is None:
        return Call.objects.create(ringing_at=ringing, ended_at=ringing + dt.timedelta(seconds=30),
                                   outcome=Outcome.MISSED)
    answered = ringing + dt.timedelta(seconds=wait)
    ended = answered + dt.timedelta(seconds=talk)
    return Call.objects.create(
        ringing_at=ringing, answered_at=answered, operator=operator,
        found_at=answered + dt.timedelta(seconds=finding) if finding is not None else None,
        ended_at=ended, wrapped_up_at=ended + dt.timedelta(seconds=wrap_up) if wrap_up is not None else None,
        outcome=Outcome.INFORMATION)


@pytest.fixture
def known_day(operator, supervisor):
    for i, wait in enumerate(WAITS_AT_10):
        a_call(at(10, i * 5), wait, operator if i % 2 else supervisor)
    for i, wait in enumerate(WAITS_AT_14):
        a_call(at(14, i * 10), wait, operator)
    for i in range(7):
        a_call(at(10 if i < 4 else 15, 50 + i), None)
    a_call(at(10) - dt.timedelta(days=1), 500, operator)  # the day before: outside the period


def period(**kwargs) -> stats.Period:
    return stats.Period(DAY, DAY, **kwargs)


def test_totals_of_the_known_day(known_day):
    total = stats.totals(period())
    assert total.calls == 21 and total.missed == 7
    waiting = total.waiting
    waits = WAITS_AT_10 + WAITS_AT_14
    assert waiting.count == 14
    assert waiting.average == pytest.approx(sum(waits) / 14, abs=0.01)
    assert waiting.p90 == pytest.approx(statistics.quantiles(waits, n=10, method="inclusive")[-1], abs=0.01)
    assert waiting.within == 12  # 45 s and 120 s are over the 40 s
    assert total.figures["finding"].average == pytest.approx(30, abs=0.01)
    assert total.figures["wrap_up"].within == 14
    assert total.figures["connecting"].count == 0 and total.figures["connecting"].p90 is None
    assert total.talk == pytest.approx(120, abs=0.01) and total.handling == pytest.approx(180, abs=0.01)


def test_by_hour_the_ten_oclock_hour_breaks_the_waiting_norm(known_day):
    hours = {group.key: group for group in stats.aggregate(period(), "hour")}
    assert set(hours) == {10, 14, 15}
    assert hours[10].calls == 14 and hours[10].missed == 4 and hours[15].missed == 3
    assert hours[10].waiting.p90 == pytest.approx(52.5, abs=0.01)
    assert hours[10].waiting.breaks_norm
    assert not hours[14].waiting.breaks_norm
    assert hours[14].waiting.p90 == pytest.approx(5.7, abs=0.01)


def test_by_day_and_by_operator(known_day, operator, supervisor):
    days = stats.aggregate(stats.Period(DAY - dt.timedelta(days=1), DAY), "day")
    assert [(d.key, d.calls) for d in days] == [(DAY - dt.timedelta(days=1), 1), (DAY, 21)]
    by_operator = {g.key: g for g in stats.aggregate(period(), "operator")}
    assert by_operator[operator.pk].calls == 9 and by_operator[supervisor.pk].calls == 5
    assert by_operator[None].missed == 7
    assert stats.totals(period(operator_id=operator.pk)).calls == 9


def test_the_window_percentile_agrees_with_the_database_and_the_known_value(known_day):
    window = stats.percentiles_by_window(stats.Period(DAY, DAY).calls(), "hour", stats.WAITING)
    assert window[10] == pytest.approx(52.5, abs=0.01)
    assert window[14] == pytest.approx(5.7, abs=0.01)
    if connection.vendor == "postgresql":  # percentile_cont is what the page uses there
        hours = {group.key: group for group in stats.aggregate(period(), "hour")}
        assert hours[10].waiting.p90 == pytest.approx(window[10], abs=0.01)


def test_operators_on_shift_and_staffing(known_day):
    hours = {h.hour: h for h in stats.hours(period())}
    assert hours[10].on_shift == 2 and hours[14].on_shift == 1
    assert hours[10].calls_per_hour == 14
    assert hours[10].needed >= 1


def test_norms_come_from_the_configuration(known_day):
    CallCentreNorms.objects.create(waiting=60)
    hours = {group.key: group for group in stats.aggregate(period(), "hour")}
    assert not hours[10].waiting.breaks_norm
    assert hours[10].waiting.within == 9


def test_the_page_shows_the_known_day(client, known_day, supervisor):
    client.force_login(supervisor)
    response = client.get("/staff/calls/stats/", {"start": "2026-03-02", "end": "2026-03-02"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<strong id="calls-missed">7</strong>' in html
    assert '<strong id="calls-total">21</strong>' in html
    assert "нарушена в часы: 10:00–11:00." in html
    assert "<svg" in html and "Ожидание ответа оператора" in html
    # The chart's geometry in SVG's own number syntax, never the page's Russian decimal comma (the bars vanish).
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert re.findall(r'<rect class="bar-calls" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+"', svg)
    assert not re.search(r'(?:x|y|x1|x2|y1|y2|width|height)="[^"]*,', svg)
    # The day's row: waiting 25.9 s on average and 43.5 s at the 90th percentile, in whole seconds half up, over
    # its norm; finding the client's information 30 s, within.
    days = html[html.index('<table class="list calls-days">'):html.index('<table class="list calls-operators">')]
    assert '<td class="num calls-over">26 / 44</td><td class="num">30 / 30</td>' in days


def test_the_page_with_a_period_upside_down_says_so(client, supervisor):
    client.force_login(supervisor)
    response = client.get("/staff/calls/stats/", {"start": "2026-03-05", "end": "2026-03-02"})
    assert response.status_code == 200
    assert "Начало периода позже его конца." in response.content.decode()
    response = client.get("/staff/calls/stats/", {"start": "вчера"})
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["specialist", "operator"])
def test_the_page_is_refused_without_the_supervisors_right(client, db, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/staff/calls/stats/").status_code == 403
    assert client.get("/staff/calls/stats/cdr/").status_code == 403


def test_the_page_asks_to_log_in(client, db):
    response = client.get("/staff/calls/stats/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_export_is_a_workbook(client, known_day, supervisor):
    from io import BytesIO

    from openpyxl import load_workbook

    client.force_login(supervisor)
    response = client.get("/staff/calls/stats/export.xlsx", {"start": "2026-03-02", "end": "2026-03-02"})
    assert response.status_code == 200
    book = load_workbook(BytesIO(b"".join(response.streaming_content)))
    rows = [row[:2] for row in book["Показатели"].values]
    assert ("Пропущено", 7) in rows
    assert ("Ожидание ответа оператора", 40) in rows
    assert client.get("/staff/calls/stats/export.xlsx", {"start": "2026-03-05", "end": "2026-03-02"}).status_code == 400

"""The effect of an implemented measure on the appeals in the database: the matching appeals counted before and
after over equal windows, the others left out, the season named with last year's windows, and the page."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from appeals.models import Appeal, Reason
from conftest import create_appeal, create_building, happening_at
from deadlines.calendar import MOSCOW
from proposals import services
from proposals.checks import effect_windows
from proposals.effect import YEAR_BEFORE, effect_of, windows

pytestmark = pytest.mark.django_db

IMPLEMENTED = dt.date(2026, 4, 1)
TODAY = dt.date(2026, 5, 31)


def _appeals(days: list[dt.date], **where) -> None:
    for n, day in enumerate(days):
        create_appeal(received_at=dt.datetime.combine(day, dt.time(9 + n % 8, 0), tzinfo=MOSCOW), **where)


def _spread(start: dt.date, end: dt.date, count: int) -> list[dt.date]:
    span = (end - start).days
    return [start + dt.timedelta(days=i * span // count) for i in range(count)]


def _implemented(supervisor, **where):
    with happening_at(dt.datetime(2026, 3, 20, 10, 0, tzinfo=MOSCOW)):
        proposal = services.open_proposal(supervisor, problem="Протечки кровли", measure="Ремонт кровли",
                                          owner=supervisor, **where)
    with happening_at(dt.datetime(2026, 4, 1, 18, 0, tzinfo=MOSCOW)):
        return services.mark_implemented(proposal, supervisor, on=IMPLEMENTED, by=supervisor, what="Кровля заменена")


def test_the_matching_appeals_before_and_after_are_counted_over_equal_windows(supervisor, building):
    roof = Reason.objects.get(code="roof-damage")
    days, before, after = windows(IMPLEMENTED, TODAY)
    assert days == 59 and before == (dt.date(2026, 2, 1), IMPLEMENTED) and after == (dt.date(2026, 4, 2), TODAY)
    _appeals(_spread(*before, 30), reason="roof-damage", building=building)
    _appeals(_spread(*after, 6), reason="roof-damage", building=building)
    _appeals(_spread(*after, 8), reason="heating-none", building=building)  # another reason
    _appeals(_spread(*after, 8), reason="roof-damage", building=create_building(house="9"))  # another house
    _appeals([IMPLEMENTED, TODAY], reason="roof-damage", building=building)  # the day itself and today: not counted
    proposal = _implemented(supervisor, reason=roof, building=building)

    effect = effect_of(proposal, today=TODAY)
    assert effect.ready
    c = effect.comparison
    assert (c.before, c.days_before, c.after, c.days_after) == (30, 59, 6, 59)
    assert c.verdict == "снижение на 80 %, случайностью не объясняется"
    assert sum(row[2] for row in effect.table.rows) == 36
    split = effect.table.split_at
    assert effect.table.rows[split - 1][1] == "до" and effect.table.rows[split][1] == "после"
    assert effect.table.chart()["split"]["label"] == "▼ мера внедрена 01.04.2026"


def test_windows_in_different_seasons_are_shown_beside_the_same_windows_a_year_earlier(supervisor, building):
    _, before, after = windows(IMPLEMENTED, TODAY)
    _appeals(_spread(*before, 20), reason="roof-damage", building=building)
    _appeals(_spread(*after, 5), reason="roof-damage", building=building)
    _appeals(_spread(before[0] - YEAR_BEFORE, before[1] - YEAR_BEFORE, 12), reason="roof-damage", building=building)
    _appeals(_spread(after[0] - YEAR_BEFORE, after[1] - YEAR_BEFORE, 11), reason="roof-damage", building=building)
    proposal = _implemented(supervisor, reason=Reason.objects.get(code="roof-damage"), building=building)

    effect = effect_of(proposal, today=TODAY)
    assert "«до» — в отопительный сезон, «после» — частично в отопительный сезон" in effect.season
    assert (effect.reference.before, effect.reference.after) == (12, 11)
    assert effect.reference.verdict.startswith("изменение в пределах случайных колебаний")


def test_without_a_reason_of_its_own_the_linked_appeals_say_what_matches(supervisor, building):
    _, before, after = windows(IMPLEMENTED, TODAY)
    _appeals(_spread(*before, 12), reason="roof-damage", building=building)
    _appeals(_spread(*after, 12), reason="roof-damage", building=building)
    proposal = _implemented(supervisor)
    services.link_appeal(proposal, supervisor, Appeal.objects.earliest("received_at"))
    effect = effect_of(proposal, today=TODAY)
    assert (effect.comparison.before, effect.comparison.after) == (12, 12)
    assert effect.matching == f"«{Reason.objects.get(code='roof-damage').name}», {building.address}"
    assert effect.comparison.verdict == "изменение в пределах случайных колебаний"


def test_nothing_to_compare_without_any_reason_is_said(supervisor):
    effect = effect_of(_implemented(supervisor), today=TODAY)
    assert not effect.ready and effect.message.startswith("Не с чем сравнивать")


def test_the_page_shows_the_verdict_the_chart_and_its_table(supervisor, building):
    today = timezone.localdate()
    on = today - dt.timedelta(days=43)
    _, before, after = windows(on, today)
    _appeals(_spread(*before, 25), reason="roof-damage", building=building)
    _appeals(_spread(*after, 4), reason="roof-damage", building=building)
    proposal = services.open_proposal(supervisor, problem="Протечки", measure="Ремонт", owner=supervisor,
                                      reason=Reason.objects.get(code="roof-damage"), building=building)
    proposal.registered_at = timezone.now() - dt.timedelta(days=60)
    proposal.save()
    services.mark_implemented(proposal, supervisor, on=on, by=supervisor, what="Кровля заменена")
    client = Client()
    client.force_login(supervisor)
    text = client.get(proposal.get_absolute_url()).content.decode()
    assert "Снижение на 84 %, случайностью не объясняется." in text
    assert '<svg viewBox="0 0 640' in text and 'data-table="effect"' in text
    assert "За 42 дн. до внедрения — 25 обращ., за 42 дн. после — 4" in text


def test_a_minimum_window_above_the_maximum_is_a_configuration_error(settings):
    assert effect_windows(None) == []
    settings.PROPOSAL_EFFECT_MIN_DAYS, settings.PROPOSAL_EFFECT_MAX_DAYS = 30, 20
    assert [e.id for e in effect_windows(None)] == ["proposals.E001"]


def test_the_windows_are_capped_at_the_configured_maximum(settings):
    settings.PROPOSAL_EFFECT_MAX_DAYS = 90
    days, before, after = windows(dt.date(2026, 1, 1), dt.date(2026, 12, 1))
    assert days == 90 and before == (dt.date(2025, 10, 3), dt.date(2026, 1, 1))
    assert after == (dt.date(2026, 1, 2), dt.date(2026, 4, 2))

"""The one rule: which outages are in force for a building, now or at a given moment."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import create_building
from reference import outages

from .factories import create_outage

pytestmark = pytest.mark.django_db


def test_an_outage_that_has_started_and_not_ended_is_in_force_for_its_building(building):
    outage = create_outage(building)
    assert outages.current_for(building) == [outage]
    assert list(outages.current()) == [outage]


def test_an_outage_not_started_yet_is_not_in_force_but_upcoming(building):
    outage = create_outage(building, starts_in_hours=3)
    assert outages.current_for(building) == []
    assert list(outages.upcoming()) == [outage]


def test_an_ended_outage_is_not_in_force(building):
    create_outage(building, starts_in_hours=-10, lasts_hours=8)
    assert outages.current_for(building) == []
    assert list(outages.upcoming()) == []


def test_an_outage_ends_at_its_expected_end_exactly(building):
    outage = create_outage(building)
    assert outages.current_for(building, at=outage.ends_at - dt.timedelta(seconds=1)) == [outage]
    assert outages.current_for(building, at=outage.ends_at) == []
    assert outages.current_for(building, at=outage.starts_at) == [outage]


def test_an_outage_with_no_end_known_stays_in_force(building):
    outage = create_outage(building, lasts_hours=None)
    assert outages.current_for(building, at=timezone.now() + dt.timedelta(days=30)) == [outage]


def test_an_unpublished_outage_is_not_in_force(building):
    create_outage(building, is_published=False)
    assert outages.current_for(building) == []


def test_an_outage_is_in_force_only_for_its_own_buildings(building):
    other = create_building("Литейный проспект", "32")
    create_outage(building)
    assert outages.current_for(other) == []
    assert outages.current_for(None) == []

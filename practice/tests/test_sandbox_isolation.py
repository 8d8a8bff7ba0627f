"""A practice call leaves the live journal, numbering, notifications and statistics as they were."""

import pytest
from django.core.cache import cache
from django.test import Client

from appeals.models import Appeal, AppealEvent, Applicant, Notification, NumberSequence
from conftest import create_appeal
from insights import cache as statistics_cache
from notifications.models import Message
from practice.models import Attempt

from .factories import make_scenario, perfect_post

pytestmark = pytest.mark.django_db


def _live_state() -> dict:
    return {
        "appeals": Appeal.objects.count(), "applicants": Applicant.objects.count(),
        "sequence": list(NumberSequence.objects.values_list("year", "last")),
        "staff notifications": Notification.objects.count(), "outbox": Message.objects.count(),
        "events": AppealEvent.objects.count(), "statistics version": cache.get(statistics_cache.VERSION_KEY),
    }


def test_a_practice_call_changes_nothing_live(operator, building):
    create_appeal()  # a live journal with a number taken this year
    statistics_cache.cached("probe", "", lambda: 1)  # the statistics' version exists, so a move would show
    scenario = make_scenario(building)
    before = _live_state()
    assert before["appeals"] == 1 and before["sequence"] and before["statistics version"] is not None

    client = Client()
    client.force_login(operator)
    assert client.get(f"/staff/practice/{scenario.pk}/").status_code == 200
    attempt = Attempt.objects.get()
    assert client.post(f"/staff/practice/attempts/{attempt.pk}/ask/1/", perfect_post(scenario)).status_code == 200
    response = client.post(f"/staff/practice/attempts/{attempt.pk}/", perfect_post(scenario))
    assert response.status_code == 302

    attempt.refresh_from_db()
    assert attempt.score is not None
    assert _live_state() == before


def test_a_real_registration_would_have_moved_the_same_counts(operator, building):
    """The comparison above can fail: registering for real moves the counts it watches."""
    statistics_cache.cached("probe", "", lambda: 1)
    before = _live_state()
    create_appeal()
    after = _live_state()
    assert after["appeals"] == before["appeals"] + 1 and after["sequence"] != before["sequence"]
    assert after["events"] > before["events"]

"""The journal's due filters: the same appeals newest first, whether they are few (read and sorted) or
many (walked down the newest-first index)."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals import journal, services
from appeals.journal import JournalFilter, apply_filter, count_found
from appeals.models import Appeal
from conftest import create_appeal

pytestmark = pytest.mark.django_db


@pytest.fixture
def appeals_due():
    now = timezone.now()
    late = [create_appeal(reason="roof-damage", received_at=now - dt.timedelta(days=40 - i)) for i in range(5)]
    paused = create_appeal(reason="roof-damage", received_at=now - dt.timedelta(days=35))
    services.transition(paused, "request_clarification", None, note="Уточнить номер квартиры")
    fresh = [create_appeal(reason="roof-damage", received_at=now - dt.timedelta(hours=i)) for i in range(1, 4)]
    return late, fresh


def _numbers(due: str) -> list[str]:
    return list(apply_filter(Appeal.objects.all(), JournalFilter(due=due)).values_list("number", flat=True))


def test_overdue_lists_running_overdue_appeals_newest_first(appeals_due):
    late, _fresh = appeals_due
    expected = [a.number for a in sorted(late, key=lambda a: a.received_at, reverse=True)]
    assert _numbers("overdue") == expected
    assert count_found(Appeal.objects.all(), JournalFilter(due="overdue")).count == 5


def test_many_matches_are_walked_with_the_same_answer(appeals_due, monkeypatch):
    sorted_answer = _numbers("overdue")
    monkeypatch.setattr(journal, "COUNT_LIMIT", 2)  # "many" from three on
    assert _numbers("overdue") == sorted_answer
    assert "COALESCE" not in str(apply_filter(Appeal.objects.all(), JournalFilter(due="overdue")).query)


def test_a_due_filter_with_no_match_lists_nothing(appeals_due):
    Appeal.objects.update(status="closed")
    assert _numbers("overdue") == [] and _numbers("soon") == []


def test_the_api_journal_keeps_newest_first_under_a_due_filter(appeals_due, client, operator):
    from accounts.models import ApiToken

    _token, key = ApiToken.issue(operator)
    answer = client.get("/api/v1/appeals?due=overdue", headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200
    assert [i["number"] for i in answer.json()["items"]] == _numbers("overdue")

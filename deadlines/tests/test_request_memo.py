"""The calendar's overrides and the norms are read once per request, not once per row of a list."""

import datetime as dt

import pytest
from django.core.cache import cache as real_cache
from django.test import RequestFactory

from conftest import create_appeal
from deadlines import calendar, norms
from deadlines.models import CalendarOverride
from priemnaya.request_memo import RequestMemo

pytestmark = pytest.mark.django_db


class CountingCache:
    """The real cache, counting the reads of each key."""

    def __init__(self):
        self.reads: dict[str, int] = {}

    def get(self, key, *args, **kwargs):
        self.reads[key] = self.reads.get(key, 0) + 1
        return real_cache.get(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(real_cache, name)


@pytest.fixture
def counting(monkeypatch):
    spy = CountingCache()
    monkeypatch.setattr(calendar, "cache", spy)
    monkeypatch.setattr(norms, "cache", spy)
    return spy


def test_a_journal_page_of_many_rows_reads_the_calendar_and_the_norms_once(client, supervisor, counting):
    for n in range(30):
        create_appeal(f"Протекает крыша, случай {n}")
    client.force_login(supervisor)
    counting.reads.clear()  # making the appeals read them too, outside a request
    page = client.get("/staff/journal/")
    assert page.status_code == 200 and page.content.decode().count("/staff/appeals/26-") >= 30
    assert counting.reads.get(calendar.OVERRIDES_CACHE_KEY, 0) == 1
    assert counting.reads.get(norms.NORMS_CACHE_KEY, 0) <= 1


def test_outside_a_request_each_call_reads_afresh(counting):
    calendar.overrides()
    calendar.overrides()
    assert counting.reads[calendar.OVERRIDES_CACHE_KEY] == 2


def test_an_override_saved_during_a_request_counts_in_that_request():
    holiday = dt.date(2026, 12, 28)  # a Monday
    seen = []

    def view(request):
        seen.append(calendar.is_working_day(holiday))
        CalendarOverride.objects.create(date=holiday, is_working=False, note="Указ")
        seen.append(calendar.is_working_day(holiday))
        return None

    RequestMemo(view)(RequestFactory().get("/"))
    assert seen == [True, False]

"""A search's page read among the newest appeals first (`journal.read_rows`) is the page of the whole journal."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appeals.journal import JournalFilter, apply_filter, read_rows
from appeals.models import Appeal
from conftest import create_appeal

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


def _at(days_ago: float, text: str) -> Appeal:
    appeal = create_appeal(text)
    Appeal.objects.filter(pk=appeal.pk).update(received_at=NOW - dt.timedelta(days=days_ago))
    return appeal


@pytest.fixture
def journal():
    """Roof reports a day, a month and a year old, and a burst of the newest appeals about something else."""
    for n in range(4):
        _at(1 + n / 10, f"Протекает крыша, квартира {n}")
        _at(30 + n, f"Течёт крыша над кухней {n}")
        _at(300 + n, f"Крыша снова протекла {n}")
    for n in range(12):
        _at(n / 100, f"Нет горячей воды, квартира {n}")


@pytest.mark.parametrize("start,stop", [(0, 3), (0, 5), (3, 6), (4, 9), (8, 13), (10, 20), (0, 13), (20, 25)])
def test_a_page_read_in_windows_is_the_page_of_the_whole_journal(journal, start, stop):
    f = JournalFilter(q="крыша")
    queryset = apply_filter(Appeal.objects.all(), f, NOW)
    assert [a.pk for a in read_rows(queryset, f, start, stop, NOW)] == [a.pk for a in queryset[start:stop]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the words' index and its plans are PostgreSQL's")
def test_a_first_page_found_in_the_last_week_reads_only_the_last_week(journal):
    f = JournalFilter(q="крыша")
    queryset = apply_filter(Appeal.objects.all(), f, NOW)
    with CaptureQueriesContext(connection) as queries:
        rows = read_rows(queryset, f, 0, 3, NOW)
    page = [q["sql"] for q in queries if "ORDER BY COALESCE" in q["sql"]]
    assert len(rows) == 3 and len(page) == 1 and '"received_at" >=' in page[0]


def test_without_a_search_the_page_is_a_slice():
    create_appeal("Сломан домофон")
    f = JournalFilter()
    queryset = apply_filter(Appeal.objects.all(), f, timezone.now())
    with CaptureQueriesContext(connection) as queries:
        assert [a.text for a in read_rows(queryset, f, 0, 5)] == ["Сломан домофон"]
    assert len(queries) == 1

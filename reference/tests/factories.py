"""Small builders for the section's objects."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reference.models import NewsItem, Outage


def create_news(slug: str = "tarify", *, published: bool = True, days_ago: float = 1, **extra) -> NewsItem:
    fields = {"title": "С 1 июля меняются тарифы", "category": NewsItem.Category.TARIFFS,
              "lead": "Комитет по тарифам утвердил новые тарифы.", "body": "Первый абзац.\n\nВторой абзац."} | extra
    return NewsItem.objects.create(slug=slug, is_published=published,
                                   published_at=timezone.now() - dt.timedelta(days=days_ago), **fields)


def create_outage(*buildings, starts_in_hours: float = -2, lasts_hours: float | None = 8, **extra) -> Outage:
    starts = timezone.now() + dt.timedelta(hours=starts_in_hours)
    fields = {"resource": Outage.Resource.HOT_WATER, "kind": Outage.Kind.PLANNED} | extra
    outage = Outage.objects.create(starts_at=starts,
                                   ends_at=starts + dt.timedelta(hours=lasts_hours) if lasts_hours else None, **fields)
    outage.buildings.set(buildings)
    return outage


def count_queries(client, path: str) -> int:
    """The queries one GET of the page costs."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)

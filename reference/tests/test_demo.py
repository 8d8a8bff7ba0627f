"""The demo fills the section once and leaves what staff changed alone."""

import pytest

from conftest import create_building
from reference import demo, outages
from reference.models import NewsItem, Outage, PaymentPoint

pytestmark = pytest.mark.django_db


def test_the_loader_fills_every_list_and_says_so_in_one_line():
    for street, house, korpus in [("Литейный проспект", "32", ""), ("Литейный проспект", "46", ""),
                                  ("улица Марата", "7", "")]:
        create_building(street, house, korpus=korpus)
    line = demo.load()
    assert line.startswith("Справочная информация: новостей ") and "\n" not in line
    assert NewsItem.objects.published().filter(category="tariffs").exists()
    assert PaymentPoint.objects.filter(name__startswith="ПАО «Сбербанк»").exists()
    assert outages.current().count() == 2 and outages.upcoming().count() == 0  # Кирочная is not in this registry
    assert "lorem" not in " ".join(NewsItem.objects.values_list("body", flat=True)).lower()


def test_the_loader_run_again_changes_nothing_and_keeps_edits():
    create_building("улица Марата", "7")
    demo.load()
    point = PaymentPoint.objects.first()
    point.hours = "круглосуточно"
    point.save()
    counts = (NewsItem.objects.count(), Outage.objects.count(), PaymentPoint.objects.count())
    demo.load()
    assert (NewsItem.objects.count(), Outage.objects.count(), PaymentPoint.objects.count()) == counts
    assert PaymentPoint.objects.get(pk=point.pk).hours == "круглосуточно"

"""«Клиентам»: the regulatory base, the housing stock computed from the registry, articles."""

from decimal import Decimal

import pytest

from conftest import create_building
from housing.stock import housing_stock

from .factories import create_act, create_article
from .pages import checked_page

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


@pytest.fixture
def stock():
    create_building("улица Марата", "7", year_built=1887, floors=5, flats=40, total_area=Decimal("3210.5"),
                    living_area=Decimal("2001.0"))
    create_building("улица Марата", "9", year_built=1962, floors=5, flats=60, total_area=Decimal("2800.0"),
                    living_area=Decimal("1700.0"))
    create_building("Невский проспект", "10", year_built=1910, floors=6, flats=30, total_area=Decimal("2500.0"),
                    living_area=Decimal("1500.5"))
    create_building("Лиговский проспект", "44")  # no passport yet
    create_building("улица Рубинштейна", "3", is_active=False, year_built=1900, floors=4, flats=99,
                    total_area=Decimal("9999"))


def test_stock_is_aggregated_from_the_managed_buildings(stock):
    found = housing_stock()
    assert (found.buildings, found.flats, found.unknown_passport) == (4, 130, 1)
    assert found.total_area == Decimal("8510.5") and found.living_area == Decimal("5201.5")
    by_year = {band.label: (band.buildings, band.flats) for band in found.by_year}
    assert by_year["до 1917 года"] == (2, 70) and by_year["1946–1970"] == (1, 60) and by_year["1971–1990"] == (0, 0)
    assert [band.buildings for band in found.by_floors] == [0, 2, 1, 0]


def test_clients_page_shows_acts_stock_and_articles(client, stock):
    create_act("59-ФЗ", kind="law", issuer="Федеральное Собрание Российской Федерации", doc_type="федеральный закон",
               title="О порядке рассмотрения обращений граждан Российской Федерации")
    create_article()
    html = checked_page(client.get("/clients/"))
    assert "Федеральный закон от " in html and "59-ФЗ" in html
    assert f"8{NBSP}511&nbsp;м²" in html and ">130<" in html
    assert "Для 1 дома паспортные данные внесены не полностью" in html
    assert 'href="/clients/articles/zapah-gaza/"' in html


def test_article_page_shows_its_paragraphs(client):
    create_article()
    html = checked_page(client.get("/clients/articles/zapah-gaza/"))
    assert "<p>Откройте окна.</p>" in html and "<p>Позвоните 104.</p>" in html

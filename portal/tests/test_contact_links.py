"""The company's phones as it typed them become links a phone can dial; the site has an icon."""

import re

import pytest
from django.contrib.staticfiles import finders

from accounts.models import Company

pytestmark = pytest.mark.django_db


@pytest.fixture
def company():
    Company.objects.all().delete()
    return Company.objects.create(name="ООО «ЖКС № 1»", short_name="ЖКС № 1", phone="8 (812) 555-01-10",
                                  hotline="+7 (812) 555-01-01, круглосуточно", hq_name="Штаб",
                                  hq_phone="8 812 555 02 00, доб. 3")


def test_the_landing_page_dials_the_numbers_and_shows_them_as_typed(client, company):
    page = client.get("/").content.decode()
    assert 'href="tel:+78125550101"' in page
    assert 'href="tel:+78125550200"' in page
    assert "+7 (812) 555-01-01, круглосуточно" in page
    assert not re.search(r'href="tel:[^"]*[^\d+"]', page)  # nothing but digits after tel:


def test_a_short_number_dials_its_digits_and_a_line_without_one_no_link(client, company):
    company.hotline, company.hq_phone = "112", "по будням"
    company.save()
    page = client.get("/").content.decode()
    assert 'href="tel:112"' in page
    assert "Телефон: по будням" in page  # no number to dial: the words, and no link that goes nowhere
    assert 'href=""' not in page


def test_favicon_is_the_sites_icon(client):
    answer = client.get("/favicon.ico")
    assert answer.status_code == 301
    assert answer["Location"].endswith("favicon.svg")
    assert finders.find("favicon.svg")

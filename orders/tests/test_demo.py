"""The demo's paid services: a price list, the requisites and orders at each step; run twice, it adds nothing."""

import pytest

from accounts.models import Company
from conftest import create_building
from orders.demo import load
from orders.models import Invoice, Order, PaidService

pytestmark = pytest.mark.django_db


def test_demo_makes_the_price_list_orders_and_an_invoice_once():
    create_building()
    first = load()
    assert "Платные услуги" in first
    assert PaidService.objects.count() >= 8
    assert set(Order.objects.values_list("status", flat=True)) == {"new", "confirmed", "paid", "cancelled"}
    assert Invoice.objects.count() == 1
    assert Company.current().has_requisites
    load()
    assert Order.objects.count() == 5 and Invoice.objects.count() == 1


def test_demo_keeps_what_staff_edited():
    load()
    PaidService.objects.filter(name="Замена смесителя").update(price=2000)
    Company.objects.update(inn="7707083893")
    load()
    assert PaidService.objects.get(name="Замена смесителя").price == 2000
    assert Company.current().inn == "7707083893"

"""The anonymous status page (number + code) shows the order's status and amount, never the payer."""

import pytest

from orders import invoices

from .helpers import PAYER, company_with_requisites, confirmed, place

pytestmark = pytest.mark.django_db


def status_page(client, appeal) -> str:
    response = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_order_shows_the_list_price_as_not_final(client):
    order = place()
    html = status_page(client, order.appeal)
    assert "Заказ: Замена смесителя" in html and "Статус заказа: Новый" in html
    assert "Стоимость по перечню" in html and "1\u00a0234,56\u00a0₽" in html


def test_a_confirmed_order_with_an_invoice_shows_amount_date_and_invoice_but_not_the_payer(client, operator):
    company_with_requisites()
    order = confirmed(place(), operator, price="1500", quantity="2")
    invoice = invoices.issue_invoice(order, operator)
    html = status_page(client, order.appeal)
    assert "Статус заказа: Подтверждён" in html and "3\u00a0000,00\u00a0₽" in html
    assert f"№ {invoice.number}" in html and "Дата работ" in html
    for private in (PAYER, "Иванова", "+79211234567", "921", "ivanova@example.ru", "кв. 12", invoice.payer):
        assert private not in html, private


def test_an_appeal_that_is_no_order_shows_no_order_block(client):
    from conftest import create_appeal

    html = status_page(client, create_appeal())
    assert 'id="order"' not in html

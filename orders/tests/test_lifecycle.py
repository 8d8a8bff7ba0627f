"""The order's own life cycle: confirmed (price, date) → done → paid, or cancelled; each step needs its
permission, is checked by the server and written into the appeal's history."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals.access import Forbidden
from conftest import create_staff
from orders import services
from orders.models import Order
from orders.workflow import OrderStepError

from .helpers import confirmed, place

pytestmark = pytest.mark.django_db


def test_the_whole_way_from_new_to_paid_is_in_the_history(operator):
    order = confirmed(place(), operator, price="1500", quantity="2")
    assert order.status == "confirmed" and order.total == 3000
    order = services.complete(order, operator)
    order = services.mark_paid(order, operator)
    assert order.status == "paid" and order.paid_at is not None
    actions = list(order.appeal.events.values_list("action", flat=True))
    assert actions[-3:] == ["confirm_order", "complete_order", "pay_order"]
    note = order.appeal.events.get(action="confirm_order").note
    assert "3\u00a0000,00\u00a0₽" in note and "дата работ" in note


@pytest.mark.parametrize(("step", "message"), [
    (lambda o, u: services.complete(o, u), "невозможно, когда заказ в статусе «Новый»"),
    (lambda o, u: services.mark_paid(o, u), "невозможно"),
])
def test_steps_out_of_order_are_refused(operator, step, message):
    order = place()
    with pytest.raises(OrderStepError, match=message):
        step(order, operator)
    assert Order.objects.get().status == "new"


def test_a_paid_order_cannot_be_cancelled(operator):
    order = services.mark_paid(services.complete(confirmed(place(), operator), operator), operator)
    with pytest.raises(OrderStepError, match="невозможно"):
        services.cancel(order, operator, reason="Передумал")


def test_cancelling_needs_a_reason(operator):
    with pytest.raises(OrderStepError, match="причину"):
        services.cancel(place(), operator, reason="  ")
    order = services.cancel(place(), operator, reason="Заявитель отказался")
    assert order.status == "cancelled"


@pytest.mark.parametrize(("price", "message"), [
    ("-100", "больше нуля"), ("0", "больше нуля"), ("5000000", "лишние"), ("дорого", "введите число")])
def test_absurd_prices_are_refused(operator, price, message):
    with pytest.raises(OrderStepError, match=message):
        confirmed(place(), operator, price=price)


def test_work_date_far_in_the_past_is_refused(operator):
    with pytest.raises(OrderStepError, match="Дата работ"):
        services.confirm(place(), operator, price="100", work_date=timezone.localdate() - dt.timedelta(days=90))


def test_a_specialist_may_mark_the_work_done_but_not_confirm(operator):
    specialist = create_staff("plumber", "specialist", "paid")
    order = place()
    with pytest.raises(Forbidden):
        confirmed(order, specialist)
    order = services.complete(confirmed(order, operator), specialist)
    assert order.status == "done"


def _step_url(order, name):
    return f"/staff/orders/{order.appeal.number}/do/{name}/"


def test_a_role_without_the_permission_gets_403(client):
    specialist = create_staff("plumber", "specialist", "paid")
    order = place()
    client.force_login(specialist)
    response = client.post(_step_url(order, "confirm_order"), {"order-price": "100", "order-quantity": "1",
                                                               "order-work_date": "2030-01-01"})
    assert response.status_code == 403
    assert Order.objects.get().status == "new"


def test_staff_confirm_from_the_appeal_page(client, operator):
    order = place()
    client.force_login(operator)
    page = client.get(order.appeal.get_absolute_url()).content.decode()
    assert _step_url(order, "confirm_order") in page and _step_url(order, "complete_order") not in page
    work_date = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    response = client.post(_step_url(order, "confirm_order"), {"order-price": "1 500,00", "order-quantity": "1",
                                                               "order-work_date": work_date}, follow=True)
    assert response.status_code == 200 and "Заказ подтверждён." in response.content.decode()
    order.refresh_from_db()
    assert order.status == "confirmed" and str(order.price) == "1500.00"
    page = client.get(order.appeal.get_absolute_url()).content.decode()
    assert _step_url(order, "complete_order") in page and _step_url(order, "issue_invoice") in page
    assert _step_url(order, "confirm_order") not in page


@pytest.mark.parametrize("price", ["-1", "1e9", "<b>много</b>", ""])
def test_bad_price_from_the_page_is_a_message_not_a_500(client, operator, price):
    order = place()
    client.force_login(operator)
    response = client.post(_step_url(order, "confirm_order"), {"order-price": price, "order-quantity": "1",
                                                               "order-work_date": "2030-01-01"}, follow=True)
    assert response.status_code == 200 and "Действие не выполнено" in response.content.decode()
    assert Order.objects.get().status == "new"


def test_unknown_step_is_a_message(client, operator):
    order = place()
    client.force_login(operator)
    response = client.post(_step_url(order, "steal"), follow=True)
    assert response.status_code == 200 and "Неизвестное действие" in response.content.decode()


def test_an_appeal_that_is_no_order_has_no_order_steps(client, operator):
    from conftest import create_appeal

    appeal = create_appeal()
    client.force_login(operator)
    assert "id=\"order\"" not in client.get(appeal.get_absolute_url()).content.decode()
    assert client.post(f"/staff/orders/{appeal.number}/do/confirm_order/").status_code == 404

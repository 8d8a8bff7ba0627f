"""The public order form: an order becomes an appeal of kind «заявка» from the web, with number and code."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals.models import Appeal
from conftest import create_building
from orders.models import Order

from .helpers import create_service

pytestmark = pytest.mark.django_db


def order_data(service_, building_, **changes) -> dict:
    service, building = service_, building_
    data = {"service": str(service.pk), "full_name": "Сидорова Анна Ильинична", "phone": "8 (921) 765-43-21",
            "email": "sidorova@example.ru", "address": building.address, "building": str(building.pk),
            "flat": "15", "preferred_date": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
            "comment": "Удобно после 18:00", "consent": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_catalogue_lists_services_with_prices_and_order_links(client):
    service = create_service()
    html = client.get("/orders/").content.decode()
    assert "Замена смесителя" in html and "1\u00a0234,56\u00a0₽" in html
    assert f"/orders/new/?service={service.pk}" in html


def test_form_preselects_the_service_from_the_link(client):
    service = create_service()
    html = client.get(f"/orders/new/?service={service.pk}").content.decode()
    assert f'<option value="{service.pk}" selected>' in html
    for name in ("full_name", "phone", "email", "address", "flat", "preferred_date", "comment", "consent"):
        assert f'name="{name}"' in html


@pytest.mark.parametrize("raw", ["999999", "abc", "-1", "1 OR 1=1"])
def test_unknown_service_in_the_link_is_explained(client, raw):
    create_service()
    response = client.get("/orders/new/", {"service": raw})
    assert response.status_code == 200
    assert "Такой услуги нет в перечне" in response.content.decode()


def test_order_becomes_a_web_request_linked_to_the_service(client):
    service, building = create_service(), create_building()
    response = client.post("/orders/new/", order_data(service, building))
    assert response.status_code == 302 and response["Location"] == "/orders/done/"
    order = Order.objects.select_related("appeal__applicant").get()
    appeal = order.appeal
    assert appeal.kind == "request" and appeal.channel == "web"
    assert appeal.building == building and appeal.flat == "15"
    assert appeal.applicant.phone == "+79217654321"
    assert appeal.reason.code == "paid-order"
    assert order.service == service and order.price == service.price and order.status == "new"
    assert "Замена смесителя" in appeal.text and "Удобно после 18:00" in appeal.text
    done = client.get("/orders/done/").content.decode()
    assert appeal.number in done and appeal.access_code in done


def test_posting_the_same_form_twice_makes_one_order(client):
    service, building = create_service(), create_building()
    data = order_data(service, building, once="token-123")
    client.post("/orders/new/", data)
    client.post("/orders/new/", data)
    assert Order.objects.count() == Appeal.objects.count() == 1


@pytest.mark.parametrize(("changes", "message"), [
    ({"service": "999999"}, "Такой услуги нет в перечне"),
    ({"service": ""}, "Выберите услугу"),
    ({"consent": None}, "Без согласия"),
    ({"phone": "", "email": ""}, "Укажите телефон или электронную почту"),
    ({"phone": "12345"}, "елефон"),
    ({"preferred_date": "2001-01-01"}, "Желаемая дата"),
    ({"preferred_date": "31.02.2026"}, "Введите дату"),
    ({"address": "", "building": ""}, "Укажите адрес"),
    ({"comment": "x" * 2001}, "Комментарий не длиннее"),
    ({"full_name": "<script>alert(1)</script>"}, ""),
])
def test_bad_input_is_explained_in_russian_and_nothing_is_made(client, changes, message):
    service, building = create_service(), create_building()
    response = client.post("/orders/new/", order_data(service, building, **changes))
    html = response.content.decode()
    if changes.get("full_name"):  # a hostile name is either refused or kept as text, never markup
        assert "<script>alert(1)</script>" not in html
        return
    assert response.status_code == 200 and message in html
    assert "Заказ пока не отправлен" in html
    assert not Order.objects.exists() and not Appeal.objects.exists()


def test_inactive_service_cannot_be_ordered(client):
    service, building = create_service(is_active=False), create_building()
    response = client.post("/orders/new/", order_data(service, building))
    assert "Такой услуги нет в перечне" in response.content.decode()
    assert not Order.objects.exists()


def test_the_form_is_rate_limited_like_the_appeal_form(client, settings):
    settings.PUBLIC_RATE_LIMIT = 2
    service, building = create_service(), create_building()
    codes = [client.post("/orders/new/", order_data(service, building, consent=None)).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_done_page_without_an_order_goes_back_to_the_form(client):
    response = client.get("/orders/done/")
    assert response.status_code == 302 and response["Location"] == "/orders/new/"


def test_pages_stay_small_and_carry_no_inline_styles(client):
    service = create_service()
    for url in ("/orders/", f"/orders/new/?service={service.pk}"):
        response = client.get(url)
        html = response.content.decode()
        assert len(response.content) < 100_000
        assert "style=" not in html and "<style" not in html
        assert "<script>" not in html

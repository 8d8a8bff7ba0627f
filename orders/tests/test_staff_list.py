"""The back office list of orders: filtered by status, behind its permission, without a query per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import create_staff
from orders import invoices, services

from .helpers import company_with_requisites, confirmed, create_service, place

pytestmark = pytest.mark.django_db


def test_the_list_filters_by_status(client, operator):
    new = place()
    done = services.complete(confirmed(place(create_service("Поверка счётчика воды", "900")), operator), operator)
    client.force_login(operator)
    html = client.get("/staff/orders/").content.decode()
    assert new.appeal.number in html and done.appeal.number in html
    html = client.get("/staff/orders/", {"status": "done"}).content.decode()
    assert done.appeal.number in html and new.appeal.number not in html
    assert client.get("/staff/orders/", {"status": "<script>"}).status_code == 200


def test_the_list_needs_the_permission(client):
    client.force_login(create_staff("plumber", "specialist", "paid"))
    assert client.get("/staff/orders/").status_code == 403


def test_the_staff_nav_links_the_list_only_for_who_may_see_it(client, operator):
    client.force_login(operator)
    assert 'href="/staff/orders/"' in client.get("/staff/orders/").content.decode()
    client.force_login(create_staff("plumber", "specialist", "paid"))
    assert 'href="/staff/orders/"' not in client.get("/staff/my/").content.decode()


def test_the_list_reads_every_row_in_a_fixed_number_of_queries(client, operator):
    company_with_requisites()
    client.force_login(operator)
    invoices.issue_invoice(confirmed(place(), operator), operator)
    client.get("/staff/orders/")
    with CaptureQueriesContext(connection) as few:
        client.get("/staff/orders/")
    for _ in range(5):
        place()
    with CaptureQueriesContext(connection) as many:
        response = client.get("/staff/orders/")
    assert response.status_code == 200
    assert len(many) == len(few)

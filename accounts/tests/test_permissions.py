"""Permissions are read once and shared, and a change of role is seen by the very next request."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import ApiToken
from conftest import create_staff

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    return Client(headers={"Authorization": f"Bearer {ApiToken.issue(user)[1]}"})


def _create(client):
    return client.post("/api/v1/appeals", {"text": "Течёт кран на кухне"}, content_type="application/json")


def test_a_later_request_reads_no_permission_tables():
    client = _client(create_staff("operator", "operator", "crm"))
    assert _create(client).status_code == 201
    with CaptureQueriesContext(connection) as later:
        assert _create(client).status_code == 201
    assert not [q["sql"] for q in later.captured_queries if "auth_permission" in q["sql"]]


def test_leaving_a_role_is_seen_by_the_next_request():
    operator = create_staff("operator", "operator", "crm")
    client = _client(operator)
    assert _create(client).status_code == 201
    operator.groups.clear()
    assert _create(client).status_code == 403


def test_a_permission_taken_from_a_role_is_seen_by_the_next_request():
    operator = create_staff("operator", "operator", "crm")
    client = _client(operator)
    assert _create(client).status_code == 201
    role = operator.groups.get()
    receive = list(role.permissions.filter(codename="register_appeal"))
    assert receive
    role.permissions.remove(*receive)
    assert _create(client).status_code == 403
    role.permissions.add(*receive)
    assert _create(client).status_code == 201


def test_a_new_role_is_seen_by_the_next_request():
    clerk = create_staff("someone", "specialist", "crm")
    client = _client(clerk)
    assert _create(client).status_code == 403
    clerk.groups.add(Group.objects.filter(permissions__codename="register_appeal").first())
    assert _create(client).status_code == 201


def test_a_deleted_permission_is_forgotten():
    operator = create_staff("operator", "operator", "crm")
    client = _client(operator)
    assert _create(client).status_code == 201
    Permission.objects.filter(group__in=operator.groups.all(), codename="register_appeal").delete()
    assert _create(client).status_code == 403

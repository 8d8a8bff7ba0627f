"""Staff and residents never mix: a resident reaches no staff page, a staff member is no resident."""

import pytest
from django.contrib.auth.models import User

from conftest import PASSWORD as STAFF_PASSWORD
from conftest import create_staff
from residents.session import SESSION_KEY

from .conftest import PASSWORD, create_resident


@pytest.mark.parametrize("path", ["/staff/", "/staff/journal/", "/staff/forum/", "/admin/"])
def test_a_resident_reaches_no_staff_page(resident_client, path):
    response = resident_client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(("/staff/login/", "/admin/login/"))


def test_a_resident_gets_nothing_from_the_staff_api(resident_client):
    assert resident_client.get("/api/v1/appeals").status_code == 401


def test_a_staff_user_with_the_same_email_gives_the_resident_nothing(client, db):
    """Someone made a user with the resident's e-mail and staff flags: the resident's session is still no user."""
    resident = create_resident("ivanova@mail.ru")
    User.objects.create_user("ivanova", "ivanova@mail.ru", PASSWORD, is_staff=True, is_superuser=True)
    client.post("/account/login/", {"identifier": "ivanova@mail.ru", "password": PASSWORD})
    assert client.session[SESSION_KEY] == resident.pk
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert client.get("/staff/")["Location"].startswith("/staff/login/")


def test_a_resident_password_does_not_open_the_staff_log_in(client, resident):
    client.post("/staff/login/", {"username": "ivanova@mail.ru", "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_staff_credentials_do_not_open_the_resident_area(client, db):
    create_staff("operator", "operator", "crm")
    response = client.post("/account/login/", {"identifier": "operator@example.ru", "password": STAFF_PASSWORD})
    assert "Неверная электронная почта" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_staff_session_is_no_resident(client, resident, supervisor):
    client.force_login(supervisor)
    response = client.post("/account/login/", {"identifier": "ivanova@mail.ru", "password": PASSWORD})
    assert "Вы вошли в рабочее место сотрудника" in response.content.decode()
    assert SESSION_KEY not in client.session
    session = client.session
    session[SESSION_KEY] = resident.pk  # even a session holding both is no resident's
    session.save()
    assert client.get("/account/")["Location"].startswith("/account/login/")


def test_a_staff_log_in_ends_the_resident_session(resident_client, supervisor):
    resident_client.post("/staff/login/", {"username": "supervisor", "password": STAFF_PASSWORD})
    assert resident_client.session.get("_auth_user_id") == str(supervisor.pk)
    assert SESSION_KEY not in resident_client.session

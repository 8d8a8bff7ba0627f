"""A staff member is created on one admin screen: account, role and staff profile together."""

import re

import pytest
from django.contrib.auth.models import User

from accounts.models import Department
from accounts.roles import ROLE_TITLES, SPECIALIST, role_of
from conftest import create_staff

pytestmark = pytest.mark.django_db

URL = "/admin/auth/user/add/"
PASSWORD = "Sinyaya-Lampa-42"


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def specialist_form(**changes) -> dict:
    form = {
        "username": "petrova", "password1": PASSWORD, "password2": PASSWORD,
        "last_name": "Петрова", "first_name": "Анна", "email": "petrova@example.ru", "role": SPECIALIST,
        "department": Department.objects.get(code="tech").pk, "position": "инженер", "phone": "+7 812 555-01-02",
        "is_available": "on",
    }
    form.update(changes)
    return {name: value for name, value in form.items() if value is not None}


def errors(response) -> list[str]:
    return re.findall(r'<ul class="errorlist"[^>]*><li>(.*?)</li>', response.content.decode())


def test_add_page_holds_the_account_the_role_and_the_profile(admin_client):
    page = admin_client.get(URL).content.decode()
    for name in ("username", "password1", "password2", "last_name", "first_name", "email", "role", "department",
                 "position", "phone", "is_available"):
        assert f'name="{name}"' in page, name
    for title in ROLE_TITLES.values():
        assert f">{title}</option>" in page
    assert "Доступен для назначения" in page
    assert "profile-TOTAL_FORMS" not in page  # no separate profile inline to fill in twice


def test_specialist_is_created_with_role_profile_and_a_working_login(admin_client, client):
    response = admin_client.post(URL, specialist_form(), follow=True)
    user = User.objects.get(username="petrova")
    assert response.redirect_chain[-1][0] == "/admin/auth/user/"
    assert "Пользователь «petrova» добавлен." in re.sub(r"<[^>]+>", "", response.content.decode())
    assert (user.last_name, user.first_name, user.email) == ("Петрова", "Анна", "petrova@example.ru")
    assert list(user.groups.values_list("name", flat=True)) == [ROLE_TITLES[SPECIALIST]]
    assert role_of(user) == SPECIALIST
    profile = user.profile
    assert (profile.department.code, profile.position, profile.phone, profile.is_available) == (
        "tech", "инженер", "+7 812 555-01-02", True)

    admin_client.logout()
    response = client.post("/staff/login/", {"username": "petrova", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 302  # logged in: sent on to their own appeals
    assert client.session["_auth_user_id"] == str(user.pk)


def test_unavailable_operator_needs_no_department(admin_client):
    admin_client.post(URL, specialist_form(username="orlova", role="operator", department="", is_available=None))
    user = User.objects.get(username="orlova")
    assert role_of(user) == "operator"
    assert user.profile.department is None and user.profile.is_available is False


def test_specialist_without_department_is_refused_in_russian(admin_client):
    response = admin_client.post(URL, specialist_form(department=""))
    assert response.status_code == 200
    assert errors(response) == ["Укажите подразделение: специалист работает с обращениями своего подразделения."]
    assert not User.objects.filter(username="petrova").exists()


def test_missing_role_and_names_are_refused_in_russian(admin_client):
    response = admin_client.post(URL, specialist_form(role="", last_name="", first_name=""))
    assert set(errors(response)) == {"Выберите роль.", "Укажите фамилию.", "Укажите имя."}
    assert not User.objects.filter(username="petrova").exists()


def test_passwords_that_differ_are_refused_in_russian(admin_client):
    response = admin_client.post(URL, specialist_form(password2="Drugoy-Parol-42"))
    assert errors(response) == ["Введенные пароли не совпадают."]


def test_taken_login_is_refused_in_russian(admin_client):
    create_staff("petrova", "operator", "crm")
    response = admin_client.post(URL, specialist_form(username="Petrova"))
    assert errors(response) == ["Пользователь с таким именем уже существует."]


def test_editing_keeps_the_profile_inline_and_the_absences(admin_client):
    admin_client.post(URL, specialist_form())
    user = User.objects.get(username="petrova")
    page = admin_client.get(f"/admin/auth/user/{user.pk}/change/").content.decode()
    assert 'id="profile-group"' in page and 'id="absences-group"' in page
    assert 'name="profile-0-position" value="инженер"' in page

"""Error pages of the back office (and the admin): Russian, in the staff look, navigation for a signed-in user."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

from conftest import raising, urlconf_with

pytestmark = pytest.mark.django_db

STAFF_LOOK = 'class="topbar"'
PUBLIC_LOOK = 'class="public-header"'
NAV = 'class="mainnav"'


# This module doubles as a URLconf (pytest.mark.urls) for the pages no real view produces.
globals().update(urlconf_with(
    path("staff/test-errors/403/", raising(PermissionDenied("Недостаточно прав."))),
    path("staff/test-errors/500/", raising(RuntimeError("database exploded"))),
))


def _page(response, status: int) -> str:
    assert response.status_code == status
    html = response.content.decode()
    assert f"Код ошибки: {status}" in html
    assert STAFF_LOOK in html and PUBLIC_LOOK not in html
    return html


def test_unknown_staff_page_is_a_404_with_the_navigation(client, operator):
    client.force_login(operator)
    html = _page(client.get("/staff/no-such-page/"), 404)
    assert "<h1>Страница не найдена</h1>" in html
    assert NAV in html and 'href="/staff/journal/"' in html
    assert "На главную рабочего места" in html


def test_unknown_staff_page_for_a_stranger_leads_to_the_login(client):
    html = _page(client.get("/staff/no-such-page/"), 404)
    assert NAV not in html and "Ко входу в рабочее место" in html


def test_a_page_the_role_may_not_open_is_a_403_in_the_staff_look(client, specialist):
    client.force_login(specialist)
    html = _page(client.get("/staff/register/"), 403)
    assert "<h1>Доступ запрещён</h1>" in html and "обратитесь" in html and NAV in html


@pytest.mark.urls(__name__)
def test_permission_denied_shows_its_russian_message(client, operator):
    client.force_login(operator)
    html = _page(client.get("/staff/test-errors/403/"), 403)
    assert "Недостаточно прав." in html


def test_bad_host_is_a_400_in_the_staff_look(client):
    html = _page(client.get("/staff/", HTTP_HOST="evil.example"), 400)
    assert "<h1>Неправильный запрос</h1>" in html


@pytest.mark.urls(__name__)
def test_server_error_is_a_staff_page_without_the_database_or_the_navigation(operator, django_assert_num_queries):
    client = Client(raise_request_exception=False)
    client.force_login(operator)
    with django_assert_num_queries(0):
        response = client.get("/staff/test-errors/500/")
    html = _page(response, 500)
    assert "<h1>Ошибка на сайте</h1>" in html and "сообщите администратору" in html
    assert NAV not in html and "exploded" not in html


def test_csrf_failure_on_the_login_form_is_explained_in_the_staff_look():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/staff/login/", {"username": "operator", "password": "x"},
                           HTTP_REFERER="http://testserver/staff/login/")
    html = _page(response, 403)
    assert "<h1>Форма не отправлена</h1>" in html and "файлы cookie" in html
    assert 'href="http://testserver/staff/login/"' in html


def test_login_lock_out_is_a_russian_429_in_the_staff_look(client, operator):
    for _ in range(6):
        response = client.post("/staff/login/", {"username": "operator", "password": "wrong"})
    html = _page(response, 429)
    assert "<h1>Вход временно заблокирован</h1>" in html and "на 15 мин." in html


def test_admin_error_pages_are_in_the_staff_look(client, admin_user):
    client.force_login(admin_user)
    html = _page(client.get("/admin/accounts/no-such-model/"), 404)
    assert "Страница не найдена" in html


def test_admin_speaks_russian_whatever_the_browser_asks(client, admin_user):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="ru"' in html and "Войти" in html and "Log in" not in html
    client.force_login(admin_user)
    assert "Приёмная — администрирование" in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

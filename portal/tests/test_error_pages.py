"""Error pages of the public site: Russian, in the portal's look, with the code and what to do next."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from accounts.models import Company
from conftest import raising, urlconf_with

pytestmark = pytest.mark.django_db

HOTLINE = "8 800 100-20-30"
PUBLIC_LOOK = 'class="public-header"'
STAFF_LOOK = 'class="topbar"'


# This module doubles as a URLconf (pytest.mark.urls) for the pages no real view produces.
globals().update(urlconf_with(
    path("test-errors/400/", raising(SuspiciousOperation("Malformed cookie"))),
    path("test-errors/403/", raising(PermissionDenied("Обращение закрыто для просмотра."))),
    path("test-errors/403-en/", raising(PermissionDenied("Custom check failed for user 5"))),
    path("test-errors/500/", raising(RuntimeError("database exploded"))),
))


@pytest.fixture(autouse=True)
def company(db):
    company = Company.current()
    company.hotline = HOTLINE
    company.save()
    return company


def _page(response, status: int) -> str:
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert f"Код ошибки: {status}" in html
    assert PUBLIC_LOOK in html and STAFF_LOOK not in html
    return html


def test_unknown_page_is_a_russian_404_with_the_way_home_and_the_hotline(client):
    html = _page(client.get("/no-such-page/"), 404)
    assert "<h1>Страница не найдена</h1>" in html
    assert 'href="/"' in html and 'href="/track/"' in html
    assert HOTLINE in html
    assert "Not Found" not in html


def test_bad_host_is_a_russian_400(client):
    html = _page(client.get("/", HTTP_HOST="evil.example"), 400)
    assert "<h1>Неправильный запрос</h1>" in html and "Bad Request" not in html


@pytest.mark.urls(__name__)
def test_suspicious_request_is_a_400_without_the_technical_reason(client):
    html = _page(client.get("/test-errors/400/"), 400)
    assert "Неправильный запрос" in html and "Malformed" not in html


@pytest.mark.urls(__name__)
def test_permission_denied_shows_its_russian_message(client):
    html = _page(client.get("/test-errors/403/"), 403)
    assert "<h1>Доступ запрещён</h1>" in html and "Обращение закрыто для просмотра." in html


@pytest.mark.urls(__name__)
def test_permission_denied_hides_a_message_not_written_for_people(client):
    html = _page(client.get("/test-errors/403-en/"), 403)
    assert "Доступ запрещён" in html and "Custom check" not in html


@pytest.mark.urls(__name__)
def test_server_error_is_a_self_contained_russian_page_without_the_database(django_assert_num_queries):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/test-errors/500/")
    html = _page(response, 500)
    assert "<h1>Ошибка на сайте</h1>" in html and "обновить страницу" in html
    assert "/static/css/app.css" in html and HOTLINE not in html
    assert "exploded" not in html and "Traceback" not in html and "Server Error" not in html


def test_csrf_failure_explains_and_links_back_to_the_form(client):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/appeal/", {"text": "Течёт крыша"}, HTTP_REFERER="http://testserver/appeal/")
    html = _page(response, 403)
    assert "<h1>Форма не отправлена</h1>" in html
    assert "открыта слишком долго" in html and "файлы cookie" in html
    assert 'href="http://testserver/appeal/"' in html
    assert "CSRF" not in html


def test_csrf_failure_never_links_to_another_site():
    client = Client(enforce_csrf_checks=True)
    html = client.post("/track/", {}, HTTP_REFERER="https://evil.example/phish").content.decode()
    assert "evil.example" not in html and "Открыть форму заново" not in html
    assert '<a class="button" href="/">На главную</a>' in html


def test_rate_limit_is_a_russian_429_in_the_portal_look_saying_when_to_return(client, settings):
    settings.PUBLIC_RATE_LIMIT = 1
    client.post("/track/", {"number": "26-000001", "code": "AAAA"})
    response = client.post("/track/", {"number": "26-000001", "code": "BBBB"})
    html = _page(response, 429)
    assert "<h1>Слишком много попыток</h1>" in html
    assert "подождите 10 мин. и попробуйте снова — после " in html
    assert 590 <= int(response["Retry-After"]) <= 600

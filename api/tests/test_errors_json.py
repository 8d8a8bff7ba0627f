"""Under /api/ every error is JSON {"detail": "<Russian message>"}: also those answered outside ninja."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.test import Client
from django.urls import path

from conftest import raising, urlconf_with

pytestmark = pytest.mark.django_db



def _accepting_posts(request):
    return JsonResponse({})


# This module doubles as a URLconf (pytest.mark.urls) for failures that happen before any endpoint.
globals().update(urlconf_with(
    path("api/v1/test-errors/403/", raising(PermissionDenied("Доступ только для руководителя."))),
    path("api/v1/test-errors/500/", raising(RuntimeError("database exploded"))),
    path("api/v1/test-errors/form/", _accepting_posts),  # not CSRF-exempt, unlike ninja's endpoints
))


def _detail(response, status: int) -> str:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    return response.json()["detail"]


@pytest.mark.parametrize("url", ["/api/v1/no-such-endpoint", "/api/v2/appeals", "/api/"])
def test_unknown_api_address_is_json_404(client, url):
    assert _detail(client.get(url), 404) == "Такого адреса в API нет. Список адресов: /api/v1/docs"


def test_post_to_an_unknown_address_is_404_not_a_csrf_refusal():
    client = Client(enforce_csrf_checks=True)
    assert _detail(client.post("/api/v1/no-such-endpoint", {}), 404).startswith("Такого адреса в API нет")


def test_bad_host_is_json_400(client):
    assert _detail(client.post("/api/v1/track", {}, HTTP_HOST="evil.example"), 400) == "Неправильный запрос."


@pytest.mark.urls(__name__)
def test_csrf_failure_is_json_403_pointing_to_the_token():
    client = Client(enforce_csrf_checks=True)
    detail = _detail(client.post("/api/v1/test-errors/form/", {}), 403)
    assert detail.startswith("Запрос отклонён защитой от подделки запросов") and "Authorization: Bearer" in detail


@pytest.mark.urls(__name__)
def test_permission_denied_outside_an_endpoint_keeps_its_russian_message(client):
    assert _detail(client.get("/api/v1/test-errors/403/"), 403) == "Доступ только для руководителя."


@pytest.mark.urls(__name__)
def test_failure_outside_an_endpoint_is_json_500():
    client = Client(raise_request_exception=False)
    assert _detail(client.get("/api/v1/test-errors/500/"), 500) == "Внутренняя ошибка сервера. Мы уже разбираемся."


def test_failure_inside_an_endpoint_is_json_500(client, monkeypatch):
    def explode(*args):
        raise RuntimeError("database exploded")

    monkeypatch.setattr("api.track.find_tracked", explode)
    response = client.post("/api/v1/track", {"number": "26-000001", "access_code": "ABCD"},
                           content_type="application/json")
    assert _detail(response, 500) == "Внутренняя ошибка сервера. Мы уже разбираемся."

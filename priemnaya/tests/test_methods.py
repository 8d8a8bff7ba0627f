"""Every address answers a method it does not handle with 405 and `Allow`: a Russian page, JSON under /api/.

The walk takes every URL pattern of the project, the admin's too, so a new page is covered the day it
is added; the view never runs.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RoutePattern

from accounts.models import ApiToken
from conftest import create_staff

pytestmark = pytest.mark.django_db

FOREIGN = ("TRACE", "PUT", "DELETE", "PATCH")
SAMPLE = {"int": "1", "str": "x", "slug": "x", "path": "1/x", "uuid": "00000000-0000-0000-0000-000000000000"}
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def _route(pattern) -> str | None:
    """A path that the pattern matches, or None for a regular expression (those are sampled by hand)."""
    if not isinstance(pattern.pattern, RoutePattern):
        return None
    return CONVERTER.sub(lambda m: SAMPLE[m.group(1) or "str"], str(pattern.pattern))


def _addresses(patterns=None, prefix="/", raw="") -> dict[str, str]:
    """Sample path → the pattern's route, for every pattern written as a route."""
    found = {}
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = _route(pattern)
        if isinstance(pattern, URLResolver):
            found |= _addresses(pattern.url_patterns, prefix + (route or ""), raw + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and route is not None:
            found.setdefault(prefix + route, raw + str(pattern.pattern))
    return found


@pytest.fixture
def clients(db):
    chief = create_staff("chief", "admin", "tech", is_staff=True, is_superuser=True)
    staff = Client()
    staff.force_login(chief)
    _token, key = ApiToken.issue(chief)
    return {"staff": staff, "api": Client(headers={"Authorization": f"Bearer {key}"}), "stranger": Client()}


def test_every_address_refuses_methods_it_does_not_handle(clients):
    addresses = _addresses()
    assert len(addresses) > 100  # the admin's pages are in the walk
    problems = []
    for path, route in addresses.items():
        assert resolve(path).route == route, path  # the sample reaches the pattern it was made from
        client = clients["api"] if path.startswith("/api/") else clients["staff"]
        for method in FOREIGN:
            response = client.generic(method, path)
            allow = response.get("Allow", "")
            if response.status_code != 405 or not allow or method in allow:
                problems.append(f"{method} {path}: {response.status_code}, Allow: {allow!r}")
    assert not problems


@pytest.mark.parametrize("path", ["/", "/staff/journal/", "/faq/", "/admin/"])
def test_the_refusal_is_a_russian_page_in_the_look_of_its_part(clients, path):
    response = clients["stranger"].generic("TRACE", path)
    assert response.status_code == 405
    html = response.content.decode()
    assert "<h1>Такой запрос не поддерживается</h1>" in html and "Код ошибки: 405" in html
    assert "TRACE" in html and response["Allow"] in html


def test_a_page_that_takes_only_posts_says_so_to_every_other_method(clients):
    get = clients["staff"].get("/staff/applicants/search/")
    delete = clients["staff"].delete("/staff/applicants/search/")
    assert get.status_code == delete.status_code == 405
    assert get["Allow"] == delete["Allow"] == "POST"
    assert "Такой запрос не поддерживается" in get.content.decode()


def test_a_delete_without_a_csrf_token_is_405_not_a_csrf_refusal(clients):
    client = Client(enforce_csrf_checks=True)
    client.force_login(create_staff("clerk", "operator", "crm"))
    assert client.delete("/staff/journal/").status_code == 405
    assert client.put("/api/v1/appeals/26-000001").status_code == 405


@pytest.mark.parametrize("method, path, allow", [
    ("DELETE", "/api/v1/appeals", "GET, POST"),
    ("GET", "/api/v1/track", "POST"),
    ("TRACE", "/api/v1/openapi.json", "GET, HEAD, POST"),
    ("PUT", "/api/v1/docs", "GET, HEAD, POST"),
])
def test_under_the_api_the_refusal_is_json(clients, method, path, allow):
    response = Client(enforce_csrf_checks=True).generic(method, path)
    assert response.status_code == 405
    assert response["Allow"] == allow
    assert response.json() == {"detail": f"Метод не поддерживается: {method}. Допустимо: {allow}."}


def test_an_unknown_api_address_is_404_whatever_the_method(clients):
    assert clients["api"].generic("TRACE", "/api/v1/no-such-thing").status_code == 404


def test_methods_a_page_handles_still_reach_it(clients):
    assert clients["staff"].get("/staff/journal/").status_code == 200
    assert clients["stranger"].head("/").status_code == 200
    assert clients["stranger"].post("/track/", {"number": "26-000001", "code": "ABCD"}).status_code == 404  # no such

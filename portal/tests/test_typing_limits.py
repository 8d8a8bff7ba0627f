"""What the public form asks while a resident types is limited per visitor and over all visitors."""

import pytest

from conftest import create_building

pytestmark = pytest.mark.django_db

HINTS = "/appeal/hints/"
BUILDINGS = "/appeal/buildings/"


@pytest.fixture
def small_limits(settings):
    settings.TYPING_HELP_LIMIT, settings.TYPING_HELP_OVERALL, settings.PUBLIC_RATE_WINDOW = 3, 5, 600


def _ask(client, url, ip, htmx=True):
    headers = {"HX-Request": "true"} if htmx else {}
    if url == HINTS:
        return client.post(url, {"text": "Не работает лифт в подъезде"}, REMOTE_ADDR=ip, headers=headers)
    return client.get(url, {"q": "Марата"}, REMOTE_ADDR=ip, headers=headers)


def _assert_refused(response):
    assert response.status_code == 429
    assert 590 <= int(response["Retry-After"]) <= 600
    assert "слишком много запросов" in response.content.decode()


@pytest.mark.parametrize("url", [HINTS, BUILDINGS])
def test_one_visitor_is_refused_over_the_limit_and_told_when_to_return(client, small_limits, url):
    create_building()
    assert [_ask(client, url, "10.2.0.1").status_code for _ in range(3)] == [200, 200, 200]
    _assert_refused(_ask(client, url, "10.2.0.1"))
    assert _ask(client, url, "10.2.0.2").status_code == 200  # another visitor still gets answers


@pytest.mark.parametrize("url", [HINTS, BUILDINGS])
def test_many_visitors_together_are_refused_over_the_overall_limit(client, small_limits, url):
    answers = [_ask(client, url, f"10.3.0.{n}").status_code for n in range(7)]
    assert answers == [200] * 5 + [429] * 2
    _assert_refused(_ask(client, url, "10.3.0.99"))


def test_a_refused_visitor_does_not_use_up_everyone_s_budget(client, small_limits):
    for _ in range(10):
        _ask(client, HINTS, "10.4.0.1")
    assert _ask(client, HINTS, "10.4.0.2").status_code == 200
    assert _ask(client, HINTS, "10.4.0.3").status_code == 200


def test_outside_htmx_the_refusal_is_the_public_429_page(client, small_limits):
    for _ in range(3):
        _ask(client, BUILDINGS, "10.5.0.1", htmx=False)
    response = _ask(client, BUILDINGS, "10.5.0.1", htmx=False)
    assert response.status_code == 429 and "<h1>Слишком много попыток</h1>" in response.content.decode()

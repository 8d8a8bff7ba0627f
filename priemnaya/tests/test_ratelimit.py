"""Per-IP limits on public forms: a friendly 429 instead of unlimited submissions or code guessing."""

import pytest
from django.test import RequestFactory

from appeals.models import Appeal
from priemnaya import ratelimit

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_of_two(settings):
    settings.PUBLIC_RATE_LIMIT = 2
    settings.PUBLIC_RATE_WINDOW = 600


def test_hit_allows_up_to_the_limit_then_refuses(limit_of_two):
    assert [ratelimit.hit("10.0.0.1", "appeal") for _ in range(3)] == [True, True, False]


def test_limits_are_per_ip_and_per_scope(limit_of_two):
    for _ in range(3):
        ratelimit.hit("10.0.0.1", "appeal")
    assert ratelimit.hit("10.0.0.2", "appeal") is True
    assert ratelimit.hit("10.0.0.1", "track") is True


def test_hit_takes_a_request_and_ignores_forwarded_for(limit_of_two):
    factory = RequestFactory()
    for n in range(2):
        assert ratelimit.hit(factory.get("/", REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR=f"1.1.1.{n}"), "track")
    assert ratelimit.hit(factory.get("/", REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR="9.9.9.9"), "track") is False


def test_appeal_form_over_the_limit_gets_a_friendly_429_and_creates_nothing(client, limit_of_two):
    data = {"kind": "appeal", "full_name": "Орлов Пётр", "phone": "+79210000000", "text": "Нет света", "consent": "on"}
    assert client.post("/appeal/", data).status_code == 302
    assert client.post("/appeal/", data).status_code == 302
    response = client.post("/appeal/", data)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Слишком много попыток" in html and "подождите 10 мин." in html
    assert Appeal.objects.count() == 2


def test_reading_the_form_is_not_limited(client, limit_of_two):
    assert [client.get("/appeal/").status_code for _ in range(4)] == [200] * 4


def test_seconds_left_counts_down_from_the_first_attempt_of_the_window(limit_of_two, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    ratelimit.hit("10.0.0.4", "track")
    clock[0] += 120
    ratelimit.hit("10.0.0.4", "track")
    assert ratelimit.seconds_left("10.0.0.4", "track") == 480
    assert ratelimit.seconds_left("10.0.0.5", "track") == 600  # no window yet: the whole one

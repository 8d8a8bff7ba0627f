import datetime as dt

import pytest
from django.utils import timezone

from accounts.models import ApiToken
from conftest import create_appeal, happening_at

from .conftest import ApiClient

pytestmark = pytest.mark.django_db

URL = "/api/v1/appeals"


def _assert_401(response):
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "Bearer" in response.json()["detail"]


def test_anonymous_gets_401_json(db):
    _assert_401(ApiClient().get(URL))
    _assert_401(ApiClient().post_json(URL, {"text": "Течёт крыша"}))


def test_unknown_token_gets_401(db):
    _assert_401(ApiClient(headers={"Authorization": "Bearer not-a-token"}).get(URL))


def test_other_scheme_gets_401(operator):
    _, key = ApiToken.issue(operator)
    _assert_401(ApiClient(headers={"Authorization": f"Token {key}"}).get(URL))


def test_revoked_token_gets_401(operator):
    token, key = ApiToken.issue(operator)
    token.is_active = False
    token.save()
    _assert_401(ApiClient(headers={"Authorization": f"Bearer {key}"}).get(URL))


def test_token_of_a_disabled_user_gets_401(operator):
    _, key = ApiToken.issue(operator)
    operator.is_active = False
    operator.save()
    _assert_401(ApiClient(headers={"Authorization": f"Bearer {key}"}).get(URL))


def test_session_login_alone_is_not_enough(client, operator):
    client.force_login(operator)
    _assert_401(client.get(URL))


def test_valid_token_works_and_records_its_use(operator):
    token, key = ApiToken.issue(operator)
    response = ApiClient(headers={"Authorization": f"Bearer {key}"}).get(URL)
    assert response.status_code == 200
    token.refresh_from_db()
    assert timezone.now() - token.last_used_at < dt.timedelta(seconds=5)


def test_last_use_is_written_at_most_once_a_minute(operator):
    token, key = ApiToken.issue(operator)
    client = ApiClient(headers={"Authorization": f"Bearer {key}"})
    client.get(URL)
    token.refresh_from_db()
    first_use = token.last_used_at
    client.get(URL)
    token.refresh_from_db()
    assert token.last_used_at == first_use
    with happening_at(first_use + dt.timedelta(minutes=2)):
        client.get(URL)
    token.refresh_from_db()
    assert token.last_used_at == first_use + dt.timedelta(minutes=2)


def test_a_token_in_use_is_looked_up_without_a_query(operator, django_assert_num_queries):
    _, key = ApiToken.issue(operator)
    ApiClient(headers={"Authorization": f"Bearer {key}"}).get(URL)
    with django_assert_num_queries(0):
        assert ApiToken.user_for(key) == operator


@pytest.mark.parametrize("change", ["revoke", "deactivate", "delete"])
def test_a_token_in_use_is_refused_at_once_after_a_change(operator, change):
    token, key = ApiToken.issue(operator)
    client = ApiClient(headers={"Authorization": f"Bearer {key}"})
    assert client.get(URL).status_code == 200  # now kept in the cache
    if change == "revoke":
        token.is_active = False
        token.save()
    elif change == "deactivate":
        operator.is_active = False
        operator.save()
    else:
        token.delete()
    _assert_401(client.get(URL))


def test_token_acts_with_its_owners_permissions(client_for, specialist):
    create_appeal(reason="water-flood")
    client = client_for(specialist)
    assert client.get(URL).json()["items"] == []
    assert client.post_json(URL, {"text": "Течёт крыша"}).status_code == 403


def test_guessed_tokens_are_refused_per_ip_with_a_json_429(operator, settings):
    settings.API_TOKEN_FAILURE_LIMIT, settings.PUBLIC_RATE_WINDOW = 3, 600
    _, key = ApiToken.issue(operator)
    for n in range(3):
        _assert_401(ApiClient(headers={"Authorization": f"Bearer guess-{n}"}).get(URL, REMOTE_ADDR="10.6.0.1"))
    for token in ("guess-9", key):  # over the limit even the right token waits: a guess learns nothing
        response = ApiClient(headers={"Authorization": f"Bearer {token}"}).get(URL, REMOTE_ADDR="10.6.0.1")
        assert response.status_code == 429 and response["Content-Type"].startswith("application/json")
        assert "Слишком много попыток" in response.json()["detail"]
        assert 590 <= int(response["Retry-After"]) <= 600
    assert ApiClient(headers={"Authorization": f"Bearer {key}"}).get(URL, REMOTE_ADDR="10.6.0.2").status_code == 200


def test_the_right_token_is_never_counted(operator, settings):
    settings.API_TOKEN_FAILURE_LIMIT = 2
    _, key = ApiToken.issue(operator)
    client = ApiClient(headers={"Authorization": f"Bearer {key}"})
    assert [client.get(URL, REMOTE_ADDR="10.6.0.3").status_code for _ in range(5)] == [200] * 5


def test_the_check_before_a_token_costs_no_query_and_survives_a_lost_cache(operator, settings,
                                                                         django_assert_num_queries):
    from django.core.cache import cache

    from priemnaya import ratelimit

    settings.API_TOKEN_FAILURE_LIMIT, settings.PUBLIC_RATE_WINDOW = 2, 600
    for n in range(2):
        _assert_401(ApiClient(headers={"Authorization": f"Bearer guess-{n}"}).get(URL, REMOTE_ADDR="10.6.0.4"))
    with django_assert_num_queries(0):
        assert 590 <= ratelimit.waiting("10.6.0.4", "api-token") <= 600
    cache.clear()  # the mark is gone: one more guess is looked at, and marks the IP again from the count
    _assert_401(ApiClient(headers={"Authorization": "Bearer guess-3"}).get(URL, REMOTE_ADDR="10.6.0.4"))
    assert ApiClient(headers={"Authorization": "Bearer guess-4"}).get(URL, REMOTE_ADDR="10.6.0.4").status_code == 429

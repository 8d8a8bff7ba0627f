import datetime as dt

import pytest
from django.utils import timezone

from appeals.models import Appeal
from conftest import create_staff

pytestmark = pytest.mark.django_db

URL = "/api/v1/appeals"
PAYLOAD = {"text": "Течёт крыша", "applicant": {"full_name": "Иванов Иван"}}


def _post(client, payload, key):
    return client.post_json(URL, payload, headers={"Idempotency-Key": key})


def test_retry_with_the_same_key_returns_the_first_answer(client_for, operator):
    client = client_for(operator)
    first = _post(client, PAYLOAD, "retry-1")
    again = _post(client, PAYLOAD, "retry-1")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Appeal.objects.count() == 1


def test_same_key_with_another_body_is_refused(client_for, operator):
    client = client_for(operator)
    _post(client, PAYLOAD, "retry-2")
    response = _post(client, {**PAYLOAD, "text": "Другой текст"}, "retry-2")
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["header", "Idempotency-Key"]
    assert "другого запроса" in error["msg"]
    assert Appeal.objects.count() == 1


def test_keys_are_per_user(client_for, operator):
    colleague = create_staff("operator2", "operator", "crm")
    first = _post(client_for(operator), PAYLOAD, "shared")
    second = _post(client_for(colleague), PAYLOAD, "shared")
    assert first.json()["number"] != second.json()["number"]
    assert Appeal.objects.count() == 2


def test_failed_request_does_not_use_up_the_key(client_for, operator):
    client = client_for(operator)
    future = (timezone.now() + dt.timedelta(days=2)).isoformat()
    refused = _post(client, {**PAYLOAD, "received_at": future}, "retry-3")
    assert refused.status_code == 422
    assert _post(client, PAYLOAD, "retry-3").status_code == 201


def test_without_a_key_every_request_creates_an_appeal(client_for, operator):
    client = client_for(operator)
    client.post_json(URL, PAYLOAD)
    client.post_json(URL, PAYLOAD)
    assert Appeal.objects.count() == 2


@pytest.mark.parametrize("key", ["k" * 201, "   ", "line\tbreak"])
def test_bad_key_is_named(client_for, operator, key):
    response = _post(client_for(operator), PAYLOAD, key)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert not Appeal.objects.exists()

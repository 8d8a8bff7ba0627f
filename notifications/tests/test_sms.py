"""SMS through a real HTTP gateway on 127.0.0.1: the request, a failing gateway retried and given up, and the
residents' one-time codes through the same interface."""

import datetime as dt

import pytest
from django.utils import timezone

from appeals import services
from conftest import create_appeal
from notifications import tasks
from notifications.models import Message

pytestmark = pytest.mark.django_db


def test_an_applicant_with_only_a_phone_gets_the_number_by_sms(sms_gateway, django_capture_on_commit_callbacks):
    appeal = create_appeal(reason="roof-damage", phone="+79211234567", email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "register", None)
    (request,) = sms_gateway.requests
    assert request["path"] == "/send" and request["headers"]["Authorization"] == "Bearer secret-token"
    assert request["headers"]["Content-Type"].startswith("application/json")
    assert request["json"]["to"] == "+79211234567"
    assert appeal.number in request["json"]["text"] and appeal.access_code in request["json"]["text"]
    assert Message.objects.get(channel="sms").status == Message.Status.SENT


def test_no_sms_when_sms_notices_are_off(sms_gateway, settings, django_capture_on_commit_callbacks):
    settings.SMS_NOTIFY = False
    appeal = create_appeal(reason="roof-damage", email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "register", None)
    assert sms_gateway.requests == [] and not Message.objects.exists()


def test_a_failing_gateway_is_retried_with_back_off_then_given_up(sms_gateway, settings,
                                                                   django_capture_on_commit_callbacks):
    settings.NOTIFY_MAX_ATTEMPTS = 3
    sms_gateway.status = 500
    appeal = create_appeal(reason="roof-damage", email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "register", None)
    message = Message.objects.get()
    assert message.status == Message.Status.ERROR and message.attempts == 1
    first_wait = message.next_attempt_at - message.attempt_log.get().at
    assert tasks.retry_due(timezone.now().isoformat()) == 0  # not due yet
    later = message.next_attempt_at + dt.timedelta(seconds=1)
    assert tasks.retry_due(later.isoformat()) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.ERROR and message.next_attempt_at - later > first_wait
    tasks.retry_due((message.next_attempt_at + dt.timedelta(seconds=1)).isoformat())
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED and message.attempts == 3 and message.next_attempt_at is None
    errors = list(message.attempt_log.values_list("ok", "error"))
    assert errors == [(False, "Шлюз SMS ответил 500")] * 3 and len(sms_gateway.requests) == 3


def test_a_gateway_that_recovers_delivers_on_the_retry(sms_gateway, django_capture_on_commit_callbacks):
    sms_gateway.status = 500
    appeal = create_appeal(reason="roof-damage", email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "register", None)
    sms_gateway.status = 200
    message = Message.objects.get()
    tasks.retry_due((message.next_attempt_at + dt.timedelta(seconds=1)).isoformat())
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and message.attempts == 2


def test_the_residents_sign_in_code_goes_through_the_same_gateway(sms_gateway, client):
    from residents.channels import deliver

    deliver(phone="+79217654321", subject="Код", text="Код для входа: 123456")
    (request,) = sms_gateway.requests
    assert request["json"] == {"to": "+79217654321", "text": "Код для входа: 123456"}

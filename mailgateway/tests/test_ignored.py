"""Bounces, auto-replies and mailing lists make no appeals; each is recorded with the reason."""

import pytest

from appeals.models import Appeal
from mailgateway.models import InboundMessage, Outcome

from .conftest import letter, send


def _ignored_because() -> str:
    (record,) = InboundMessage.objects.all()
    assert record.outcome == Outcome.IGNORED and record.appeal is None
    assert not Appeal.objects.exists()
    return record.note


def test_bounce_with_null_sender_is_ignored(gateway):
    message = letter("Delivery failed", subject="Undelivered Mail Returned to Sender",
                     sender="MAILER-DAEMON@mx.example.ru")
    send(gateway, message, envelope_from="")
    assert "недоставке" in _ignored_because()


def test_delivery_status_report_is_ignored(gateway):
    message = letter("The message could not be delivered.", subject="Ошибка доставки")
    message.make_mixed()
    message.replace_header("Content-Type", 'multipart/report; report-type=delivery-status; boundary="b"')
    send(gateway, message)
    assert "multipart/report" in _ignored_because()


@pytest.mark.parametrize(("headers", "subject", "why"), [
    ({"Auto_Submitted": "auto-replied"}, "Re: Протечка", "Auto-Submitted"),
    ({"X_Autoreply": "yes"}, "Re: Протечка", "X-Autoreply"),
    ({"Precedence": "bulk"}, "Новости", "Precedence"),
    ({}, "Автоответ: Протечка", "тема"),
    ({}, "Out of Office: Протечка", "тема"),
])
def test_auto_reply_is_ignored(gateway, headers, subject, why):
    send(gateway, letter("Я в отпуске до понедельника.", subject=subject, **headers))
    assert why in _ignored_because()


def test_mailing_list_letter_is_ignored(gateway):
    send(gateway, letter("Новости района", subject="Дайджест", List_Id="<news.example.ru>"))
    assert "рассылка" in _ignored_because()


def test_letter_with_empty_return_path_is_ignored_as_a_bounce(gateway):
    send(gateway, letter("Message not delivered", subject="Недоставленное письмо", Return_Path="<>"))
    assert "Return-Path" in _ignored_because()

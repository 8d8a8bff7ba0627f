"""Letters to applicants through a real SMTP server: subject, body and encoding as the resident reads them."""

import pytest

from accounts.models import Company
from appeals import services
from conftest import create_appeal
from notifications.models import Message

from .conftest import drafted

pytestmark = pytest.mark.django_db


def test_the_registration_letter_reaches_the_smtp_server_with_the_number_and_code(
        smtp_inbox, django_capture_on_commit_callbacks):
    appeal = create_appeal(reason="roof-damage", email="ivanova@example.ru")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "register", None)
    (to, letter), = smtp_inbox.messages
    assert to == ["ivanova@example.ru"]
    # Django folds a long encoded subject after «Subject:»; the fold reads back as a leading space.
    assert letter["Subject"].strip() == f"Обращение № {appeal.number} зарегистрировано"
    body = letter.get_body().get_content()
    assert letter.get_body().get_content_charset() == "utf-8"
    assert "Иванова Мария Петровна" in body and appeal.number in body and appeal.access_code in body
    message = Message.objects.get(event="registered")
    assert message.status == Message.Status.SENT and message.attempts == 1


def test_a_refusal_carries_the_regional_hq_notice_and_its_contacts(
        smtp_inbox, engineer, django_capture_on_commit_callbacks):
    Company.objects.filter(pk=Company.current().pk).update(hq_phone="8 (812) 576-00-00", hq_email="hq@example.ru")
    appeal = drafted(engineer, email="ivanova@example.ru")
    smtp_inbox.messages.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "refuse", engineer, result="Работы не входят в перечень")
    (_, letter), = [m for m in smtp_inbox.messages if not m[1]["Subject"].strip().startswith("Оцените")]
    body = letter.get_body().get_content()
    assert "отказ" in letter["Subject"]
    assert "Региональный штаб" in body and "тел. 8 (812) 576-00-00" in body and "hq@example.ru" in body
    assert body.count("вправе обратиться") == 1


def test_an_unreachable_smtp_server_does_not_break_the_change(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    appeal = create_appeal(reason="roof-damage", email="ivanova@example.ru")
    with django_capture_on_commit_callbacks(execute=True):
        appeal = services.transition(appeal, "register", None)
    assert appeal.status == "registered"
    message = Message.objects.get(event="registered")
    assert message.status == Message.Status.ERROR and message.attempts == 1 and message.next_attempt_at
    assert message.attempt_log.get().error


def test_the_letter_to_the_regional_hq_and_the_confirmation_reach_the_smtp_server(
        smtp_inbox, engineer, django_capture_on_commit_callbacks):
    from feedback.hq import request_hq

    Company.objects.filter(pk=Company.current().pk).update(hq_email="shtab@example.ru")
    appeal = drafted(engineer, email="ivanova@example.ru")
    with django_capture_on_commit_callbacks(execute=True):
        appeal = services.transition(appeal, "answer", engineer, result="Ремонт", resolved_in_favour_of="applicant")
    smtp_inbox.messages.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request_hq(appeal, "Крыша течёт по-прежнему.")
    letters = {tuple(to): letter for to, letter in smtp_inbox.messages}
    to_hq = letters[("shtab@example.ru",)].get_body().get_content()
    assert appeal.number in to_hq and "Крыша течёт по-прежнему." in to_hq and appeal.access_code not in to_hq
    confirmation = letters[("ivanova@example.ru",)]
    assert "Штаб" in confirmation["Subject"] and appeal.access_code in confirmation.get_body().get_content()
    assert set(Message.objects.filter(event__in=["hq_request", "hq_confirmation"]).values_list("status", flat=True)) \
        == {Message.Status.SENT}

"""The letter goes by the applicant's own channel: by e-mail with its PDF attached, else it waits for the post;
either way the appeal's history notes it, for staff only."""

import pytest
from django.core import mail

from letters import services
from letters.choices import Delivery, LetterKind
from notifications.models import Message

from .conftest import TODAY, decided

pytestmark = pytest.mark.django_db


def test_the_email_carries_the_pdf(worker, django_capture_on_commit_callbacks):
    appeal = decided(worker)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        letter = services.issue_letter(appeal, LetterKind.ANSWER, worker, today=TODAY)
    assert letter.delivery == Delivery.EMAIL and letter.sent_at is not None
    assert letter.addressee_email == "ivanova@example.ru"
    message = Message.objects.get(event="letter")
    assert message.recipient == "ivanova@example.ru" and message.appeal_id == appeal.pk
    assert message.attachments == [{"name": letter.pdf.name, "filename": "Письмо исх. 26-0001.pdf",
                                    "mime": "application/pdf"}]
    (sent,) = [m for m in mail.outbox if "26-0001" in m.subject]
    (name, content, mime), = sent.attachments
    assert name == "Письмо исх. 26-0001.pdf" and mime == "application/pdf" and content.startswith(b"%PDF")
    assert appeal.number in sent.body and "во вложении" in sent.body


def test_without_an_email_the_letter_waits_for_the_post(worker, django_capture_on_commit_callbacks):
    appeal = decided(worker, email="")
    with django_capture_on_commit_callbacks(execute=True):
        letter = services.issue_letter(appeal, LetterKind.ANSWER, worker, today=TODAY)
    assert letter.delivery == Delivery.POST and letter.sent_at is None
    assert letter.get_delivery_display() == "К отправке почтой"
    assert letter.addressee_address == "улица Марата, д. 7, кв. 12"
    assert not Message.objects.filter(event="letter").exists()


def test_without_any_address_the_letter_is_only_kept(worker):
    letter = services.issue_letter(decided(worker, email="", building=False), LetterKind.ANSWER, worker)
    assert letter.delivery == Delivery.NONE and not letter.addressee_address


def test_the_history_names_the_kind_and_the_number_for_staff_only(worker):
    appeal = decided(worker, refuse=True)
    services.issue_letter(appeal, LetterKind.REFUSAL, worker, today=TODAY)
    event = appeal.events.get(action="letter_issued")
    assert "Отказ" in event.note and "исх. № 26-0001" in event.note and not event.is_public
    assert event.actor == worker

"""Sending one message row: one attempt, recorded, and what comes next (sent, retry later, or given up)."""

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import Attempt, Channel, Message
from .sms import sms_backend

log = logging.getLogger(__name__)


def backoff(attempts: int) -> dt.timedelta:
    """Exponential: NOTIFY_BACKOFF_BASE (a minute), twice that, four times … after each failure, at most
    NOTIFY_BACKOFF_MAX (an hour); a worker's retries (notifications.tasks) wait the same."""
    return dt.timedelta(seconds=min(settings.NOTIFY_BACKOFF_BASE * 2 ** max(attempts - 1, 0),
                                    settings.NOTIFY_BACKOFF_MAX))


def _transmit(message: Message) -> None:
    if message.channel == Channel.SMS:
        sms_backend().send(message.recipient, message.body)
        return
    letter = EmailMessage(message.subject, message.body, None, [message.recipient])
    for item in message.attachments:
        with default_storage.open(item["name"], "rb") as file:
            letter.attach(item["filename"], file.read(), item.get("mime", "application/octet-stream"))
    letter.send()


def _described(problem: Exception) -> str:
    """The failure as staff read it: an SMTP server's answer as its code and words, not a bytes literal."""
    if isinstance(problem, smtplib.SMTPResponseException):
        words = problem.smtp_error.decode("utf-8", "replace") if isinstance(problem.smtp_error, bytes) \
            else str(problem.smtp_error)
        return f"{problem.smtp_code} {words}"
    return str(problem) or type(problem).__name__


def attempt(message_id: int, now: dt.datetime | None = None) -> Message | None:
    """Try to send the message once. Returns it with its new status; None when it is gone or already sent."""
    now = now or timezone.now()
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status in (Message.Status.SENT, Message.Status.FAILED):
            return None
        error = ""
        try:
            _transmit(message)
        except Exception as problem:  # any failure of a backend is this message's failure, not the caller's
            error = _described(problem)[:500]
            log.warning("message %s not sent: %s", message.pk, error)
        message.attempts += 1
        Attempt.objects.create(message=message, at=now, ok=not error, error=error)
        if not error:
            message.status, message.sent_at, message.next_attempt_at = Message.Status.SENT, now, None
        elif message.attempts - message.attempts_before_resend >= settings.NOTIFY_MAX_ATTEMPTS:
            message.status, message.next_attempt_at = Message.Status.FAILED, None
        else:
            message.status, message.next_attempt_at = Message.Status.ERROR, now + backoff(message.attempts)
        message.last_error = error
        message.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at", "last_error"])
    return message

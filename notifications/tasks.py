"""Delivery by Celery: each message by its own task, retried with exponential back-off by a worker; in-process
(eager) the failed row waits as «ошибка» for the periodic `retry_due`, so a request never fails for a letter."""

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from . import delivery, digest
from .models import Message


class NotSentYet(Exception):
    pass


# The back-off is read once, when the worker loads the task: the same formula as delivery.backoff.
@shared_task(bind=True, autoretry_for=(NotSentYet,), retry_backoff=settings.NOTIFY_BACKOFF_BASE,
             retry_backoff_max=settings.NOTIFY_BACKOFF_MAX, retry_jitter=False, max_retries=None)
def deliver(self, message_id: int) -> str:
    message = delivery.attempt(message_id)
    if message is None:
        return "skipped"
    if message.status == Message.Status.ERROR and not self.request.is_eager:
        raise NotSentYet(message.last_error)  # the worker retries; attempts are capped by NOTIFY_MAX_ATTEMPTS
    return message.status


@shared_task
def retry_due(now: str | None = None) -> int:
    """Send again the messages whose next attempt is due (failed earlier in-process or lost by a worker)."""
    moment = dt.datetime.fromisoformat(now) if now else timezone.now()
    # With a worker its own retries come first; only what it lost is picked up, a while later.
    grace = dt.timedelta(0) if settings.CELERY_TASK_ALWAYS_EAGER else dt.timedelta(minutes=15)
    due = Message.objects.filter(status=Message.Status.ERROR, next_attempt_at__lte=moment - grace)
    ids = list(due.order_by("next_attempt_at").values_list("pk", flat=True)[:settings.NOTIFY_RETRY_BATCH])
    for message_id in ids:
        delivery.attempt(message_id, moment)
    return len(ids)


@shared_task
def send_digests(now: str | None = None) -> int:
    """Once a day: each person's appeals due soon and overdue in one message."""
    return digest.send_all(dt.datetime.fromisoformat(now) if now else timezone.now())

"""The outgoing messages as the back office shows them, and «Отправить ещё раз» for one that did not go.

Supervisors see them (a message to a resident carries their name and access code)."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from appeals import access
from appeals.workflow import ASSIGN

from .hub import dispatch, may_send
from .models import Message

ACTIONS = {
    "view_messages": ((ASSIGN,), "Просматривать исходящие сообщения"),
    "resend_message": ((ASSIGN,), "Отправлять сообщение ещё раз"),
}


class ResendRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def may_view(user) -> bool:
    return access.may(user, "view_messages")


def may_resend(user, message: Message) -> bool:
    """Only a message given up on: one still being retried has its next attempt set already."""
    return message.status == Message.Status.FAILED and access.may(user, "resend_message")


def messages(status: str = "", event: str = "") -> QuerySet:
    """The messages, the latest first, with the appeals' applicants they were written to."""
    found = Message.objects.select_related("appeal__applicant").order_by("-created_at", "-id")
    if status:
        found = found.filter(status=status)
    if event:
        found = found.filter(event=event)
    return found


def resend(message: Message, actor) -> Message:
    """Send a message given up on once more, now, with a fresh set of retries; who asked is recorded."""
    access.check(actor, "resend_message")
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.status != Message.Status.FAILED:
            raise ResendRefused(f"Сообщение в состоянии «{message.get_status_display()}»: отправить ещё раз "
                                "можно только не доставленное.")
        if not may_send(message.event, message.recipient):
            raise ResendRefused("Получатель отказался от необязательных сообщений: такое сообщение ему не отправить.")
        message.status, message.next_attempt_at = Message.Status.QUEUED, None
        message.resent_at, message.resent_by, message.attempts_before_resend = timezone.now(), actor, message.attempts
        message.save(update_fields=["status", "next_attempt_at", "resent_at", "resent_by", "attempts_before_resend"])
        transaction.on_commit(lambda: dispatch(message.pk))
    return message

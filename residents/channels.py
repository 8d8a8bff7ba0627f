"""How a one-time code reaches a resident: by e-mail through the project's mail settings, or by SMS.

No SMS provider is connected: the default SMS backend keeps each message as a file in SMS_FILE_PATH, as
the default mail backend keeps letters. A provider is plugged in by naming a class with the same
`send(phone, text)` method in SMS_BACKEND.
"""

import datetime as dt
import secrets
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string


class SmsBackend(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class FileSmsBackend:
    """Each message in its own file, as the file mail backend does: nothing is sent anywhere."""

    def send(self, phone: str, text: str) -> None:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{dt.datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(4)}.txt"
        (folder / name).write_text(f"To: {phone}\n\n{text}\n", encoding="utf-8")


def sms_backend() -> SmsBackend:
    return import_string(settings.SMS_BACKEND)()


def deliver(*, email: str = "", phone: str = "", subject: str, text: str) -> None:
    """Send the message by e-mail when there is one, else by SMS.

    Sent in the request, not by a task: the code is stored only hashed, so a worker could not read it
    back, and it would wait in the broker in plain text."""
    if email:
        send_mail(subject, text, None, [email])
    elif phone:
        sms_backend().send(phone, text)

"""SMS: one interface, `send(phone, text)`, and the backend named in SMS_BACKEND.

The default keeps each message as a file in SMS_FILE_PATH (nothing leaves the machine, as with the file mail
backend). `HttpSmsGateway` posts to a generic HTTP gateway: SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN (a bearer
token) and SMS_GATEWAY_BODY, a JSON template with {to} and {text}."""

import datetime as dt
import json
import secrets
import urllib.error
import urllib.request
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class SmsError(Exception):
    """The gateway did not take the message."""


class SmsBackend(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class FileSmsBackend:
    """Each message in its own file, as the file mail backend does: nothing is sent anywhere."""

    def send(self, phone: str, text: str) -> None:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{dt.datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(4)}.txt"
        (folder / name).write_text(f"To: {phone}\n\n{text}\n", encoding="utf-8")


class HttpSmsGateway:
    """A POST of a JSON body with a bearer token; any answer but 2xx is an error."""

    def __init__(self, url: str | None = None, token: str | None = None, body: str | None = None,
                 timeout: float = 10) -> None:
        self.url = url or settings.SMS_GATEWAY_URL
        self.token = token if token is not None else settings.SMS_GATEWAY_TOKEN
        self.body = body or settings.SMS_GATEWAY_BODY
        self.timeout = timeout

    def payload(self, phone: str, text: str) -> bytes:
        # Each value is JSON-encoded before it goes into the template, so quotes in the text stay quotes.
        filled = self.body.replace("{to}", json.dumps(phone, ensure_ascii=False)).replace(
            "{text}", json.dumps(text, ensure_ascii=False))
        json.loads(filled)  # a wrong template fails here, not at the gateway
        return filled.encode("utf-8")

    def send(self, phone: str, text: str) -> None:
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.url, data=self.payload(phone, text), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                answer.read()
        except urllib.error.HTTPError as error:
            raise SmsError(f"Шлюз SMS ответил {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SmsError(f"Шлюз SMS недоступен: {error}") from error


def sms_backend() -> SmsBackend:
    return import_string(settings.SMS_BACKEND)()


def enabled() -> bool:
    """Whether applicants who left only a phone are told by SMS (one-time codes go by SMS regardless)."""
    return bool(settings.SMS_NOTIFY)

import smtplib
import socket
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from mailgateway.smtp import Gateway

# The first bytes of a PNG: enough for the upload check to know the type.
PNG_LIKE = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gateway(reference_data):
    """The SMTP receiver on a free port of 127.0.0.1, filing into the test database."""
    server = Gateway("127.0.0.1", free_port(), threads=2)
    server.start()
    yield server
    server.stop()


def letter(text: str = "Добрый день! Течёт крыша над квартирой 12.", *, subject: str = "Протечка",
           sender: str = "Иванова Мария Петровна <maria@example.ru>", charset: str = "utf-8",
           cte: str = "base64", **headers) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "priem@uk.example.ru"
    message["Subject"] = subject
    message["Message-ID"] = headers.pop("message_id", None) or make_msgid(domain="example.ru")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text, charset=charset, cte=cte)
    return message


def send(gateway: Gateway, message, *, envelope_from: str | None = None) -> None:
    """Send as an MTA does: raises smtplib's error when the receiver refuses or asks to retry."""
    raw = message if isinstance(message, bytes) else message.as_bytes(policy=policy.SMTP)  # CRLF, as on the wire
    with smtplib.SMTP(gateway.controller.hostname, gateway.controller.port, timeout=30) as client:
        client.sendmail("maria@example.ru" if envelope_from is None else envelope_from,
                        ["priem@uk.example.ru"], raw)

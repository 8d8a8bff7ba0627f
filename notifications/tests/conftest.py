"""Real servers on 127.0.0.1 for the tests of delivery: an SMTP server (aiosmtpd) and an SMS gateway
(http.server in a thread), each on a free port, each keeping what it received."""

import json
import socket
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from appeals import services
from conftest import create_appeal, create_staff


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


@pytest.fixture
def smtp_inbox(settings):
    """Django's SMTP backend pointed at a real SMTP server; the received letters are parsed e-mail messages."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


class Gateway:
    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.status = 200


@pytest.fixture
def sms_gateway(settings):
    """A real HTTP SMS gateway: answers `gateway.status`, keeps each request's headers and JSON body."""
    gateway = Gateway()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            gateway.requests.append({"path": self.path, "headers": dict(self.headers),
                                     "json": json.loads(body.decode("utf-8"))})
            self.send_response(gateway.status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{server.server_port}/send"
    settings.SMS_GATEWAY_TOKEN = "secret-token"
    settings.SMS_BACKEND = "notifications.sms.HttpSmsGateway"
    settings.SMS_NOTIFY = True
    yield gateway
    server.shutdown()
    server.server_close()


@pytest.fixture
def engineer(db):
    return create_staff("engineer", "specialist", "tech")


def drafted(engineer, **applicant):
    """An appeal registered, assigned to the engineer, with an answer drafted."""
    appeal = create_appeal(reason="roof-damage", **applicant)
    appeal = services.assign(services.transition(appeal, "register", None), None, assignee=engineer)
    appeal = services.transition(appeal, "start", engineer)
    return services.transition(appeal, "draft_answer", engineer, answer_text="Кровлю отремонтируем до пятницы.")

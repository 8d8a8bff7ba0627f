"""Delivery retried by a real Celery worker on Redis: the SMTP server refuses the first attempts with 451,
the worker tries again after its back-off, and the message ends «отправлено» with every attempt recorded.

The worker is its own process on the suite's PostgreSQL test database, so the message must be committed
(a transactional test); with SQLite or without Redis the test is skipped, as the other real-service tests are.
"""

import os
import subprocess
import sys
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from notifications import hub
from notifications.models import Channel, Message

from .conftest import free_port

PROJECT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql" or not REDIS_URL,
                                reason="a worker needs PostgreSQL (a database two processes share) and Redis")


class Reluctant:
    """An SMTP server that answers «451 try again later» to the first `refusals` letters, then takes them."""

    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.tries = 0
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.tries += 1
        if self.tries <= self.refusals:
            return "451 4.3.0 Временная ошибка, повторите позже"
        self.received.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def reluctant_smtp():
    handler = Reluctant(refusals=2)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


@pytest.fixture
def worker(reluctant_smtp, tmp_path):
    """`celery worker` on Redis and the test database, sending mail to the reluctant server, back-off 1 s."""
    _handler, port = reluctant_smtp
    db = connection.settings_dict
    login = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env = {**os.environ, "CELERY_EAGER": "0", "REDIS_URL": REDIS_URL,
           "DATABASE_URL": f"postgres://{login}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
           "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
           "EMAIL_PORT": str(port), "NOTIFY_BACKOFF_BASE": "1", "NOTIFY_MAX_ATTEMPTS": "5"}
    log = tmp_path / "worker.log"
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("celery")), "-A", "priemnaya", "worker", "--pool=solo",
         "--concurrency=1", "-l", "info", "--without-gossip", "--without-mingle", f"--logfile={log}"],
        cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    yield process, log
    process.terminate()  # before the test database is flushed and dropped: its connection goes with it
    process.wait(timeout=30)


@pytest.fixture
def to_the_broker():
    """This process hands tasks to Redis, as a web process does, instead of running them itself."""
    from priemnaya.celery import app

    eager, app.conf.task_always_eager = app.conf.task_always_eager, False
    yield
    app.conf.task_always_eager = eager


def _settled(message_id: int, seconds: float) -> Message:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        message = Message.objects.get(pk=message_id)
        if message.status in (Message.Status.SENT, Message.Status.FAILED):
            return message
        time.sleep(0.5)
    return Message.objects.get(pk=message_id)


def test_the_worker_retries_after_451_with_back_off_until_the_letter_is_taken(transactional_db, reluctant_smtp,
                                                                             worker, to_the_broker):
    handler, _port = reluctant_smtp
    process, log = worker
    message = hub.compose("registered", Channel.EMAIL, "ivanova@example.ru",
                          {"number": "26-000777", "access_code": "K7Q2MX9R4T", "company_name": "УК «Пример»",
                           "applicant_name": "Иванова Мария Петровна"})
    message = _settled(message.pk, 120)
    assert process.poll() is None, log.read_text()
    assert message.status == Message.Status.SENT, (message.status, message.last_error, log.read_text()[-3000:])
    assert message.attempts == 3 and message.last_error == "" and message.sent_at
    attempts = list(message.attempt_log.all())
    assert [attempt.ok for attempt in attempts] == [False, False, True]
    assert [attempt.error for attempt in attempts[:2]] == ["451 4.3.0 Временная ошибка, повторите позже"] * 2
    # Celery's exponential back-off from the settings: 1 s, then 2 s (plus the worker's own latency).
    gaps = [(later.at - earlier.at).total_seconds() for earlier, later in zip(attempts, attempts[1:], strict=False)]
    assert 1 <= gaps[0] < 30 and 2 <= gaps[1] < 30, gaps
    assert handler.tries == 3
    (letter,) = handler.received
    assert letter["To"] == "ivanova@example.ru" and "26-000777" in letter["Subject"]
    assert "K7Q2MX9R4T" in letter.get_body().get_content()

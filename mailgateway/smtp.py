"""The product's own SMTP receiver (aiosmtpd): a letter is answered 250 only once it is filed.

The protocol runs on aiosmtpd's event loop; the filing (Django, the database) on a few worker threads.
Whatever keeps a letter from being stored is answered 451, a temporary failure: the sending server keeps
the letter and tries again later, so nothing accepted is lost.
"""

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import close_old_connections, connections

from .intake import file_letter
from .models import Source

logger = logging.getLogger(__name__)
# Replies are ASCII: a client that did not ask for SMTPUTF8 may take nothing else.
TRY_LATER = "451 4.3.0 Temporary failure storing the message, try again later"


def deliver(raw: bytes, envelope_from: str | None, source: str = Source.SMTP):
    """File one letter on this thread, on a database connection fit for use (as a request would)."""
    close_old_connections()
    try:
        return file_letter(raw, source=source, envelope_from=envelope_from)
    finally:
        close_old_connections()


class Handler:
    def __init__(self, executor: ThreadPoolExecutor, recipients: list[str]) -> None:
        self.executor = executor
        self.recipients = [r.lower() for r in recipients]

    def _ours(self, address: str) -> bool:
        address = address.lower()
        return not self.recipients or any(address == r or address.endswith("@" + r.lstrip("@"))
                                          for r in self.recipients)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not self._ours(address):
            return "550 5.1.1 No such recipient here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or b""
        loop = asyncio.get_running_loop()
        try:
            filed = await loop.run_in_executor(self.executor, deliver, raw, envelope.mail_from or "")
        except Exception:
            logger.exception("A letter from %s was not filed; the sender is told to retry", envelope.mail_from)
            return TRY_LATER
        logger.info("Letter %s: %s", filed.message_key, filed.get_outcome_display())
        return "250 2.0.0 OK"


class Gateway:
    """The receiver on host:port, in a thread of its own; `start()` returns once it listens."""

    def __init__(self, host: str, port: int, *, threads: int | None = None) -> None:
        self.threads = threads or settings.MAIL_GATEWAY_THREADS
        self.executor = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="mail-filing")
        handler = Handler(self.executor, settings.MAIL_GATEWAY_RECIPIENTS)
        self.controller = Controller(handler, hostname=host, port=port, ident="Priemnaya mail gateway",
                                     data_size_limit=settings.MAIL_GATEWAY_MAX_BYTES)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()
        # Each worker thread closes its own database connection: one task per thread, held apart by a barrier.
        barrier = threading.Barrier(self.threads)

        def close_connection():
            barrier.wait(timeout=10)
            connections.close_all()

        for _ in range(self.threads):
            self.executor.submit(close_connection)
        self.executor.shutdown(wait=True)

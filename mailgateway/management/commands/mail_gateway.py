"""Run the SMTP receiver: `manage.py mail_gateway --bind 127.0.0.1:2525` (the MTA relays to it)."""

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mailgateway.smtp import Gateway


def host_and_port(bind: str) -> tuple[str, int]:
    host, _colon, port = bind.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(f"--bind: нужен адрес вида 127.0.0.1:2525, а не «{bind}».")
    return host.strip("[]"), int(port)


class Command(BaseCommand):
    help = "Принимать входящую почту по SMTP и регистрировать письма как обращения."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=settings.MAIL_GATEWAY_BIND, help="адрес:порт (по умолчанию %(default)s)")

    def handle(self, *args, bind, **options):
        host, port = host_and_port(bind)
        stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopping.set())
        gateway = Gateway(host, port)
        gateway.start()
        self.stdout.write(f"Почтовый шлюз принимает письма на {host}:{port}", ending="\n")
        self.stdout.flush()
        stopping.wait()
        gateway.stop()
        self.stdout.write("Почтовый шлюз остановлен.")

"""Letters per second through the real SMTP receiver into the configured database: `python -m bench.mail`.

It starts `manage.py mail_gateway` as its own process on a free port of 127.0.0.1 (with this process's
DATABASE_URL: use a database of its own, the letters become appeals), sends `--letters` letters from
`--clients` SMTP clients at once, each client one session after another letter, and prints the rate, the
p50 / p95 / max time per letter (until the 250, i.e. until the appeal is committed) and checks that every
letter was filed once.
"""

import argparse
import smtplib
import statistics
import subprocess
import sys
import threading
import time
import uuid
from email import policy
from email.message import EmailMessage
from pathlib import Path

from mailgateway.models import InboundMessage

PROJECT = Path(__file__).resolve().parents[1]
TEXTS = [
    "Добрый день! Третий день течёт крыша над квартирой {n}, ул. Марата д. 7. Телефон +7 921 123-45-67.",
    "Прошу сделать перерасчёт за отопление за ноябрь, кв. {n}. Иванова Мария Петровна.",
    "<html><body><p>Не работает лифт во втором подъезде.</p><p>Квартира {n}</p></body></html>",
]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _letter(run: str, n: int) -> bytes:
    message = EmailMessage()
    message["From"] = f"Житель {n} <resident{n}@example.ru>"
    message["To"] = "priem@uk.example.ru"
    message["Subject"] = f"Обращение {n}"
    message["Message-ID"] = f"<{run}.{n}@bench.example.ru>"
    text = TEXTS[n % len(TEXTS)].format(n=n)
    message.set_content(text, subtype="html" if text.startswith("<") else "plain",
                        charset=("utf-8", "koi8-r", "windows-1251")[n % 3])
    return message.as_bytes(policy=policy.SMTP)


def _client(port: int, letters: list[bytes], times: list[float], errors: list[str]) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=120) as client:
        for raw in letters:
            started = time.perf_counter()
            try:
                client.sendmail("bench@example.ru", ["priem@uk.example.ru"], raw)
            except smtplib.SMTPException as error:
                errors.append(str(error))
                continue
            times.append(time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--letters", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    port, run = _free_port(), uuid.uuid4().hex[:12]
    gateway = subprocess.Popen([sys.executable, "manage.py", "mail_gateway", "--bind", f"127.0.0.1:{port}"],
                               cwd=PROJECT, stdout=subprocess.PIPE, text=True)
    print(gateway.stdout.readline().strip())
    letters = [_letter(run, n) for n in range(args.letters)]
    times: list[float] = []
    errors: list[str] = []
    threads = [threading.Thread(target=_client, args=(port, letters[i::args.clients], times, errors))
               for i in range(args.clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    gateway.terminate()
    gateway.wait(timeout=60)
    filed = InboundMessage.objects.filter(message_key__startswith=f"{run}.").count()
    ms = sorted(t * 1000 for t in times)
    print(f"{len(times)} letters in {elapsed:.1f} s from {args.clients} clients: {len(times) / elapsed:.1f} letters/s")
    if ms:
        print(f"per letter: p50 {statistics.median(ms):.0f} ms, p95 {ms[int(len(ms) * 0.95) - 1]:.0f} ms, "
              f"max {ms[-1]:.0f} ms")
    print(f"errors: {len(errors)}; filed in the database: {filed} of {args.letters}")
    if errors or filed != args.letters:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Pages and intake over HTTP against gunicorn started here, as a company deploys it; intake as a share of
a bare Django endpoint measured in the same run.

    python -m bench.http_run --pages --intake                      # PostgreSQL + Redis, tasks queued
    python -m bench.http_run --intake --tasks in-process           # tasks run in the web worker
    python -m bench.http_run --intake --embedded                   # no Redis: file cache, tasks in-process

Run it with DATABASE_URL naming the database to measure (filled by `bench.generate`); REDIS_URL (default
redis://127.0.0.1:6379/5) is the cache and the broker unless `--embedded`. It starts the product with
gunicorn (`--workers`, `--worker-class`; DEBUG off, persistent connections, rate limits lifted: every
client comes from one address) and the reference project `bench/bare` (one view: parse, check, one INSERT
that numbers the row; no middleware) on two free ports. Intake: `--clients` threads each send
`POST /api/v1/appeals` one after another for `--seconds`; the bare endpoint gets the same bodies for as long,
alternately, `--rounds` times. It reports appeals/s, p50/p95, errors, appeals stored against 201s
answered, the share of the bare endpoint's rate, each web worker's memory after each part, and with
queued tasks how many were left in the queue (`--drain` then starts one Celery worker and times it).
"""

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .memory import children, free_port, proc_figures

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REDIS = "redis://127.0.0.1:6379/5"
TEXTS = ("Течёт крыша над квартирой {n}, вода на потолке в комнате",
         "Не работает лифт во втором подъезде третий день, квартира {n}",
         "В квартире {n} холодные батареи, прошу проверить отопление",
         "Во дворе не вывезен мусор, контейнеры переполнены",
         "Протекает труба в подвале, сыро и пахнет, кв. {n}",
         "Прошу сделать перерасчёт за отопление за ноябрь, квартира {n}",
         "Не горит свет на лестнице в парадной, пятый этаж",
         "Нет горячей воды с утра, квартира {n}")


@dataclass
class Run:
    """What one intake window saw."""
    seconds: float = 0.0
    times: list[float] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def rate(self) -> float:
        return len(self.numbers) / self.seconds if self.seconds else 0.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))] if ordered else 0.0


class Server:
    """gunicorn on a free port, its workers' memory readable; stopped with `stop`."""

    def __init__(self, app: str, config: Path, env: dict, workers: int, worker_class: str, log: Path):
        self.port = free_port()
        self.log = log
        self.process = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), app, "-c", str(config), "-w", str(workers), "-k", worker_class, "-b",
             f"127.0.0.1:{self.port}", "--timeout", "120", "--error-logfile", str(log), "--log-level", "warning"],
            cwd=ROOT, env=env)

    def wait(self, path: str) -> None:
        for _ in range(300):
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped:\n{self.log.read_text()[-3000:]}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", path)
                connection.getresponse().read()
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("gunicorn did not answer")

    def memory(self) -> str:
        parts = []
        for pid in sorted(children(self.process.pid)):
            figures = proc_figures(pid)
            pss = f", PSS {figures['Pss']:.0f}" if "Pss" in figures else ""
            parts.append(f"{figures['VmRSS']:.0f} (peak {figures['VmHWM']:.0f}{pss})")
        return ", ".join(parts) + " MB"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def send(port: int, path: str, body: bytes, headers: dict) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def intake(port: int, path: str, clients: int, seconds: float, tokens: list[str], addresses: list[str]) -> Run:
    """`clients` threads filing one appeal after another until `seconds` have passed."""
    run = Run()
    start = threading.Barrier(clients + 1)

    def client(index: int) -> None:
        rng = random.Random(index)
        headers = {"Content-Type": "application/json"}
        if tokens:
            headers["Authorization"] = f"Bearer {tokens[index % len(tokens)]}"
        start.wait()
        while time.perf_counter() < deadline:
            n = rng.randint(1, 300)
            body = json.dumps({"text": rng.choice(TEXTS).format(n=n), "address": rng.choice(addresses)},
                              ensure_ascii=False).encode()
            began = time.perf_counter()
            try:
                status, answer = send(port, path, body, headers)
            except OSError as error:
                status, answer = 0, str(error).encode()
            took = (time.perf_counter() - began) * 1000
            with run.lock:
                run.times.append(took)
                if status == 201:
                    run.numbers.append(json.loads(answer)["number"])
                else:
                    run.errors.append(f"{status} {answer[:200].decode(errors='replace')}")

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline = began + seconds  # read by the clients once the barrier opens
    start.wait()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - began
    return run


def print_run(label: str, run: Run) -> None:
    print(f"{label:32} {len(run.numbers):>6} {run.rate:>9.1f} {statistics.median(run.times or [0]):>8.0f} "
          f"{percentile(run.times, 0.95):>8.0f} {max(run.times or [0]):>8.0f} {len(run.errors):>7}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", action="store_true", help="the page cases, one request at a time")
    parser.add_argument("--intake", action="store_true", help="intake against the bare endpoint")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--tasks", choices=("queued", "in-process"), default="queued")
    parser.add_argument("--embedded", action="store_true", help="as the embedded default: no Redis, tasks in-process")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=2, help="bare and product windows, alternately")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--drain", action="store_true", help="then time one Celery worker through the queue")
    parser.add_argument("--floor", action="store_true",
                        help="also the product's stack with no domain rule (bench/floor) in the same rounds")
    args = parser.parse_args(argv)
    if not (args.pages or args.intake):
        parser.error("say --pages, --intake or both")
    redis_url = "" if args.embedded else os.environ.get("REDIS_URL", DEFAULT_REDIS)
    in_process = args.embedded or args.tasks == "in-process"
    env = {**os.environ, "DEBUG": "0", "PUBLIC_RATE_LIMIT": "1000000", "TYPING_HELP_LIMIT": "1000000",
           "ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "priemnaya.settings", "REDIS_URL": redis_url,
           "CELERY_EAGER": "1" if in_process else "0", "CACHE_DIR": str(ROOT / "var" / "bench-cache")}
    os.environ.update({k: env[k] for k in ("REDIS_URL", "CELERY_EAGER", "CACHE_DIR", "DJANGO_SETTINGS_MODULE")})
    import django

    django.setup()
    from django.db import connection

    from appeals.models import Appeal
    from housing.models import Building

    from .bare.views import count as bare_count
    from .bare.views import make_table
    from .concurrent import operator_tokens

    subprocess.run([str(ROOT / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)
    (ROOT / "var").mkdir(exist_ok=True)
    mode = "embedded (file cache, tasks in-process)" if args.embedded else \
        f"Redis cache and broker, tasks {'in-process' if in_process else 'queued'}"
    print(f"{connection.vendor}, {Appeal.objects.count():,} appeals; gunicorn {args.workers} × {args.worker_class};"
          f" {mode}; {time.strftime('%Y-%m-%d %H:%M')}")
    product = Server("priemnaya.wsgi", ROOT / "gunicorn.conf.py", env, args.workers, args.worker_class,
                     ROOT / "var" / "http-run.log")
    bare = floor = None
    failures = 0
    try:
        product.wait("/")
        print(f"workers at start: {product.memory()}")
        if args.pages:
            from .http_pages import measure, print_pages

            rows, page_failures = measure(f"http://127.0.0.1:{product.port}", args.warmup, args.repeat)
            print_pages(rows, page_failures)
            failures += page_failures
            print(f"workers after the pages: {product.memory()}")
        if args.intake:
            make_table()
            connection.close()
            bare = Server("bench.bare.wsgi:application", ROOT / "bench" / "bare" / "gunicorn.conf.py",
                          {**env, "DJANGO_SETTINGS_MODULE": "bench.bare.settings"}, args.workers, args.worker_class,
                          ROOT / "var" / "http-run-bare.log")
            bare.wait("/appeals")
            if args.floor:
                floor = Server("bench.floor.wsgi:application", ROOT / "gunicorn.conf.py", env, args.workers,
                               args.worker_class, ROOT / "var" / "http-run-floor.log")
                floor.wait("/")
            tokens = operator_tokens(args.clients)
            addresses = [f"{b.street}, {b.house}" for b in Building.objects.order_by("pk")[:40]] or ["ул. Марата, 7"]
            failures += _intake(args, product, bare, floor, tokens, addresses, bare_count)
            if not in_process:
                _queue(redis_url, args.drain, env)
    finally:
        product.stop()
        for server in (bare, floor):
            if server is not None:
                server.stop()
    for log in ("http-run.log", "http-run-bare.log", "http-run-floor.log"):
        text = (ROOT / "var" / log).read_text() if (ROOT / "var" / log).exists() else ""
        if "Traceback" in text:
            print(f"{log}:\n{text[text.index('Traceback'):][:3000]}")
            failures += 1
    return 1 if failures else 0


def _add(total: Run, run: Run) -> None:
    total.seconds += run.seconds
    total.times += run.times
    total.numbers += run.numbers
    total.errors += run.errors


def _intake(args, product: Server, bare: Server, floor: Server | None, tokens: list[str], addresses: list[str],
            bare_count) -> int:
    from appeals.models import Appeal

    warm = intake(product.port, "/api/v1/appeals", args.clients, 3.0, tokens, addresses)
    intake(bare.port, "/appeals", args.clients, 1.0, [], addresses)
    if floor is not None:
        intake(floor.port, "/floor/appeals", args.clients, 1.0, tokens, addresses)
    if warm.errors:
        print("warm-up errors:", *warm.errors[:5], sep="\n  ")
    print(f"{'intake, ' + str(args.clients) + ' clients':32} {'201s':>6} {'appeals/s':>9} {'p50 ms':>8} "
          f"{'p95 ms':>8} {'max ms':>8} {'errors':>7}")
    ours, reference, stack = Run(), Run(), Run()
    bare_before = bare_count()
    for round_ in range(1, args.rounds + 1):
        run = intake(bare.port, "/appeals", args.clients, args.seconds, [], addresses)
        print_run(f"bare Django, round {round_}", run)
        _add(reference, run)
        if floor is not None:
            run = intake(floor.port, "/floor/appeals", args.clients, args.seconds, tokens, addresses)
            print_run(f"the stack, no rule, round {round_}", run)
            _add(stack, run)
        run = intake(product.port, "/api/v1/appeals", args.clients, args.seconds, tokens, addresses)
        print_run(f"Priemnaya API, round {round_}", run)
        _add(ours, run)
    print_run("bare Django, all rounds", reference)
    if floor is not None:
        print_run("the stack, no rule, all rounds", stack)
    print_run("Priemnaya API, all rounds", ours)
    stored = Appeal.objects.filter(number__in=set(ours.numbers)).count()
    bare_stored = bare_count() - bare_before
    share = ours.rate / reference.rate if reference.rate else 0.0
    print(f"share of the bare endpoint's rate: {share:.1%}")
    if floor is not None and reference.rate:
        print(f"the stack with no rule: {stack.rate / reference.rate:.1%} of the bare endpoint's rate")
    print(f"stored: Priemnaya {stored} of {len(ours.numbers)} answered 201 ({len(set(ours.numbers))} numbers), "
          f"bare and stack {bare_count() - bare_before} of {len(reference.numbers) + len(stack.numbers)}")
    print(f"workers after intake: Priemnaya {product.memory()}; bare {bare.memory()}")
    for error in (ours.errors + reference.errors + stack.errors)[:10]:
        print("  error:", error)
    lost = stored != len(ours.numbers) or len(set(ours.numbers)) != len(ours.numbers)
    bare_lost = bare_stored != len(reference.numbers) + len(stack.numbers)
    return len(ours.errors) + len(reference.errors) + len(stack.errors) + int(lost) + int(bare_lost)


def _queue(redis_url: str, drain: bool, env: dict) -> None:
    import redis

    broker = redis.Redis.from_url(redis_url)
    left = broker.llen("celery")
    print(f"tasks left in the queue: {left}")
    if not drain or not left:
        return
    worker = subprocess.Popen([str(ROOT / ".venv/bin/celery"), "-A", "priemnaya", "worker", "-c", "1", "-l",
                               "warning"], cwd=ROOT, env=env)
    began = time.perf_counter()
    try:
        while broker.llen("celery"):
            time.sleep(0.5)
        print(f"one Celery worker took {time.perf_counter() - began:.0f} s for them "
              f"({left / (time.perf_counter() - began):.0f} tasks/s)")
    finally:
        worker.terminate()
        worker.wait(60)


if __name__ == "__main__":
    sys.exit(main())

"""Many clients filing at once against a running server: public-form submissions and API creates mixed.

    python -m bench.concurrent --url http://127.0.0.1:8000 --clients 16 --per-client 10

Run it with the server's own DATABASE_URL: it makes an operator and tokens there, and after the load
checks that every appeal the server accepted is stored under the number it gave. Start the server with
PUBLIC_RATE_LIMIT lifted, since all clients come from one address. Exits 1 on any error or missing appeal.
"""

import argparse
import http.cookiejar
import json
import os
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

USERNAME = "bench-concurrent"
_HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
_NAME = re.compile(r'name="([^"]+)"')
_VALUE = re.compile(r'value="([^"]*)"')
# «26-000123» (the year in two digits, or in four outside 2000–2099)
_APPEAL_NUMBER = re.compile(r"(?<![\w-])(?:\d{2}|\d{4})-\d{6,}(?![\w-])")


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)

    def timed(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(seconds * 1000)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)

    def accepted(self, number: str) -> None:
        with self.lock:
            self.numbers.append(number)


class Session:
    """One client: its own cookies (session, CSRF), like a browser tab or an integration."""

    def __init__(self, base: str, tally: Tally, timeout: float) -> None:
        self.base, self.tally, self.timeout = base.rstrip("/"), tally, timeout
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def send(self, kind: str, path: str, data: bytes | None = None,
             headers: dict | None = None) -> tuple[int, str, str]:
        """Status, body and the address it ended at (redirects are followed)."""
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                status, body, url = response.status, response.read().decode(), response.url
        except urllib.error.HTTPError as error:
            status, body, url = error.code, error.read().decode(errors="replace"), error.url
        self.tally.timed(kind, time.perf_counter() - started)
        return status, body, url


def file_public_form(session: Session, i: int) -> None:
    """GET the form (CSRF cookie and whatever hidden fields it carries), POST it, read the number."""
    status, page, _url = session.send("public form", "/appeal/")
    if status != 200:
        raise RuntimeError(f"GET /appeal/: {status}")
    fields = {}
    for tag in _HIDDEN.findall(page):
        name, value = _NAME.search(tag), _VALUE.search(tag)
        if name:
            fields[name[1]] = value[1] if value else ""
    fields.update({"kind": "appeal", "full_name": f"Нагрузкина Анна {i}", "phone": f"+7921{i % 10**7:07d}",
                   "email": "", "address": "ул. Марата, 7", "building": "", "flat": str(i % 300 + 1),
                   "text": f"Не работает лифт во втором подъезде, проверка нагрузки {i}", "consent": "on"})
    # Timed with the result page the redirect leads to, as a resident waits for both.
    status, page, url = session.send("public post + result", "/appeal/", urllib.parse.urlencode(fields).encode(),
                                     {"Content-Type": "application/x-www-form-urlencoded",
                                      "Referer": session.base + "/appeal/"})
    found = _APPEAL_NUMBER.search(page) if status == 200 and url.endswith("/appeal/done/") else None
    if found is None:
        raise RuntimeError(f"POST /appeal/: {status} at {url}, no number")
    session.tally.accepted(found[0])


def create_through_api(session: Session, token: str, i: int) -> None:
    # every other one registered at once: receive, number, classify and register in one transaction
    payload = {"text": f"Течёт крыша над квартирой {i % 300 + 1}, проверка нагрузки", "address": "ул. Марата, 7"}
    if i % 4 == 1:
        payload["reason"] = "roof-damage"
    body = json.dumps(payload, ensure_ascii=False).encode()
    status, answer, _url = session.send("API create", "/api/v1/appeals", body,
                                  {"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    if status != 201:
        raise RuntimeError(f"POST /api/v1/appeals: {status} {answer[:200]}")
    session.tally.accepted(json.loads(answer)["number"])


def client(base: str, token: str, index: int, count: int, start: threading.Barrier, tally: Tally,
           timeout: float) -> None:
    session = Session(base, tally, timeout)
    start.wait()
    for n in range(count):
        i = index * count + n
        try:
            if (index + n) % 2:
                create_through_api(session, token, i)
            else:
                file_public_form(session, i)
        except Exception as error:  # noqa: BLE001 - every failure is counted and shown
            tally.error(f"client {index}: {error}")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def operator_tokens(count: int) -> list[str]:
    from django.contrib.auth import get_user_model

    from accounts import roles
    from accounts.models import ApiToken, Department, StaffProfile

    user, created = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"first_name": "Нагрузка", "last_name": "Проверочная"})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        StaffProfile.objects.create(user=user, department=Department.objects.filter(code="crm").first())
    roles.set_role(user, roles.OPERATOR)
    return [ApiToken.issue(user)[1] for _ in range(count)]


def stored(numbers: list[str]) -> int:
    from appeals.models import Appeal

    return Appeal.objects.filter(number__in=numbers).count()


def run(base: str, clients: int, per_client: int, timeout: float) -> Tally:
    tokens = operator_tokens(clients)
    tally = Tally()
    start = threading.Barrier(clients)
    threads = [threading.Thread(target=client, args=(base, tokens[i], i, per_client, start, tally, timeout))
               for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Concurrent public-form posts and API creates; p50/p95, errors.")
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--per-client", type=int, default=10, help="submissions each client makes, one after another")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first (each worker loads its models)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a request may take")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "priemnaya.settings")
    import django

    django.setup()
    if args.warmup:
        warm = run(args.url, args.clients, args.warmup, args.timeout)
        if warm.errors:
            print("warm-up errors:", *warm.errors[:10], sep="\n  ")
            return 1
    started = time.perf_counter()
    tally = run(args.url, args.clients, args.per_client, args.timeout)
    elapsed = time.perf_counter() - started
    requests = sum(len(times) for times in tally.times.values())
    print(f"{args.clients} clients × {args.per_client} submissions against {args.url}: {requests} requests "
          f"in {elapsed:.1f} s, {len(tally.numbers) / elapsed:.1f} appeals/s, errors {len(tally.errors)}")
    print(f"{'request':<20} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, times in sorted(tally.times.items()):
        print(f"{kind:<20} {len(times):>6} {statistics.median(times):>8.0f} {percentile(times, 0.95):>8.0f} "
              f"{max(times):>8.0f}")
    every = [t for times in tally.times.values() for t in times]
    if every:
        print(f"{'all':<20} {len(every):>6} {statistics.median(every):>8.0f} {percentile(every, 0.95):>8.0f} "
              f"{max(every):>8.0f}")
    unique = set(tally.numbers)
    found = stored(sorted(unique))
    print(f"accepted {len(tally.numbers)} appeals, {len(unique)} numbers, {found} of them stored")
    for error in tally.errors[:20]:
        print("  error:", error)
    ok = not tally.errors and len(unique) == len(tally.numbers) == found == args.clients * args.per_client
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Pages over HTTP, one request at a time, against a running server (as a clerk's browser meets them).

    python -m bench.http_pages --url http://127.0.0.1:8000 --warmup 3 --repeat 30

Run it with the server's own DATABASE_URL: it makes a supervisor there (password log-in, as a person) and
picks open appeals for the appeal pages. The in-process `bench.benchmark` times from URL routing to the
rendered page; this adds what a deployment adds: the WSGI server, the middleware, the cache and the
session store over the network, the network itself. Start the server with PUBLIC_RATE_LIMIT lifted.
"""

import argparse
import os
import random
import statistics
import sys
import urllib.parse

from .concurrent import _HIDDEN, _NAME, _VALUE, Session, Tally

USERNAME, PASSWORD = "bench-http", "bench-http-pass-2026"
SEARCHES = ("крыша", "протекла крыша")


def _prepare(count: int) -> tuple[list[str], list[tuple[str, str]]]:
    """The supervisor, and (open appeal numbers, (number, code) pairs) spread over the table."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "priemnaya.settings")
    django.setup()
    from django.contrib.auth.models import User

    from accounts.roles import SUPERVISOR, set_role
    from appeals.choices import OPEN_STATUSES
    from appeals.models import Appeal

    user, _ = User.objects.get_or_create(username=USERNAME, defaults={"first_name": "Бенч", "last_name": "HTTP"})
    user.set_password(PASSWORD)
    user.is_active = True
    user.save()
    set_role(user, SUPERVISOR)
    open_numbers = list(Appeal.objects.filter(status__in=OPEN_STATUSES).order_by("-received_at")
                        .values_list("number", flat=True)[:count])
    top = Appeal.objects.order_by("-id").values_list("id", flat=True).first() or 0
    rng = random.Random(1)
    pairs = list(Appeal.objects.filter(id__in=[rng.randint(1, top) for _ in range(count * 2)])
                 .values_list("number", "access_code"))[:count]
    return open_numbers, pairs


def _form_fields(page: str) -> dict:
    fields = {}
    for tag in _HIDDEN.findall(page):
        name, value = _NAME.search(tag), _VALUE.search(tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def _post(session: Session, kind: str, path: str, form_page: str, data: dict) -> tuple[int, str, str]:
    status, page, _ = session.send(f"{kind} (form)", form_page)
    body = urllib.parse.urlencode({**_form_fields(page), **data}).encode()
    return session.send(kind, path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                           "Referer": session.base + form_page})


def measure(url: str, warmup: int, repeat: int) -> tuple[list[tuple[str, float, float, float]], int]:
    """(page, p50, p95, max) in ms for every case, and how many timed requests did not answer 200."""
    open_numbers, pairs = _prepare(max(repeat + warmup, 10))
    if not open_numbers or not pairs:
        raise SystemExit("No appeals: fill the database first (python -m bench.generate --appeals N).")
    tally = Tally()
    clerk, public = Session(url, tally, 60.0), Session(url, tally, 60.0)
    status, _page, url = _post(clerk, "log-in", "/staff/login/", "/staff/login/",
                               {"username": USERNAME, "password": PASSWORD})
    if "/login/" in url:
        raise SystemExit(f"log-in failed ({status})")
    searches = {}
    for text in SEARCHES:  # the journal's search is posted, then shown at an address with a token
        _status, _page, found_at = _post(clerk, "search (post)", "/staff/journal/", "/staff/journal/", {"q": text})
        searches[text] = urllib.parse.urlsplit(found_at)
    cases = {
        "journal, first page": lambda i: clerk.send("journal, first page", "/staff/journal/"),
        "journal, overdue": lambda i: clerk.send("journal, overdue", "/staff/journal/?due=overdue"),
        "journal, status «в работе»": lambda i: clerk.send("journal, status «в работе»",
                                                          "/staff/journal/?status=in_progress"),
        **{f"journal, search «{t}»": (lambda i, t=t: clerk.send(f"journal, search «{t}»",
                                                               f"{searches[t].path}?{searches[t].query}"))
           for t in SEARCHES},
        "appeal page (open)": lambda i: clerk.send("appeal page (open)",
                                                   f"/staff/appeals/{open_numbers[i % len(open_numbers)]}/"),
        "tracking page": lambda i: _post(public, "tracking page", "/track/", "/track/",
                                         dict(zip(("number", "code"), pairs[i % len(pairs)], strict=True))),
    }
    failures, rows = 0, []
    for name, run in cases.items():
        for i in range(warmup):
            run(i)
        tally.times.pop(name, None)
        for i in range(warmup, warmup + repeat):
            status = run(i)[0]
            failures += status != 200
        times = sorted(tally.times[name])
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        rows.append((name, statistics.median(times), p95, times[-1]))
    return rows, failures


def print_pages(rows: list[tuple[str, float, float, float]], failures: int) -> None:
    print(f"{'page':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, p50, p95, most in rows:
        print(f"{name:34} {p50:8.1f} {p95:8.1f} {most:8.1f}")
    print(f"errors: {failures}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    rows, failures = measure(args.url, args.warmup, args.repeat)
    print_pages(rows, failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

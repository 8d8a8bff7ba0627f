"""Server-side timings of the pages that must stay fast at scale: `python -m bench.benchmark`.

Every request goes in-process through Django's test client: URL routing, middleware, the real
view, its queries and its template, as a logged-in supervisor (sees every appeal) or an API
token. Network, TLS and the WSGI server are not counted. Each case is warmed up first, then
timed request by request; the table gives the median (p50), the 95th percentile (p95), the
queries per request and the part of the time spent waiting for the database.

API create adds real appeals (and their history rows) to the database it runs on.
"""

import argparse
import json
import os
import random
import statistics
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from accounts import roles
from accounts.models import ApiToken, Department, StaffProfile
from appeals.choices import Status
from appeals.models import Appeal, Applicant, Reason
from housing.models import Building
from priemnaya.celery import app as celery_app

from . import texts

USERNAME = "bench-runner"
# Whole words and other forms of them than the texts use: «протекла» must find «протекает».
SEARCHES = ("протекла крыша", "сосульки", "нет горячей воды", "домофон не работает", "затопило квартиру",
            "крысы в подвале", "запах газа", "лифт застрял")
# Busy and quiet statuses, each with every department.
FILTERED_STATUSES = (Status.IN_PROGRESS, Status.CLOSED, Status.ANSWERED, Status.REGISTERED, Status.WITHDRAWN)

Request = tuple[str, str, dict]  # method, path, data


@dataclass
class Case:
    name: str
    target_ms: float | None
    next_request: Callable[[random.Random], Request]
    client: Client
    expect: int = 200
    json: bool = False
    label: Callable[[Request], str] | None = None  # name of a request's variant for --detail
    times: list = field(default_factory=list)
    unqueued: list = field(default_factory=list)  # times minus the wait for a free CPU
    queries: list = field(default_factory=list)
    db_times: list = field(default_factory=list)
    by_label: dict = field(default_factory=dict)


class QueryClock:
    """Counts the queries of one request and the time spent in them."""

    def __init__(self) -> None:
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started


class CpuQueue:
    """Time spent waiting for a free CPU, by this thread and by the database server process serving it,
    from Linux scheduler statistics. On a machine shared with other work, a request minus that wait is
    what it takes on an idle one. Absent (None) where the statistics cannot be read."""

    def __init__(self) -> None:
        self.paths = ["/proc/thread-self/schedstat"]
        if connection.vendor == "postgresql":
            connection.settings_dict["CONN_MAX_AGE"] = None  # one server process for the whole run
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.paths.append(f"/proc/{cursor.fetchone()[0]}/schedstat")

    def waited_ns(self) -> int | None:
        try:
            return sum(int(open(path).read().split()[1]) for path in self.paths)
        except (OSError, IndexError, ValueError):  # not Linux, or the database runs elsewhere
            return None


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def _send(case: Case, request: Request):
    method, path, data = request
    if case.json:
        return case.client.generic(method, path, json.dumps(data, ensure_ascii=False),
                                   content_type="application/json")
    # A posted form is followed to the page it leads to (the tracking form redirects to the status page).
    return case.client.get(path, data) if method == "GET" else case.client.post(path, data, follow=True)


def run(case: Case, rng: random.Random, warmup: int, repeat: int, cpu_queue: CpuQueue) -> None:
    for _ in range(warmup):
        _check(case, _send(case, case.next_request(rng)))
    for _ in range(repeat):
        request, clock = case.next_request(rng), QueryClock()
        waited = cpu_queue.waited_ns()
        with connection.execute_wrapper(clock):
            started = time.perf_counter()
            response = _send(case, request)
            elapsed = time.perf_counter() - started
        waited_after = cpu_queue.waited_ns()
        _check(case, response)
        case.times.append(elapsed * 1000)
        if waited is not None and waited_after is not None:
            case.unqueued.append(elapsed * 1000 - (waited_after - waited) / 1e6)
        if case.label:
            case.by_label.setdefault(case.label(request), []).append(
                (case.times[-1], case.unqueued[-1] if case.unqueued else None))
        case.queries.append(clock.count)
        case.db_times.append(clock.seconds * 1000)


def _check(case: Case, response) -> None:
    if response.status_code != case.expect:
        raise SystemExit(f"{case.name}: {response.status_code} instead of {case.expect}: {response.content[:300]!r}")


def _runner():
    """A supervisor of the benchmark's own: sees every appeal, registers, assigns."""
    user, created = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"first_name": "Бенчмарк", "last_name": "Замеров", "email": "bench@example.ru"})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        StaffProfile.objects.create(user=user, department=None, position=roles.ROLE_TITLES[roles.SUPERVISOR])
    roles.set_role(user, roles.SUPERVISOR)
    return user


def _applicant_searches(count: int, rng: random.Random) -> list[str]:
    """What a clerk types to find a person, for real applicants: the surname alone, with the name, with
    initials; the phone in full and its last seven digits."""
    top = Applicant.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = [rng.randint(1, top) for _ in range(count)]
    queries = []
    for name, phone in Applicant.objects.filter(id__in=ids).exclude(phone="").values_list("full_name", "phone"):
        surname, first, *rest = name.split() + ["", ""]
        local = f"{phone[-7:-4]}-{phone[-4:-2]}-{phone[-2:]}"
        queries += [surname, f"{surname} {first}", f"{surname} {first[:1]}. {rest[0][:1]}.",
                    f"+7 {phone[-10:-7]} {local}", local]
    return queries


def _applicant_search_label(request: Request) -> str:
    q = request[2]["q"]
    if q.startswith("+7"):
        return "phone in full"
    if q[0].isdigit():
        return "last 7 digits of a phone"
    return {1: "surname", 2: "surname and name"}.get(len(q.split()), "surname and initials")


def _sample(count: int, rng: random.Random) -> list[tuple[str, str]]:
    """(number, access code) of appeals spread over the table, picked by id without scanning it."""
    top = Appeal.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = [rng.randint(1, top) for _ in range(count * 2)]
    found = list(Appeal.objects.filter(id__in=ids).values_list("number", "access_code"))
    if not found:
        raise SystemExit("No appeals: fill the database first (python -m bench.generate --appeals N).")
    return found[:count]


def build_cases(rng: random.Random) -> list[Case]:
    user = _runner()
    staff = Client()
    staff.force_login(user)
    public = Client()
    _, key = ApiToken.issue(user)
    api = Client(headers={"Authorization": f"Bearer {key}"})
    departments = list(Department.objects.values_list("id", flat=True))
    appeals = _sample(500, rng)
    reasons = list(Reason.objects.filter(is_active=True).select_related("category"))
    addresses = [b.address for b in Building.objects.filter(is_active=True).order_by("?")[:200]]
    people = _applicant_searches(100, rng)

    def journal(_rng):
        return "GET", "/staff/journal/", {}

    def filtered(r):
        return "GET", "/staff/journal/", {"status": r.choice(FILTERED_STATUSES).value,
                                          "department": r.choice(departments)}

    def overdue(_rng):
        return "GET", "/staff/journal/", {"due": "overdue"}

    def search(r):
        return "GET", "/staff/journal/", {"q": r.choice(SEARCHES)}

    def applicant_search(r):
        return "GET", "/staff/journal/", {"q": r.choice(people)}

    def appeal_page(r):
        return "GET", f"/staff/appeals/{r.choice(appeals)[0]}/", {}

    def track_page(r):
        number, code = r.choice(appeals)
        return "POST", "/track/", {"number": number, "code": code}

    def track_api(r):
        number, code = r.choice(appeals)
        return "POST", "/api/v1/track", {"number": number, "access_code": code}

    def create(r):
        reason = r.choice(reasons)
        text, _short = texts.appeal_text(r, reason.code, reason.category.code)
        name, _female = texts.full_name(r)
        return "POST", "/api/v1/appeals", {
            "text": text, "kind": "complaint", "channel": "api", "address": r.choice(addresses),
            "flat": str(r.randint(1, 120)), "reason": reason.code,
            "applicant": {"full_name": name, "phone": f"+79{r.randrange(10 ** 9):09d}"}}

    return [
        Case("journal, first page", 100, journal, staff),
        Case("journal, status + department", 100, filtered, staff, label=_filter_label),
        Case("journal, overdue", 100, overdue, staff),
        Case("journal, full-text search", 100, search, staff, label=lambda request: request[2]["q"]),
        Case("journal, surname or phone", 100, applicant_search, staff, label=_applicant_search_label),
        Case("appeal page", None, appeal_page, staff),
        Case("tracking page (portal)", 20, track_page, public),
        Case("tracking, POST /api/v1/track", 20, track_api, public, json=True),
        Case("API create, POST /api/v1/appeals", None, create, api, expect=201, json=True),
    ]


def _filter_label(request: Request) -> str:
    return f"status {request[2]['status']}"


def _quiet_settings() -> None:
    """Settings of this process only. The benchmark is one visitor sending hundreds of requests: lift the
    public per-IP limit. Background tasks are queued (in memory), not run in the request, as they are
    with a broker and separate workers in production."""
    settings.PUBLIC_RATE_LIMIT = 10**9
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = "memory://localhost/"
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")
    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def print_table(cases: list[Case], total_appeals: int) -> None:
    count = f"{total_appeals:,}".replace(",", " ")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{connection.vendor}: {count} appeals; load average {load} (1, 5, 15 min)")
    print(f"{'':36} {'as measured':>17} {'less CPU wait':>17}")
    print(f"{'case':36} {'p50':>8} {'p95':>8} {'p50':>8} {'p95':>8} {'target':>7} {'queries':>8} {'db p50':>7}")
    for case in cases:
        p95 = percentile(case.times, 0.95)
        unqueued = (f"{statistics.median(case.unqueued):8.1f} {percentile(case.unqueued, 0.95):8.1f}"
                    if case.unqueued else f"{'':8} {'':8}")
        target = f"≤ {case.target_ms:.0f}" if case.target_ms else ""
        print(f"{case.name:36} {statistics.median(case.times):8.1f} {p95:8.1f} {unqueued} {target:>7} "
              f"{statistics.median(case.queries):8.0f} {statistics.median(case.db_times):7.1f}")
    print("milliseconds per request; db: time in the queries; n =", ", ".join(str(len(c.times)) for c in cases))
    for case in cases:
        if case.expect == 201:
            rate = 1000 * len(case.times) / sum(case.times)
            unqueued = f", {1000 * len(case.unqueued) / sum(case.unqueued):.1f} less CPU wait" if case.unqueued else ""
            print(f"API create: {rate:.1f} appeals/s{unqueued} (one client, one request at a time)")


def print_detail(cases: list[Case]) -> None:
    for case in cases:
        if case.by_label:
            print(f"\n{case.name}: p50 and max as measured, and less CPU wait")
            for label, pairs in sorted(case.by_label.items()):
                line = f"  {label:34} {_p50_max([t for t, _ in pairs])}"
                if pairs[0][1] is not None:
                    line += f"   {_p50_max([u for _, u in pairs])}"
                print(f"{line}   n {len(pairs)}")


def _p50_max(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} {max(values):7.1f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Server-side p50/p95 of the journal, search, tracking and API.")
    parser.add_argument("--repeat", type=int, default=100, help="timed requests per case")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests per case before timing")
    parser.add_argument("--creates", type=int, default=200, help="appeals created through the API")
    parser.add_argument("--only", default="", help="run only the cases whose name contains this text")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--detail", action="store_true", help="also print each search and each filter apart")
    args = parser.parse_args(argv)
    _quiet_settings()
    rng = random.Random(args.seed)
    cpu_queue = CpuQueue()
    total = Appeal.objects.count()
    cases = [c for c in build_cases(rng) if args.only.lower() in c.name.lower()]
    for case in cases:
        creating = case.expect == 201
        print(f"  {case.name}…", flush=True)
        run(case, rng, warmup=min(args.warmup, 5) if creating else args.warmup,
            repeat=args.creates if creating else args.repeat, cpu_queue=cpu_queue)
    print_table(cases, total)
    if args.detail:
        print_detail(cases)


if __name__ == "__main__":
    main()

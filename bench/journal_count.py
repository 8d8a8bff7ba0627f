"""What the journal's «Найдено: …» costs: `python -m bench.journal_count`.

First the count query alone for the journal's usual filters, exact and read up to 1,000 and 10,000
matches (median of five after one untimed run). Then the journal's pages as `bench.benchmark` requests
them, each request twice in a row, with the count and without it, in alternating order, so that both
meet the same load of a shared machine. Milliseconds; *less CPU wait* as in `bench.benchmark`.
"""

import argparse
import os
import random
import statistics
import time

from accounts.models import Department
from appeals.choices import Status
from appeals.journal import Found, JournalFilter, count_found
from appeals.models import Appeal, Applicant
from backoffice import views_journal

from . import benchmark as bench

EXACT = 10**9


def _median_ms(fn, repeat: int = 5) -> float:
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _filters() -> list[tuple[str, JournalFilter]]:
    department = Department.objects.order_by("id").values_list("id", flat=True).first()
    phone = Applicant.objects.exclude(phone="").order_by("-id").values_list("phone", flat=True).first() or ""
    searches = [(f"search «{q}»", JournalFilter(q=q, applicants=True)) for q in bench.SEARCHES]
    people = [("surname and name «Иванова Мария»", JournalFilter(q="Иванова Мария", applicants=True)),
              (f"phone, last 7 digits «{phone[-7:]}»", JournalFilter(q=phone[-7:], applicants=True))]
    return [("no filter", JournalFilter()),
            ("status closed + department", JournalFilter(status=Status.CLOSED, department=department)),
            ("status in progress + department", JournalFilter(status=Status.IN_PROGRESS, department=department)),
            ("overdue", JournalFilter(due="overdue")), *searches, *people]


def print_count_queries() -> None:
    print(f"\nthe count alone; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'filter':40} {'matches':>8} {'exact':>8} {'≤ 10000':>8} {'≤ 1000':>8}")
    for name, f in _filters():
        found = count_found(Appeal.objects.all(), f, limit=EXACT)
        line = f"{name:40} {found.count if found.count is not None else '–':>8}"
        for limit in (EXACT, 10_000, 1_000):
            line += f" {_median_ms(lambda f=f, limit=limit: count_found(Appeal.objects.all(), f, limit=limit)):8.1f}"
        print(line, flush=True)


def _without_count(_request, page, _journal_filter) -> Found:
    return Found(page.last_index)


def print_pages(repeat: int) -> None:
    rng, cpu_queue = random.Random(1), bench.CpuQueue()
    cases = [c for c in bench.build_cases(rng) if c.name.startswith("journal")]
    counting = views_journal._found
    print(f"\npages with and without the count; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'':36} {'without, less CPU wait':>23} {'with, less CPU wait':>23}")
    print(f"{'case':36} {'p50':>11} {'p95':>11} {'p50':>11} {'p95':>11}")
    for case in cases:
        times = {"without": [], "with": []}
        for _ in range(5):
            bench._send(case, case.next_request(rng))
        for i in range(repeat):
            request = case.next_request(rng)
            for side in ("without", "with") if i % 2 else ("with", "without"):
                views_journal._found = counting if side == "with" else _without_count
                waited = cpu_queue.waited_ns()
                started = time.perf_counter()
                bench._check(case, bench._send(case, request))
                elapsed = (time.perf_counter() - started) * 1000
                after = cpu_queue.waited_ns()
                times[side].append(elapsed - (after - waited) / 1e6 if waited is not None else elapsed)
        views_journal._found = counting
        print(f"{case.name:36}" + "".join(f" {statistics.median(t):11.1f} {bench.percentile(t, 0.95):11.1f}"
                                          for t in times.values()), flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The cost of the journal's count.")
    parser.add_argument("--repeat", type=int, default=100, help="timed pairs of requests per case")
    args = parser.parse_args(argv)
    bench._quiet_settings()
    print_count_queries()
    print_pages(args.repeat)


if __name__ == "__main__":
    main()

"""The statistics pages and the monthly report at scale: `python -m bench.insights`.

Each page is requested through Django's test client as the benchmark's supervisor (sees every appeal), for the
last whole month and the last twelve months, with no filter and with a department and a category. Every timed
request is cold: the numbers' cache is invalidated first (as after any change of an appeal). Then the same
request once more, warm, from the cache. Then the monthly report of the last whole month is built (the task's
code, in this process), timed, and its row and files removed again. Milliseconds.
"""

import argparse
import datetime as dt
import os
import statistics
import time

from django.test import Client
from django.utils import timezone

from accounts.models import Department
from appeals.models import Category
from insights import cache, reports
from insights.models import MonthlyReport

from . import benchmark as bench

PAGES = {"flow": "/staff/insights/", "problems": "/staff/insights/problems/",
         "deadlines": "/staff/insights/deadlines/"}


def _periods(today: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    month_end = today.replace(day=1) - dt.timedelta(days=1)
    return {"month": (month_end.replace(day=1), month_end),
            "12 months": ((month_end.replace(day=1) - dt.timedelta(days=335)).replace(day=1), month_end)}


def _filters() -> dict[str, dict]:
    department = Department.objects.order_by("id").values_list("id", flat=True).first()
    category = Category.objects.order_by("order").values_list("id", flat=True).first()
    return {"no filter": {}, "department": {"department": department}, "category": {"category": category}}


def time_pages(client: Client, repeat: int) -> None:
    print(f"\npages, cold (cache invalidated) p50 / p95 and warm p50; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'page':10} {'period':10} {'filter':11} {'cold p50':>9} {'cold p95':>9} {'warm p50':>9}")
    for period, (start, end) in _periods(timezone.localdate()).items():
        for label, extra in _filters().items():
            for name, url in PAGES.items():
                query = {"start": f"{start:%Y-%m-%d}", "end": f"{end:%Y-%m-%d}", **extra}
                cold, warm = [], []
                for i in range(repeat + 1):
                    cache.appeals_changed()
                    started = time.perf_counter()
                    response = client.get(url, query)
                    elapsed = (time.perf_counter() - started) * 1000
                    assert response.status_code == 200, response.status_code
                    if i:  # the first one warms the database's buffers
                        cold.append(elapsed)
                    started = time.perf_counter()
                    client.get(url, query)
                    warm.append((time.perf_counter() - started) * 1000)
                print(f"{name:10} {period:10} {label:11} {statistics.median(cold):9.0f} "
                      f"{bench.percentile(cold, 0.95):9.0f} {statistics.median(warm):9.0f}", flush=True)


def time_report(user) -> None:
    month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    report = MonthlyReport.objects.create(month=month, started_by=user)
    try:
        started = time.perf_counter()
        reports.build(report)
        elapsed = time.perf_counter() - started
        print(f"\nmonthly report {month:%m.%Y}: {elapsed:.1f} s (XLSX {report.xlsx.size:,} B, "
              f"PDF {report.pdf.size:,} B)")
    finally:
        for stored in (report.xlsx, report.pdf):
            if stored:
                stored.delete(save=False)
        report.delete()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="The statistics pages and the monthly report at scale.")
    parser.add_argument("--repeat", type=int, default=20, help="timed cold requests per page, period and filter")
    args = parser.parse_args(argv)
    bench._quiet_settings()
    user = bench._runner()
    client = Client()
    client.force_login(user)
    from appeals.models import Appeal

    print(f"appeals: {Appeal.objects.count():,}")
    time_pages(client, args.repeat)
    time_report(user)


if __name__ == "__main__":
    main()

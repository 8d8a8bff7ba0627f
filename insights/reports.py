"""The monthly report for management: the statistics pages' tables for one month against the month before, as
XLSX and PDF (WeasyPrint with the system's fonts), built step by step with its progress saved for the page."""

import datetime as dt
from pathlib import Path

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from appeals.models import Appeal
from deadlines.calendar import moment_words

from . import pages
from .filters import Scope, previous_period
from .models import MonthlyReport
from .numbers import quick_plans
from .tables import write_xlsx

STYLESHEET = Path(__file__).with_name("report.css")
MONTH_NAMES = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
               "ноябрь", "декабрь"]


def month_title(month: dt.date) -> str:
    return f"{MONTH_NAMES[month.month - 1]} {month.year} г."


def month_scope(month: dt.date) -> Scope:
    end = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return Scope(month, end, *previous_period(month, end))


def order(month: dt.date, user) -> MonthlyReport:
    """A new report row, its task queued once the row is committed (run at once where tasks run eagerly)."""
    from .tasks import build_monthly_report

    report = MonthlyReport.objects.create(month=month, started_by=user)
    transaction.on_commit(lambda: build_monthly_report.delay(report.pk))
    return report


def _progress(report: MonthlyReport, percent: int, step: str) -> None:
    report.percent, report.step = percent, step
    report.save(update_fields=["percent", "step", "status"])


def build(report: MonthlyReport, now: dt.datetime | None = None) -> MonthlyReport:
    now = now or timezone.now()
    scope, appeals = month_scope(report.month), Appeal.objects.all()
    report.status = MonthlyReport.Status.RUNNING
    _progress(report, 5, "Поток обращений")
    with quick_plans():
        flow = pages.flow(scope, appeals, "day")
    _progress(report, 35, "Частые и повторяющиеся проблемы, инциденты")
    with quick_plans():
        problems = pages.problems(scope, appeals)
    _progress(report, 60, "Сроки, результаты, продления и передачи")
    with quick_plans():
        deadlines = pages.deadlines(scope, appeals, now)
    _progress(report, 80, "Файлы отчёта")
    heading = f"Ежемесячный отчёт за {month_title(report.month)}"
    keep = {"volume", "by-category", "by-channel", "by-kind"}
    tables = [t for t in flow.tables if t.slug in keep] + problems.tables + deadlines.tables
    headline = flow.headline + problems.headline + deadlines.headline
    name = f"report-{report.month:%Y-%m}-{report.pk}"
    with write_xlsx(heading, tables) as out:
        report.xlsx.save(f"{name}.xlsx", File(out), save=False)
    report.pdf.save(f"{name}.pdf", ContentFile(report_pdf(heading, scope, headline, tables, now)), save=False)
    report.status, report.percent, report.step, report.finished_at = MonthlyReport.Status.DONE, 100, "", timezone.now()
    report.save()
    return report


def report_pdf(heading: str, scope: Scope, headline, tables, now: dt.datetime) -> bytes:
    from weasyprint import CSS, HTML  # loads pango: only where a report is made

    from accounts.models import Company

    html = render_to_string("insights/report_pdf.html", {"company": Company.current(),
        "heading": heading, "scope": scope, "headline": headline, "tables": tables,
        "made": moment_words(now)})
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])

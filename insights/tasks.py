from celery import shared_task
from django.utils import timezone

from .models import MonthlyReport


@shared_task
def build_monthly_report(report_id: int) -> str:
    from . import reports

    report = MonthlyReport.objects.filter(pk=report_id).first()
    if report is None or report.is_finished:
        return "skipped"
    try:
        reports.build(report)
    except Exception as error:  # the page says it failed instead of polling forever
        MonthlyReport.objects.filter(pk=report_id).update(status=MonthlyReport.Status.FAILED,
                                                          error=str(error)[:2000], finished_at=timezone.now())
        return "failed"
    return "done"

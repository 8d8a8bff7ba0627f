import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from appeals.models import Reason
from insights.models import MonthlyReport

from .test_pages import answered, appeal, at


@pytest.mark.django_db
def test_the_monthly_report_is_built_kept_and_read_back(client, supervisor, django_capture_on_commit_callbacks):
    roof = Reason.objects.get(code="roof-damage")
    for day in (3, 4, 5):
        answered(at(day), at(day + 7), due=at(day + 10), reason=roof, category=roof.category,
                 resolved_in_favour_of="applicant")
    appeal(at(10, month=2), reason=roof)
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/staff/insights/reports/", {"month": "2025-03"})
    report = MonthlyReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/insights/reports/{report.pk}/"
    assert report.status == "done" and report.percent == 100 and report.month == dt.date(2025, 3, 1)

    page = client.get(f"/staff/insights/reports/{report.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "Отчёт готов" in page and "hx-get" not in page  # finished: the polling stops

    pdf = client.get(f"/staff/insights/reports/{report.pk}/pdf/")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages)
    assert "Ежемесячный отчёт за март 2025 г." in text
    assert "Повреждение кровли, протечка с крыши" in text
    assert "01.03.2025 — 31.03.2025" in text

    xlsx = client.get(f"/staff/insights/reports/{report.pk}/xlsx/")
    book = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    volume = book["Поступило по дням"]
    assert [row for row in volume.iter_rows(min_row=3, values_only=True)] == [
        ("03.03.2025", 1), ("04.03.2025", 1), ("05.03.2025", 1)]
    assert client.get(f"/staff/insights/reports/{report.pk}/doc/").status_code == 404


@pytest.mark.django_db
def test_a_report_still_being_built_keeps_polling(client, supervisor):
    report = MonthlyReport.objects.create(month=dt.date(2025, 3, 1), percent=35, status="running",
                                          step="Частые проблемы")
    client.force_login(supervisor)
    page = client.get(f"/staff/insights/reports/{report.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page and "35 %" in page and "Частые проблемы" in page


@pytest.mark.django_db
def test_a_month_still_ahead_is_refused_in_russian(client, supervisor):
    client.force_login(supervisor)
    response = client.post("/staff/insights/reports/", {"month": "2099-01"})
    assert response.status_code == 400
    assert "Этот месяц ещё не начался." in response.content.decode()
    assert client.post("/staff/insights/reports/", {"month": "март"}).status_code == 400
    assert not MonthlyReport.objects.exists()

"""The CDR upload page: a supervisor uploads Master.csv, the page reads it batch by batch (htmx posts each step)
and shows the rows done and the rows refused; the same file again adds nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from calls import views_stats
from calls.models import Call, CdrImport
from calls.tests.test_cdr import BAD, ROWS


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, lines):
    content = ("\n".join(lines) + "\n").encode()
    return client.post("/staff/calls/stats/cdr/", {"file": SimpleUploadedFile("Master.csv", content, "text/csv")})


def run_to_the_end(client, record):
    for _ in range(10):
        response = client.post(f"/staff/calls/stats/cdr/{record.pk}/step/", HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        record.refresh_from_db()
        if record.is_finished:
            return response
    raise AssertionError("the import did not finish")


def test_upload_in_steps_with_progress_and_errors(client, supervisor, monkeypatch):
    monkeypatch.setattr(views_stats, "STEP_ROWS", 2)
    client.force_login(supervisor)
    response = upload(client, [ROWS[0], BAD, *ROWS[1:]])
    record = CdrImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/staff/calls/stats/cdr/{record.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "hx-post" in page and "Продолжить загрузку" in page
    first = client.post(f"/staff/calls/stats/cdr/{record.pk}/step/", HTTP_HX_REQUEST="true").content.decode()
    assert "Обработано строк: <strong>2</strong>" in first and 'hx-trigger="load' in first
    last = run_to_the_end(client, record).content.decode()
    assert "Загрузка закончена" in last and "hx-post" not in last
    assert "Строка 2: поле start" in last
    assert record.rows_done == 4 and record.rows_added == 3 and record.started_by == supervisor
    assert Call.objects.count() == 3


def test_the_same_file_uploaded_again_adds_nothing(client, supervisor):
    client.force_login(supervisor)
    for _ in range(2):
        upload(client, ROWS)
        run_to_the_end(client, CdrImport.objects.order_by("-pk").first())
    assert Call.objects.count() == 3
    assert CdrImport.objects.order_by("-pk").first().rows_known == 3


def test_a_file_that_is_not_csv_is_refused_with_a_message(client, supervisor):
    client.force_login(supervisor)
    response = client.post("/staff/calls/stats/cdr/", {"file": SimpleUploadedFile("calls.xlsx", b"PK\x03\x04")})
    assert response.status_code == 400
    assert "Нужен CSV-файл АТС (Master.csv)." in response.content.decode()
    assert not CdrImport.objects.exists()


def test_the_step_without_javascript_goes_back_to_the_page(client, supervisor):
    client.force_login(supervisor)
    upload(client, ROWS)
    record = CdrImport.objects.get()
    response = client.post(f"/staff/calls/stats/cdr/{record.pk}/step/")
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.is_finished and Call.objects.count() == 3


def test_the_upload_is_refused_to_a_specialist(client, specialist):
    client.force_login(specialist)
    assert upload(client, ROWS).status_code == 403

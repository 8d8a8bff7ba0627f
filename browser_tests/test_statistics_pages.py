"""A supervisor reads each statistics page (a chart beside its table) and orders the monthly report."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appeals.models import Appeal, Reason
from appeals.reference import load_reference_data
from conftest import PASSWORD, create_appeal, create_building, create_staff

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def supervisor():
    load_reference_data()
    return create_staff("supervisor", "supervisor", "crm", first_name="Анна", last_name="Кузнецова")


def test_supervisor_reads_every_statistics_page_and_gets_the_monthly_report(page, shot, supervisor):
    now = timezone.now()
    home = create_building()
    for n, code in enumerate(["roof-damage", "roof-damage", "roof-damage", "roof-snow", "roof-ice"]):
        made = create_appeal(reason=code, building=home, received_at=now - dt.timedelta(hours=n + 1))
        Appeal.objects.filter(pk=made.pk).update(category=Reason.objects.get(code=code).category,
                                                 status="in_progress", answer_due=now - dt.timedelta(days=n))
    page.goto("/staff/login/")
    page.get_by_label("Имя пользователя").fill("supervisor")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    page.get_by_role("link", name="Статистика").first.click()
    expect(page.get_by_role("heading", name="Статистика: Поток обращений")).to_be_visible()
    expect(page.locator("[data-table=by-category]")).to_contain_text("Кровля")
    expect(page.get_by_role("img", name="По категориям")).to_be_visible()
    shot("insights-01-flow")

    page.get_by_role("link", name="Проблемы и повторы").click()
    expect(page.locator("[data-table=repeated]")).to_contain_text("Повреждение кровли")
    shot("insights-02-problems")

    page.get_by_role("link", name="Сроки и результаты").click()
    expect(page.locator(".insights-headline")).to_contain_text("Просрочено сейчас")
    shot("insights-03-deadlines")
    page.emulate_media(media="print")  # A4 print: no navigation, filters or call bar, the tables and charts only
    expect(page.locator(".topbar")).to_be_hidden()
    expect(page.locator("form.card")).to_be_hidden()
    expect(page.locator("[data-table=overdue]")).to_be_visible()
    shot("insights-03-deadlines-print")
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Ежемесячные отчёты").click()
    page.get_by_role("button", name="Сформировать отчёт").click()
    expect(page.locator("#report-progress")).to_contain_text("Отчёт готов")
    expect(page.get_by_role("link", name="Скачать PDF")).to_be_visible()
    shot("insights-04-report")

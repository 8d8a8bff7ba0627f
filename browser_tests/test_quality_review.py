"""A supervisor reviews an appeal from the quality queue on the scoring form; the operator then reads the score and
the comment on their scorecard. The team table and the applicant's survey page are looked at too."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from appeals.reference import load_reference_data
from conftest import PASSWORD, create_staff
from quality import sampling, surveys
from quality.tests.factories import at, registered

pytestmark = pytest.mark.django_db(transaction=True)
COMMENT = "Назовите заявителю номер обращения и срок ответа в конце разговора."


@pytest.fixture
def people():
    load_reference_data()
    return (create_staff("supervisor", "supervisor", "crm", first_name="Марина", last_name="Андреева"),
            create_staff("operator", "operator", "crm", first_name="Ольга", last_name="Смирнова"))


def log_in(page, username: str) -> None:
    page.goto("/staff/login/")
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()


def test_supervisor_reviews_and_the_operator_reads_the_comment(page, shot, people):
    supervisor, operator = people
    monday = sampling.week_of(timezone.localdate()) - dt.timedelta(days=7)
    appeals = [registered(operator, at(monday + dt.timedelta(days=i), 10), 3 + 2 * i, full_name="Петров Пётр Петрович",
                          address_text="улица Марата, 7") for i in range(4)]

    log_in(page, "supervisor")
    page.get_by_role("link", name="Качество").first.click()
    expect(page.get_by_role("heading", name="Контроль качества")).to_be_visible()
    expect(page.locator("[data-table=queue] tbody tr")).to_have_count(3)
    shot("quality-01-queue")

    page.get_by_role("link", name="Проверить").first.click()
    expect(page.get_by_role("heading", name="Проверка: обращение №")).to_be_visible()
    for name in ("Вежливость", "Компетентность", "Правильность предоставленной информации"):
        page.get_by_role("group", name=name).get_by_label("4").check()
    page.get_by_label("Комментарий для оператора").fill(COMMENT)
    shot("quality-02-review-form")
    page.get_by_role("button", name="Сохранить оценку").click()
    expect(page.locator(".messages")).to_contain_text("Оценка сохранена: обращение №")
    expect(page.locator("[data-table=queue] tbody tr")).to_have_count(2)

    page.get_by_role("link", name="Сравнение операторов").click()
    expect(page.locator("[data-table=team]")).to_contain_text("Смирнова")
    expect(page.locator("[data-table=team]")).to_contain_text("4,0 из 5")
    shot("quality-03-team")
    page.get_by_role("button", name="Выйти").click()

    log_in(page, "operator")
    page.get_by_role("link", name="Качество", exact=True).first.click()
    expect(page.locator("[data-line=service]")).to_contain_text("4,0 из 5")
    expect(page.get_by_text(COMMENT)).to_be_visible()
    expect(page.locator("[data-line=speed]")).to_contain_text("мин")
    shot("quality-04-scorecard")

    issued = surveys.issue(appeals[0])
    page.goto(issued.url.split("8000", 1)[-1] if issued.url.startswith("http://127.0.0.1:8000") else issued.url)
    expect(page.get_by_role("heading", name=f"Оцените ответ на обращение № {appeals[0].number}")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Петров")
    shot("quality-05-survey")
    page.get_by_label("5").check()
    page.get_by_role("button", name="Отправить оценку").click()
    expect(page.get_by_role("heading", name="Спасибо за оценку!")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Опрос недоступен")).to_be_visible()
    shot("quality-06-survey-used")

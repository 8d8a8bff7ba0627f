"""An operator takes a practice call: opens a scenario, asks the caller, registers in the sandbox, sees the score."""

import re

import pytest
from playwright.sync_api import expect

from appeals import services
from appeals.models import Appeal, Reason
from appeals.reference import load_reference_data
from conftest import PASSWORD, create_appeal, create_building, create_staff
from practice.models import Attempt
from practice.shipped import load_shipped

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people():
    load_reference_data()  # the classifier: a transactional test may start from an emptied database
    create_building("улица Некрасова", "14")
    create_building("улица Некрасова", "40")
    load_shipped()
    return {"operator": create_staff("operator", "operator", "crm", first_name="Ольга", last_name="Смирнова"),
            "supervisor": create_staff("supervisor", "supervisor", "crm", first_name="Ирина", last_name="Белова")}


def log_in(page, username: str) -> None:
    page.goto("/staff/practice/")
    expect(page).to_have_url(re.compile(r"/staff/login/"))
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("heading", name="Учебные звонки")).to_be_visible()


def test_operator_does_a_practice_call_and_sees_the_differences(page, shot, people):
    log_in(page, "operator")
    shot("practice-01-scenario-list")
    row = page.locator("tr").filter(has_text="Заявитель диктует телефон, только если спросить")
    row.get_by_role("link", name="Начать звонок").click()
    expect(page.get_by_text("Учебный звонок.")).to_be_visible()
    expect(page.locator(".practice-caller")).to_contain_text("Некрасова, 14")
    shot("practice-02-call-form")

    page.get_by_role("button", name="Номер телефона для связи").click()
    expect(page.locator(".practice-answer")).to_contain_text("8 905 765-43-21")
    page.get_by_label("Фамилия, имя, отчество").fill("Морозов Игорь Леонидович")
    page.get_by_label("Телефон").fill("8 905 765-43-21")
    page.get_by_label("Адрес (улица, дом)").press_sequentially("некрасова 14", delay=40)
    page.get_by_role("button", name="улица Некрасова, д. 14", exact=True).click()
    expect(page.locator("#address-box .chosen")).to_contain_text("улица Некрасова, д. 14")
    page.get_by_label("Квартира").fill("18")
    page.get_by_label("Текст обращения").fill("Второй день не горит свет в парадной на всех этажах.")
    page.get_by_label("Категория и причина").select_option(label="Неисправное освещение в подъезде или на фасаде")
    shot("practice-03-call-form-filled")
    page.get_by_role("button", name="Зарегистрировать (учебно)").click()

    expect(page.get_by_role("heading", name=re.compile("Результат"))).to_be_visible()
    attempt = Attempt.objects.get()
    expect(page.locator(".practice-total .big-number")).to_have_text(str(attempt.score))
    compare = page.locator("table.practice-compare")
    expect(compare.get_by_role("columnheader", name="Ожидалось")).to_be_visible()
    expect(compare.get_by_role("columnheader", name="Указано")).to_be_visible()
    expect(compare.locator("tr").filter(has_text="Полнота")).to_contain_text("Не уточнено: Номер парадной")
    assert 80 <= attempt.score < 100 and not Appeal.objects.exists()
    shot("practice-04-result")

    page.get_by_role("link", name="Мои результаты").first.click()
    expect(page.get_by_text("Пройдено звонков: 1")).to_be_visible()
    shot("practice-05-my-results")


def test_supervisor_sees_drafts_the_editor_and_the_operators(page, shot, people):
    log_in(page, "supervisor")
    expect(page.get_by_role("button", name="Сделать учебный сценарий")).to_be_visible()
    expect(page.locator("tr").filter(has_text="Жалоба на уборку")).to_contain_text("Запах газа")
    shot("practice-00-supervisor-list")
    page.get_by_role("link", name="Новый сценарий").click()
    expect(page.get_by_role("heading", name="Новый учебный сценарий")).to_be_visible()
    page.get_by_role("button", name="Сохранить сценарий").click()
    expect(page.get_by_role("alert")).to_contain_text("Сценарий не сохранён")
    shot("practice-06-scenario-form-errors")
    page.get_by_role("link", name="Результаты операторов").click()
    expect(page.get_by_text("Учебных звонков пока никто не проходил.")).to_be_visible()


def test_supervisor_makes_a_scenario_from_an_appeal(page, shot, people):
    appeal = create_appeal("Звонит Петрова Анна Сергеевна, кв. 40: с потолка на кухне льётся вода, "
                           "перезвонить 8 921 765-00-11.", full_name="Петрова Анна Сергеевна", phone="+79217650011",
                           flat="40", building=create_building("улица Марата", "7"))
    services.classify(appeal, people["supervisor"], reason=Reason.objects.get(code="water-flood"))
    log_in(page, "supervisor")
    page.goto(f"/staff/appeals/{appeal.number}/")
    page.get_by_role("button", name="Сделать учебный сценарий").click()
    expect(page.get_by_text("Сценарий создан без персональных данных заявителя")).to_be_visible()
    words = page.get_by_label("Что говорит заявитель").input_value()
    assert "льётся вода" in words and "Петрова" not in words and "765" not in words
    shot("practice-07-scenario-from-appeal")

"""An operator takes a phone call: finds the caller, picks the building from the suggestions, dictates the number."""

import re

import pytest
from playwright.sync_api import expect

from appeals.models import Appeal, Reason
from appeals.reference import load_reference_data
from conftest import PASSWORD, create_appeal, create_building, create_staff

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def operator():
    load_reference_data()  # the classifier: a transactional test may start from an emptied database
    return create_staff("operator", "operator", "crm", first_name="Ольга", last_name="Смирнова")


def log_in(page, username: str) -> None:
    page.goto("/staff/register/")
    expect(page).to_have_url(re.compile(r"/staff/login/"))
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("heading", name="Регистрация обращения")).to_be_visible()


def test_operator_registers_a_phone_call_using_the_building_suggestion(page, shot, operator):
    building = create_building("улица Марата", "7")
    create_building("улица Марата", "70")
    earlier = create_appeal("Не работает домофон во втором подъезде", full_name="Иванова Мария Петровна",
                            phone="+79211234567", building=building, flat="12")

    log_in(page, "operator")
    expect(page.get_by_role("radio", name="Телефон")).to_be_checked()
    shot("operator-01-empty-form")

    page.get_by_label("Найти: телефон, фамилия или адрес").press_sequentially("921 123 45", delay=30)
    match = page.locator(".matches li").filter(has_text="Иванова Мария Петровна")
    expect(match).to_contain_text(f"№ {earlier.number}")
    expect(match).to_contain_text("Не работает домофон")
    shot("operator-02-caller-found-with-earlier-appeals")
    match.get_by_role("link", name="Выбрать").click()
    expect(page.locator("#applicant-box .chosen")).to_contain_text("Иванова Мария Петровна")

    page.get_by_label("Адрес (улица, дом)").press_sequentially("марата 7", delay=40)
    suggestion = page.get_by_role("button", name="улица Марата, д. 7", exact=True)
    expect(suggestion).to_be_visible()
    expect(page.get_by_role("button", name="улица Марата, д. 70", exact=True)).to_be_visible()
    shot("operator-03-building-suggestions")
    suggestion.click()
    expect(page.locator("#address-box .chosen")).to_contain_text("улица Марата, д. 7")
    page.get_by_label("Квартира").fill("12")

    page.get_by_label("Категория и причина").select_option(label="Повреждение кровли, протечка с крыши")
    expect(page.locator("#reason-hint")).to_contain_text("Срок ответа")
    page.get_by_label("Текст обращения").fill("После дождя протекает потолок на кухне, вода капает на плиту.")
    shot("operator-04-form-filled")
    page.get_by_role("button", name="Зарегистрировать обращение").click()

    expect(page.get_by_role("heading", name="Обращение зарегистрировано")).to_be_visible()
    appeal = Appeal.objects.exclude(pk=earlier.pk).get()
    expect(page.locator("#appeal-number")).to_have_text(appeal.number)
    assert appeal.status == "registered" and appeal.building == building and appeal.flat == "12"
    assert appeal.applicant_id == earlier.applicant_id and appeal.channel == "phone"
    shot("operator-05-number-to-dictate")

    page.get_by_role("link", name="Открыть обращение").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Обращение № {appeal.number}")
    expect(page.locator("#history")).to_contain_text("Зарегистрировать")
    shot("operator-06-appeal-page")


def test_operator_sees_what_is_missing_in_russian(page, shot, operator):
    log_in(page, "operator")
    page.get_by_label("Фамилия, имя, отчество").fill("Петров Пётр Петрович")
    page.get_by_label("Телефон", exact=True).and_(page.get_by_role("textbox")).fill("12345")
    page.get_by_role("button", name="Зарегистрировать обращение").click()
    expect(page.get_by_role("alert")).to_contain_text("проверьте поля, отмеченные красным")
    expect(page.get_by_text("Телефон: 5 цифр, а нужно 10")).to_be_visible()
    expect(page.get_by_label("Фамилия, имя, отчество")).to_have_value("Петров Пётр Петрович")
    assert not Appeal.objects.exists()
    shot("operator-07-errors-in-russian")


def test_operator_lets_the_text_fill_the_form_and_picks_the_suggested_reason(page, shot, operator):
    create_building("улица Марата", "7")
    log_in(page, "operator")
    page.get_by_label("Текст обращения").fill(
        "Звонит Сидорова Анна Павловна, 8 921 555-44-33, Марата 7 кв 12: в подъезде сильно пахнет газом")
    panel = page.locator("#analysis")
    expect(panel).to_contain_text("Похоже на аварию", timeout=20_000)  # the first analysis loads the models
    expect(panel).to_contain_text("Сидорова Анна Павловна")
    shot("operator-08-text-analysed")
    page.get_by_role("button", name="Заполнить пустые поля").click()
    expect(page.get_by_label("Фамилия, имя, отчество")).to_have_value("Сидорова Анна Павловна")
    expect(page.get_by_label("Телефон", exact=True).and_(page.get_by_role("textbox"))).to_have_value("+79215554433")
    expect(page.locator("#address-box .chosen")).to_contain_text("улица Марата, д. 7")
    expect(page.get_by_label("Квартира")).to_have_value("12")
    page.locator("#analysis").get_by_role("button", name=re.compile("Запах газа")).click()
    gas = Reason.objects.get(code="gas-smell")
    expect(page.get_by_label("Категория и причина")).to_have_value(str(gas.pk))
    expect(page.locator("#reason-hint")).to_contain_text("Аварийная")
    shot("operator-09-filled-from-text")
    page.get_by_role("button", name="Зарегистрировать обращение").click()
    expect(page.get_by_role("heading", name="Обращение зарегистрировано")).to_be_visible()
    appeal = Appeal.objects.get()
    assert appeal.reason.code == "gas-smell" and appeal.priority == "emergency" and appeal.flat == "12"
    assert appeal.applicant.full_name == "Сидорова Анна Павловна" and appeal.applicant.phone == "+79215554433"

"""A resident files an appeal on the site, picking the building from the suggestions, then checks its status."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Company
from appeals.models import Appeal
from conftest import create_building

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def company():
    Company.objects.all().delete()
    return Company.objects.create(
        name="ООО «ЖКС № 1 Центрального района»", short_name="ЖКС № 1", address="ул. Марата, д. 1",
        phone="+7 812 000-00-00", hotline="+7 812 000-00-08", email="info@example.ru",
        hq_name="Региональный штаб по защите прав потребителей", hq_phone="+7 812 000-00-99",
        hq_address="Санкт-Петербург, Невский пр., д. 1")


def test_citizen_files_an_appeal_and_checks_its_status(page, shot, company):
    building = create_building("улица Марата", "7")
    create_building("улица Марата", "70")

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Интернет-приёмная")
    expect(page.get_by_text("круглосуточно, без выходных")).to_be_visible()
    shot("citizen-01-landing")

    page.locator(".big-actions").get_by_role("link", name="Подать обращение").click()
    expect(page).to_have_url(re.compile(r"/appeal/$"))
    page.get_by_role("button", name="Отправить обращение").click()
    expect(page.get_by_role("alert")).to_contain_text("Обращение пока не отправлено")
    expect(page.get_by_text("Укажите, пожалуйста, фамилию, имя и отчество.")).to_be_visible()
    shot("citizen-02-empty-form-errors")

    page.get_by_label("Вид обращения").select_option(label="Жалоба")
    name_field = page.locator(".field", has=page.get_by_label("Фамилия, имя, отчество"))
    expect(name_field).to_have_class(re.compile("field-error"))
    page.get_by_label("Фамилия, имя, отчество").fill("Сидорова Анна Ильинична")
    expect(name_field).not_to_have_class(re.compile("field-error"))  # corrected: the mark and message go
    expect(name_field.locator(".errorlist")).to_have_count(0)
    page.get_by_label("Телефон").fill("8 921 765-43-21")
    page.get_by_label("Адрес дома").press_sequentially("марата 7", delay=40)
    suggestion = page.get_by_role("button", name="улица Марата, д. 7", exact=True)
    expect(suggestion).to_be_visible()
    expect(page.get_by_role("button", name="улица Марата, д. 70", exact=True)).to_be_visible()
    shot("citizen-03-building-suggestions")
    suggestion.click()
    expect(page.get_by_text("Дом выбран: улица Марата, д. 7")).to_be_visible()
    expect(page.get_by_label("Адрес дома")).to_have_value("улица Марата, д. 7")
    page.get_by_label("Квартира").fill("15")
    page.get_by_label("Текст обращения").fill("Третью неделю не работает лифт во втором подъезде.")
    page.get_by_label("Я согласен (согласна) на обработку моих персональных данных").check()
    shot("citizen-04-form-filled")
    page.get_by_role("button", name="Отправить обращение").click()

    expect(page.get_by_role("heading", name="Обращение принято")).to_be_visible()
    number = page.locator("#appeal-number").inner_text()
    code = page.locator("#access-code").inner_text()
    appeal = Appeal.objects.get()
    assert (number, code) == (appeal.number, appeal.access_code)
    assert appeal.channel == "web" and appeal.kind == "complaint" and appeal.building == building
    # A clear complaint is classified and registered by triage at once, with no operator.
    assert appeal.status == "registered" and appeal.reason.code == "lift-fault"
    shot("citizen-05-number-and-code")

    page.locator("main").get_by_role("link", name="Узнать статус обращения").click()
    expect(page.get_by_label("Номер обращения")).to_have_value(number)
    page.get_by_label("Код доступа").fill(f" {code[:5].lower()} {code[5:].lower()} ")
    shot("citizen-06-track-form")
    page.get_by_role("button", name="Показать статус").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Жалоба № {number}")
    expect(page.get_by_text("Статус: Зарегистрировано")).to_be_visible()
    expect(page.get_by_text("Обращение получено", exact=True)).to_be_visible()
    expect(page.get_by_text("Обращение зарегистрировано", exact=True)).to_be_visible()
    expect(page.get_by_text("Сидорова")).to_have_count(0)
    shot("citizen-07-status")


def test_wrong_code_is_told_plainly(page, shot, company):
    page.goto("/track/")
    page.get_by_label("Номер обращения").fill("26-000001")
    page.get_by_label("Код доступа").fill("AAAAAAAAAA")
    page.get_by_role("button", name="Показать статус").click()
    expect(page.get_by_role("alert")).to_contain_text("Обращение с таким номером и кодом не найдено")
    shot("citizen-08-track-not-found")

"""The public site with JavaScript switched off, as some readers and old phones have it: reading every page and
filing an appeal, a booking, a review and an order all work; at a phone's width no page scrolls sideways."""

import re

import pytest
from playwright.sync_api import expect

from appeals.models import Appeal
from appointments.models import Appointment
from browser_tests.conftest import TIMEOUT_MS
from browser_tests.test_public_accessibility import PUBLIC_PAGES, detail_pages
from feedback.models import Review
from housing.models import Building

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plain_page(browser, live_server, demo_site):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU", timezone_id="Europe/Moscow",
                                  java_script_enabled=False, viewport={"width": 375, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_every_public_page_reads_without_scripts_and_fits_a_phone(plain_page):
    wide = {}
    for path in PUBLIC_PAGES + detail_pages():  # the forms among them
        answer = plain_page.goto(path)
        assert answer.status == 200, path
        expect(plain_page.locator("main h1")).to_be_visible()
        overflow = plain_page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            wide[path] = overflow
    assert not wide, f"шире экрана 375 px: {wide}"


def test_an_appeal_a_booking_a_review_and_an_order_are_filed_without_scripts(plain_page):
    page = plain_page
    building = Building.objects.filter(street__contains="Марата", outages__isnull=True).order_by("pk").first()

    page.goto("/appeal/")
    page.get_by_label("Вид обращения").select_option(label="Жалоба")
    page.get_by_label("Фамилия, имя, отчество").fill("Кузнецова Вера Павловна")
    page.get_by_label("Телефон").fill("+7 921 555-12-34")
    page.get_by_label("Адрес дома").fill(building.address)  # typed: no suggestions without scripts
    page.get_by_label("Текст обращения").fill("Третий день не горит свет на лестнице в третьем подъезде.")
    page.get_by_label("Я согласен (согласна) на обработку моих персональных данных").check()
    page.get_by_role("button", name="Отправить обращение").click()
    expect(page.get_by_role("heading", name="Обращение принято")).to_be_visible()
    appeal = Appeal.objects.get(number=page.locator("#appeal-number").inner_text())
    assert appeal.building == building
    code = page.locator("#access-code").inner_text()
    page.locator("main").get_by_role("link", name="Узнать статус обращения").click()
    page.get_by_label("Код доступа").fill(code)
    page.get_by_role("button", name="Показать статус").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Жалоба № {appeal.number}")

    page.goto("/centres/")
    page.get_by_role("link", name="Записаться на приём").first.click()
    page.locator(".choice-list .choice").first.click()
    page.locator(".slot").first.click()
    page.get_by_label("Фамилия, имя, отчество").fill("Кузнецова Вера Павловна")
    page.get_by_label("Телефон").fill("+7 921 555-12-34")
    page.get_by_label(re.compile("Я согласен")).check()
    page.get_by_role("button", name="Записаться на приём").click()
    expect(page.get_by_role("heading", name="Вы записаны на приём")).to_be_visible()
    assert Appointment.objects.filter(code=page.locator(".code-value").inner_text()).exists()

    page.goto("/reviews/new/")
    page.locator("label[for=id_rating_0]").click()
    page.get_by_label(re.compile("^Отзыв")).fill("Всё сделали быстро, спасибо.")
    page.get_by_label(re.compile("Я согласен")).check()
    page.get_by_role("button", name="Отправить отзыв").click()
    expect(page.get_by_role("heading", name="Спасибо за отзыв")).to_be_visible()
    assert Review.objects.filter(text="Всё сделали быстро, спасибо.", rating=5).exists()

    page.goto("/orders/")
    page.get_by_role("link", name="Заказать").first.click()
    page.get_by_label("Фамилия, имя, отчество").fill("Кузнецова Вера Павловна")
    page.get_by_label("Телефон").fill("+7 921 555-12-34")
    page.get_by_label("Адрес дома").fill(building.address)
    page.get_by_label(re.compile("Я согласен")).check()
    page.get_by_role("button", name="Отправить заказ").click()
    expect(page.get_by_role("heading", name="Заказ принят")).to_be_visible()
    assert Appeal.objects.get(number=page.locator("#appeal-number").inner_text()).kind == "request"

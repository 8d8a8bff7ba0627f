"""A resident walks through the internet reception, at a phone's width and at a desktop's: searches the FAQ,
turns the question into an appeal whose text reads as an emergency (the warning shows at once), files it as a
complaint, follows it on the status page, books an appointment, leaves a review and orders a paid service.
Each step is checked in the database as well as on the page; screenshots of every step are saved."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from appeals.models import Appeal
from appointments.models import Appointment
from feedback.models import Review
from housing.models import Building

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"phone": {"width": 375, "height": 800}, "desktop": {"width": 1280, "height": 900}}
EMERGENCY_TEXT = "В подъезде сильно пахнет газом, у двери квартиры 12 запах особенно сильный."


def _no_serious_findings(page) -> None:
    found = [f"{v['id']} ({v['impact']}): {v['help']}" for v in Axe().run(page).response["violations"]
             if v["impact"] in {"serious", "critical"}]
    assert not found, (page.url, found)


def _fits_the_width(page) -> None:
    """Nothing wider than the screen: no sideways scrolling at 375 px."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{page.url}: шире экрана на {overflow} px"


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
def test_a_resident_walks_through_the_internet_reception(page, shot, demo_site, width):
    page.set_viewport_size(WIDTHS[width])
    building = Building.objects.filter(street__contains="Марата", outages__isnull=True).order_by("pk").first()

    # 1. FAQ search with morphology: «протекла крыша» finds the answers about a leaking roof.
    page.goto("/")
    page.locator("header").get_by_role("link", name="Обратная связь").click()
    page.locator("main").get_by_role("link", name="Вопросы и ответы").click()
    page.get_by_label("Ваш вопрос").fill("протекла крыша")
    page.get_by_role("button", name="Найти ответ").click()
    expect(page.locator("main")).to_contain_text("кровл")
    _fits_the_width(page)
    shot(f"walk-{width}-01-faq")

    # 2. «Не нашли ответ?» → the appeal form, the question already in it; an emergency text warns at once.
    page.get_by_role("link", name="Задать вопрос").click()
    expect(page).to_have_url(re.compile(r"/appeal/\?kind=question"))
    expect(page.get_by_label("Текст обращения")).to_have_value("протекла крыша")
    page.get_by_label("Текст обращения").fill("")
    page.get_by_label("Текст обращения").press_sequentially(EMERGENCY_TEXT, delay=5)
    warning = page.locator("#emergency-warning")
    expect(warning).to_contain_text("Это похоже на аварию")
    expect(warning).to_contain_text("104")
    _no_serious_findings(page)
    shot(f"walk-{width}-02-emergency-warning")

    # 3. Filed as a complaint all the same, with emergency priority and a deadline with its time.
    page.get_by_label("Вид обращения").select_option(label="Жалоба")
    page.get_by_label("Фамилия, имя, отчество").fill("Кузнецова Вера Павловна")
    page.get_by_label("Телефон").fill("+7 921 555-12-34")
    page.get_by_label("Адрес дома").fill(building.address)
    page.get_by_label("Квартира").fill("12")
    page.get_by_label("Я согласен (согласна) на обработку моих персональных данных").check()
    shot(f"walk-{width}-03-complaint-filled")
    page.get_by_role("button", name="Отправить обращение").click()
    expect(page.get_by_role("heading", name="Обращение принято")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Это похоже на аварию")
    number = page.locator("#appeal-number").inner_text()
    code = page.locator("#access-code").inner_text()
    appeal = Appeal.objects.get(number=number)
    assert appeal.access_code == code and appeal.kind == "complaint" and appeal.channel == "web"
    assert appeal.building == building and appeal.priority == "emergency"
    expect(page.locator("main")).to_contain_text(re.compile(r"не позднее .+ г\., \d\d:\d\d"))
    _fits_the_width(page)
    shot(f"walk-{width}-04-accepted")

    # 4. The status page by number and code; no name of the applicant on it.
    page.locator("main").get_by_role("link", name="Узнать статус обращения").click()
    page.get_by_label("Код доступа").fill(code)
    page.get_by_role("button", name="Показать статус").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Жалоба № {number}")
    expect(page.get_by_text("Кузнецова")).to_have_count(0)
    _no_serious_findings(page)
    shot(f"walk-{width}-05-status")

    # 5. An appointment at a service centre: service, day, time, name; a confirmation code.
    page.goto("/info/")
    page.locator("main").get_by_role("link", name="Приём в офисе").click()
    page.get_by_role("link", name="Записаться на приём").first.click()
    page.locator(".choice-list .choice").first.click()
    expect(page.locator(".slot").first).to_be_visible()
    shot(f"walk-{width}-06-booking-times")
    page.locator(".slot").first.click()
    page.get_by_label("Фамилия, имя, отчество").fill("Кузнецова Вера Павловна")
    page.get_by_label("Телефон").fill("+7 921 555-12-34")
    page.locator("#booking").get_by_label(re.compile("Я согласен")).check()
    _no_serious_findings(page)
    page.get_by_role("button", name="Записаться на приём").click()
    expect(page.get_by_role("heading", name="Вы записаны на приём")).to_be_visible()
    booking_code = page.locator(".code-value").inner_text()
    assert Appointment.objects.filter(code=booking_code, full_name="Кузнецова Вера Павловна").exists()
    _fits_the_width(page)
    shot(f"walk-{width}-07-booked")

    # 6. A review: premoderated, so not on the list until a moderator publishes it.
    page.goto("/feedback/")
    page.locator("main").get_by_role("link", name="Отзывы").click()
    page.get_by_role("link", name="Оставить отзыв").click()
    page.locator("label[for=id_rating_1]").click()  # 4 из 5
    page.get_by_label(re.compile("^Отзыв")).fill("Записалась на приём через сайт за минуту, всё понятно.")
    page.get_by_label(re.compile("Я согласен")).check()
    _no_serious_findings(page)
    shot(f"walk-{width}-08-review")
    page.get_by_role("button", name="Отправить отзыв").click()
    expect(page.get_by_role("heading", name="Спасибо за отзыв")).to_be_visible()
    review = Review.objects.get(text__startswith="Записалась на приём")
    assert review.rating == 4 and review.state == Review.State.PENDING
    page.get_by_role("link", name="К отзывам").click()
    expect(page.get_by_text("Записалась на приём через сайт")).to_have_count(0)

    # 7. A paid service: the order is an appeal of kind «заявка», followed by the same number and code.
    page.locator("header").get_by_role("link", name="Услуги").click()
    page.locator("main").get_by_role("link", name="Платные услуги").click()
    page.get_by_role("link", name="Заказать").first.click()
    page.get_by_label("Фамилия, имя, отчество").fill("Кузнецова Вера Павловна")
    page.get_by_label("Телефон").fill("+7 921 555-12-34")
    page.get_by_label("Адрес дома").fill(building.address)
    page.get_by_label("Квартира").fill("12")
    page.get_by_label(re.compile("Я согласен")).check()
    _no_serious_findings(page)
    shot(f"walk-{width}-09-order")
    page.get_by_role("button", name="Отправить заказ").click()
    expect(page.get_by_role("heading", name="Заказ принят")).to_be_visible()
    order_number = page.locator("#appeal-number").inner_text()
    order_code = page.locator("#access-code").inner_text()
    assert Appeal.objects.get(number=order_number).kind == "request"
    _fits_the_width(page)
    shot(f"walk-{width}-10-ordered")
    page.get_by_role("link", name="Узнать статус заказа").click()
    page.get_by_label("Код доступа").fill(order_code)
    page.get_by_role("button", name="Показать статус").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(order_number)
    expect(page.locator("main")).to_contain_text("₽")  # the amount, but not who pays it
    expect(page.get_by_text("Кузнецова")).to_have_count(0)
    shot(f"walk-{width}-11-order-status")

"""Every public page, in the usual and the accessible version: no serious or critical axe-core finding;
the version for the visually impaired switched from the header and kept across pages; the skip link."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from portal.sections import SECTIONS

pytestmark = pytest.mark.django_db(transaction=True)

# Every page of the site's map and each section's own page, and a few states of the appeal pages.
PUBLIC_PAGES = ["/", "/faq/?q=протекает+крыша", *sorted({p.url for s in SECTIONS for p in s.pages}
                                                          | {s.url for s in SECTIONS})]
BLOCKING = {"serious", "critical"}
# The forms not on the map: signing up and in, a review, an order, looking up a booking.
FORMS = ["/account/signup/", "/account/login/", "/account/login/code/", "/account/reset/", "/reviews/new/",
         "/orders/new/?service=1", "/centres/booking/"]
# What a signed-in resident sees (the demo's resident).
ACCOUNT_PAGES = ["/account/", "/account/appeals/", "/account/appeals/link/", "/account/password/", "/forum/new/"]


def detail_pages() -> list[str]:
    """One page of each kind of item the demo made: a news item, a service, an article, a centre and its booking."""
    from appointments.models import Centre
    from reference.models import NewsItem
    from services.models import Article, Service

    centre = Centre.objects.filter(is_active=True).first()
    return [NewsItem.objects.published().first().get_absolute_url(),
            Service.objects.filter(is_published=True).first().get_absolute_url(),
            Article.objects.filter(is_published=True).first().get_absolute_url(),
            centre.get_absolute_url(), centre.get_absolute_url() + "book/",
            *FORMS]


def _blocking(page) -> list[str]:
    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
            for v in found if v["impact"] in BLOCKING]


@pytest.mark.parametrize("accessible", [False, True], ids=["usual", "accessible"])
def test_public_pages_have_no_serious_accessibility_violation(page, accessible, demo_site):
    if accessible:
        page.goto("/")
        page.get_by_role("link", name="Версия для слабовидящих").click()
    problems = {}
    for path in PUBLIC_PAGES + detail_pages():
        assert page.goto(path).status == 200, path
        if found := _blocking(page):
            problems[path] = found
    assert not problems, problems


@pytest.mark.parametrize("accessible", [False, True], ids=["usual", "accessible"])
def test_a_residents_account_pages_have_no_serious_accessibility_violation(page, accessible, demo_site):
    page.goto("/account/login/")
    page.get_by_label("Электронная почта или телефон").fill("zhitel@example.ru")
    page.get_by_label("Пароль").fill("zhitel-demo-2026")
    page.locator("main").get_by_role("button", name="Войти").click()
    expect(page).to_have_url("/account/")
    if accessible:
        page.get_by_role("link", name="Версия для слабовидящих").click()
    problems = {}
    for path in ACCOUNT_PAGES + [page_of_a_topic()]:
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        if found := _blocking(page):
            problems[path] = found
    assert not problems, problems


def page_of_a_topic() -> str:
    from residents.models import Topic

    return f"/forum/{Topic.objects.order_by('pk').values_list('pk', flat=True).first()}/"


def test_a_visitor_switches_to_large_type_and_contrast_and_back(page, shot):
    page.goto("/track/")
    page.get_by_role("link", name="Версия для слабовидящих").click()
    expect(page).to_have_url("/track/")
    expect(page.locator("body")).to_have_class("public a11y a11y-large a11y-bw a11y-noimg")
    settings = page.get_by_role("navigation", name="Настройки версии для слабовидящих")
    settings.get_by_role("link", name="Белым по чёрному").click()
    settings.get_by_role("link", name="Очень крупный").click()
    page.goto("/faq/")  # kept across pages
    expect(page.locator("body")).to_have_class("public a11y a11y-xlarge a11y-wb a11y-noimg")
    font = page.evaluate("getComputedStyle(document.querySelector('main')).fontSize")
    assert float(font.rstrip("px")) >= 24
    shot("a11y-01-faq-white-on-black")
    page.set_viewport_size({"width": 375, "height": 800})
    shot("a11y-02-faq-phone")
    page.get_by_role("link", name="Обычная версия сайта").click()
    expect(page.locator("body")).to_have_class("public")


def test_the_skip_link_is_first_and_moves_focus_to_the_content(page):
    page.goto("/appeal/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Перейти к содержанию")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#content")).to_be_focused()


def test_the_check_finds_a_planted_violation(page):
    """The harness itself: a field without a label and an unnamed button are reported."""
    page.goto("/track/")
    page.evaluate("""() => { const f = document.querySelector('main form') || document.querySelector('main');
        f.insertAdjacentHTML('beforeend', '<input type=text><button type=button></button>'); }""")
    found = " ".join(_blocking(page))
    assert "label" in found and "button-name" in found

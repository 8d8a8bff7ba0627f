"""The Content-Security-Policy blocks nothing the site needs: a supervisor works through the back office, the
admin and the API docs with Chromium reporting no violation (the `page` fixture fails the test on any). And the
watch does see what the policy blocks."""

import re

import pytest
from playwright.sync_api import expect

from browser_tests.conftest import watch_csp
from conftest import PASSWORD, create_appeal, create_building, create_staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_watch_sees_what_the_policy_blocks(browser, live_server, reference_data):
    context = browser.new_context(base_url=live_server.url)
    violations = watch_csp(context)
    tab = context.new_page()
    tab.goto("/")
    tab.evaluate("""() => {
        const style = document.createElement("style"); style.textContent = "body { color: red }";
        document.head.append(style);
        document.body.insertAdjacentHTML("beforeend", '<img src="/static/x.png" onerror="1">');
    }""")
    tab.wait_for_timeout(300)
    context.close()
    assert any("style-src" in v for v in violations) and any("script-src" in v for v in violations), violations


def test_a_supervisor_works_the_back_office_the_admin_and_the_api_docs_without_violations(page):
    create_staff("chief", "supervisor", "tech", is_staff=True, is_superuser=True, first_name="Анна")
    building = create_building()
    appeal = create_appeal("Течёт крыша над квартирой", building=building)

    page.goto("/staff/login/")
    page.get_by_label("Имя пользователя").fill("chief")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()

    page.goto("/staff/journal/")
    page.locator("#id_q").fill("крыша")
    page.get_by_role("button", name="Показать").click()  # posted by htmx
    expect(page.locator("#journal-results")).to_contain_text(appeal.number)
    page.locator("#journal-results").get_by_role("link", name=appeal.number).first.click()
    expect(page).to_have_url(re.compile(appeal.number))
    page.locator("#actions summary").first.click()
    for path in ("/staff/my/", "/staff/overdue/", "/staff/load/", "/staff/triage/", "/staff/incidents/",
                 "/staff/notifications/", "/staff/access-log/", f"/staff/applicants/{appeal.applicant_id}/"):
        page.goto(path)

    page.goto("/staff/register/")
    page.locator("#id_address_text").fill("Марата 7")  # building suggestions by htmx
    expect(page.locator("#building-suggest")).to_contain_text("Марата")

    page.goto("/admin/")
    page.goto("/admin/housing/building/")
    page.goto(f"/admin/housing/building/{building.pk}/change/")
    page.goto("/admin/auth/user/add/")
    page.goto("/api/v1/docs")
    expect(page.locator(".swagger-ui .info")).to_be_visible()

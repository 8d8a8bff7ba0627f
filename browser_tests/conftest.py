"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server.

Nothing is skipped: without Chromium every browser test fails and says how to install it.
Screenshots of each step go to artifacts/screenshots/ for people to look at.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in this thread; the ORM calls made by the
# test itself (setting up data, checking results) are still plain synchronous code.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium не найден ({CHROMIUM}). Установите его: `make browser` "
                    "(apt-get install chromium) или укажите путь в CHROMIUM_PATH.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


# Every page of every browser test reports what the Content-Security-Policy blocked (the event fires in the page).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => window.reportCspViolation(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""


def watch_csp(context) -> list[str]:
    """What the policy blocks in any tab of the context, from the page's event and from the console."""
    violations: list[str] = []
    context.expose_function("reportCspViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    return violations


@pytest.fixture
def page(browser, live_server, reference_data):
    """A fresh Russian-locale tab whose relative URLs go to the live server; JS errors and anything the
    Content-Security-Policy blocks fail the test."""
    context = browser.new_context(base_url=live_server.url, locale="ru-RU", timezone_id="Europe/Moscow",
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    violations = watch_csp(context)
    tab = context.new_page()
    js_errors: list[str] = []
    tab.on("pageerror", lambda error: js_errors.append(str(error)))
    yield tab
    context.close()
    assert not js_errors, f"Ошибки JavaScript на странице: {js_errors}"
    assert not violations, f"Content-Security-Policy заблокировала: {violations}"


@pytest.fixture
def shot(page):
    """shot("step-name") saves a full-page PNG of the current page and returns its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def demo_site(reference_data):
    """The demo's content in every section, and the default questions and answers (a data migration's,
    which the emptying of tables after each browser test removes), as after `make run`."""
    import importlib

    from django.apps import apps
    from django.core.management import call_command

    importlib.import_module("triage.migrations.0002_default_faq").load(apps, None)
    call_command("load_demo", appeals=30)

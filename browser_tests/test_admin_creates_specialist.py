"""An administrator looks through the houses in the admin and adds a specialist on one screen."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from accounts.roles import ROLE_TITLES, SPECIALIST
from conftest import PASSWORD, create_staff
from housing.models import Building

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def administrator():
    return create_staff("admin", "admin", None, is_staff=True, is_superuser=True)


def log_in(page) -> None:
    page.goto("/admin/")
    page.get_by_label("Имя пользователя").fill("admin")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("heading", name="Приёмная — администрирование", level=1)).to_be_visible()


def test_admin_counts_the_selection_and_creates_a_specialist_on_one_screen(page, shot, administrator):
    Building.objects.bulk_create(Building(street="улица Марата", house=str(n), search_key=f"марата {n}")
                                 for n in range(1, 41))
    log_in(page)
    shot("admin-01-index")

    page.get_by_role("link", name="Дома").first.click()
    expect(page.get_by_role("heading", name="Выберите дом для изменения")).to_be_visible()
    expect(page.locator(".paginator")).to_contain_text("40 домов")
    checkboxes = page.locator("input.action-select")
    checkboxes.nth(0).check()
    checkboxes.nth(1).check()
    expect(page.locator(".action-counter")).to_have_text("Выбрано 2 из 40")
    shot("admin-02-buildings-two-selected")

    page.goto("/admin/auth/user/")
    page.get_by_role("link", name="Добавить пользователя").click()
    expect(page.get_by_role("heading", name="Добавить пользователя")).to_be_visible()
    page.get_by_label("Имя пользователя").fill("petrova")
    page.locator("#id_password1").fill("Sinyaya-Lampa-42")
    page.locator("#id_password2").fill("Sinyaya-Lampa-42")
    page.get_by_label("Фамилия").fill("Петрова")
    page.locator("#id_first_name").fill("Анна")
    page.get_by_label("Роль:", exact=True).select_option(label=ROLE_TITLES[SPECIALIST])
    page.get_by_label("Должность").fill("инженер")
    page.get_by_role("button", name="Сохранить", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".errorlist")).to_contain_text("Укажите подразделение")
    shot("admin-03-specialist-needs-a-department")

    page.locator("#id_password1").fill("Sinyaya-Lampa-42")
    page.locator("#id_password2").fill("Sinyaya-Lampa-42")
    page.get_by_label("Подразделение").select_option(label="Техническая служба")
    page.get_by_role("button", name="Сохранить", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Пользователь «petrova» добавлен.")
    shot("admin-04-specialist-added")

    user = User.objects.get(username="petrova")
    assert user.groups.get().name == ROLE_TITLES[SPECIALIST]
    assert (user.profile.department.code, user.profile.position) == ("tech", "инженер")

import datetime as dt

import pytest
from django.test import Client

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["/staff/", "/staff/journal/", "/staff/journal/export.xlsx", "/staff/my/", "/staff/overdue/",
               "/staff/load/", "/staff/notifications/", "/staff/access-log/"]


def _login(client, username, password):
    return client.post("/staff/login/", {"username": username, "password": password})


def test_login_page_is_in_russian(client):
    html = client.get("/staff/login/").content.decode()
    assert "Вход в рабочее место" in html and "Имя пользователя" in html and "Пароль" in html


def test_right_password_logs_in_and_lands_on_start_page(client, operator):
    response = _login(client, "operator", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/staff/"


def test_wrong_password_is_a_polite_russian_error(client, operator):
    response = _login(client, "operator", "not-the-password")
    assert response.status_code == 200
    assert "Неверное имя пользователя или пароль" in response.content.decode()


def test_sixth_wrong_try_is_locked_out_with_a_russian_page(client, operator):
    for _ in range(4):
        assert _login(client, "operator", "wrong").status_code == 200
    for _ in range(2):
        response = _login(client, "operator", "wrong")
    html = response.content.decode()
    assert response.status_code == 429
    assert "Вход временно заблокирован" in html and "на 15 мин." in html
    assert _login(client, "operator", PASSWORD).status_code == 429  # even the right password waits


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_staff_pages_send_strangers_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/?next=")


def test_specialist_starts_from_own_appeals(client, specialist):
    client.force_login(specialist)
    assert client.get("/staff/")["Location"] == "/staff/my/"


@pytest.mark.parametrize("role", ["operator", "supervisor", "admin_user"])
def test_others_start_from_the_journal(client, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/staff/")["Location"] == "/staff/journal/"


def test_logout_ends_the_session(client, operator):
    client.force_login(operator)
    response = client.post("/staff/logout/")
    assert response.status_code == 302 and response["Location"] == "/staff/login/"
    assert client.get("/staff/journal/").status_code == 302


def test_logged_in_user_visiting_login_goes_to_start_page(client, operator):
    client.force_login(operator)
    assert client.get("/staff/login/")["Location"] == "/staff/"


def _minutes_pass(minutes: int) -> None:
    """Every counted failure happened `minutes` earlier (the lock-out is measured from them)."""
    from axes.models import AccessAttempt
    from django.db.models import F

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - dt.timedelta(minutes=minutes))


def test_a_lock_out_says_when_to_return_in_retry_after(client, operator):
    for _ in range(5):
        response = _login(client, "operator", "wrong")
    assert response.status_code == 429
    assert 890 <= int(response["Retry-After"]) <= 900
    _minutes_pass(10)
    response = _login(client, "operator", PASSWORD)
    assert response.status_code == 429 and 290 <= int(response["Retry-After"]) <= 300
    assert "на 5 мин." in response.content.decode()


def test_attempts_during_a_lock_out_do_not_extend_it(client, operator):
    for _ in range(5):
        _login(client, "operator", "wrong")
    _minutes_pass(10)
    for password in ("wrong", "wrong", PASSWORD):  # tried during the lock-out
        assert _login(client, "operator", password).status_code == 429
    _minutes_pass(6)  # 16 minutes after the failure that locked
    response = _login(client, "operator", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/staff/"


def test_one_password_against_many_names_from_one_ip_is_locked_out(client, operator):
    for n in range(4):
        assert _login(client, f"guess{n}", "Summer2025!").status_code == 200
    assert _login(client, "guess4", "Summer2025!").status_code == 429
    # the IP is locked: even a real user with the right password waits, from this address only
    assert _login(client, "operator", PASSWORD).status_code == 429
    assert Client().post("/staff/login/", {"username": "operator", "password": PASSWORD},
                      REMOTE_ADDR="10.1.1.1").status_code == 302

from django.core import mail

from residents.session import SESSION_KEY

from .conftest import PASSWORD, create_resident, sent_code


def test_log_in_with_password_and_out(client, resident):
    response = client.post("/account/login/", {"identifier": "IVANOVA@mail.ru", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/account/"
    assert client.session[SESSION_KEY] == resident.pk
    response = client.post("/account/logout/")
    assert response.status_code == 302
    assert SESSION_KEY not in client.session
    assert client.get("/account/")["Location"].startswith("/account/login/")


def test_a_wrong_password_is_refused_in_russian(client, resident):
    response = client.post("/account/login/", {"identifier": "ivanova@mail.ru", "password": "wrong"})
    assert response.status_code == 200
    assert "Неверная электронная почта (телефон) или пароль" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_an_unconfirmed_account_cannot_log_in_by_password(client, db):
    create_resident(confirmed=False)
    client.post("/account/login/", {"identifier": "ivanova@mail.ru", "password": PASSWORD})
    assert SESSION_KEY not in client.session


def test_log_in_by_code_by_phone(client, settings, db):
    resident = create_resident("", "+79211112233", password="")
    client.post("/account/login/code/", {"identifier": "+7 921 111-22-33"})
    text = next(settings.SMS_FILE_PATH.iterdir()).read_text(encoding="utf-8")
    client.post("/account/code/", {"code": text.split("код: ")[1][:6]})
    assert client.session[SESSION_KEY] == resident.pk


def test_an_unknown_address_is_answered_as_a_known_one(client, db):
    response = client.post("/account/login/code/", {"identifier": "nobody@mail.ru"})
    assert response.status_code == 302 and response["Location"] == "/account/code/"
    assert not mail.outbox
    page = client.get("/account/code/").content.decode()
    assert "Если адрес no…@mail.ru зарегистрирован" in page
    assert "Запросите новый код" in client.post("/account/code/", {"code": "123456"}).content.decode()


def test_reset_sets_a_new_password(client, resident):
    client.post("/account/reset/", {"identifier": "ivanova@mail.ru"})
    response = client.post("/account/reset/code/", {"code": sent_code(), "new_password": "12345678"})
    assert "слишком" in response.content.decode().lower()  # a common password: Django's Russian message
    response = client.post("/account/reset/code/", {"code": sent_code(), "new_password": "Sadovaya-lestnitsa-3"})
    assert response.status_code == 302 and client.session[SESSION_KEY] == resident.pk
    resident.refresh_from_db()
    assert resident.check_password("Sadovaya-lestnitsa-3")


def test_setting_a_password_from_the_account_page(resident_client, resident):
    response = resident_client.post("/account/password/", {"new_password": "Ligovsky-prospekt-44"})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password("Ligovsky-prospekt-44")


def test_log_in_is_limited_per_address(client, resident, settings):
    for _ in range(10):
        client.post("/account/login/", {"identifier": "ivanova@mail.ru", "password": "wrong"})
    response = client.post("/account/login/", {"identifier": "ivanova@mail.ru", "password": PASSWORD})
    assert response.status_code == 429


def test_next_is_followed_only_within_the_site(client, resident):
    response = client.post("/account/login/?next=https://evil.example/", {
        "identifier": "ivanova@mail.ru", "password": PASSWORD})
    assert response["Location"] == "/account/"
    client.post("/account/logout/")
    response = client.post("/account/login/", {"identifier": "ivanova@mail.ru", "password": PASSWORD,
                                                "next": "/forum/"})
    assert response["Location"] == "/forum/"

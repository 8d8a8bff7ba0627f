import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from residents.codes import MAX_ATTEMPTS, issue_code, use_code
from residents.errors import ResidentError
from residents.models import OneTimeCode, Resident
from residents.session import SESSION_KEY

from .conftest import create_resident, sent_code

SIGN_UP = {"identifier": "Petrova@Mail.ru", "display_name": "Ольга П.", "consent": "on"}


def _sign_up(client, **changes):
    return client.post("/account/signup/", {**SIGN_UP, **changes})


def test_sign_up_by_email_sends_a_code_that_confirms_and_logs_in(client, db):
    response = _sign_up(client)
    assert response.status_code == 302 and response["Location"] == "/account/code/"
    resident = Resident.objects.get(email="petrova@mail.ru")
    assert resident.confirmed_at is None
    assert "pe…@mail.ru" in client.get("/account/code/").content.decode()
    response = client.post("/account/code/", {"code": sent_code()})
    assert response.status_code == 302 and response["Location"] == "/account/"
    resident.refresh_from_db()
    assert resident.is_confirmed and client.session[SESSION_KEY] == resident.pk
    assert "Личный кабинет" in client.get("/account/").content.decode()


def test_the_code_is_stored_only_as_a_hash(client, db):
    _sign_up(client)
    stored = OneTimeCode.objects.get()
    assert sent_code() not in (stored.code_hash, stored.salt)


def test_a_wrong_code_is_refused_and_the_right_one_still_works(client, db):
    _sign_up(client)
    code = sent_code()
    wrong = "000000" if code != "000000" else "111111"
    response = client.post("/account/code/", {"code": wrong})
    assert response.status_code == 200 and "Код неверный" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert client.post("/account/code/", {"code": code}).status_code == 302


def test_an_expired_code_is_refused(client, db):
    _sign_up(client)
    OneTimeCode.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = client.post("/account/code/", {"code": sent_code()})
    assert "Срок действия кода истёк" in response.content.decode()
    assert not Resident.objects.get().is_confirmed


def test_a_used_code_does_not_work_twice(db):
    resident = create_resident("petrova@mail.ru")
    code = issue_code(resident, OneTimeCode.Purpose.LOGIN)
    use_code(resident, OneTimeCode.Purpose.LOGIN, code)
    with pytest.raises(ResidentError, match="Запросите новый код"):
        use_code(resident, OneTimeCode.Purpose.LOGIN, code)


def test_a_code_for_one_purpose_does_not_serve_another(db):
    resident = create_resident("petrova@mail.ru")
    code = issue_code(resident, OneTimeCode.Purpose.LOGIN)
    with pytest.raises(ResidentError):
        use_code(resident, OneTimeCode.Purpose.RESET, code)


def test_after_too_many_wrong_codes_even_the_right_one_is_refused(client, db):
    _sign_up(client)
    code = sent_code()
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(MAX_ATTEMPTS):
        response = client.post("/account/code/", {"code": wrong})
    assert "слишком много раз" in response.content.decode()
    response = client.post("/account/code/", {"code": code})
    assert "слишком много раз" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_a_new_code_voids_the_earlier_one(client, db):
    _sign_up(client)
    first = sent_code()
    _sign_up(client)
    second = sent_code()
    if first != second:
        assert "Код" in client.post("/account/code/", {"code": first}).content.decode()
        assert SESSION_KEY not in client.session
    assert client.post("/account/code/", {"code": second}).status_code == 302


def test_sign_up_by_phone_keeps_the_sms_as_a_file(client, settings, db):
    response = _sign_up(client, identifier="8 (921) 765-43-21")
    assert response.status_code == 302
    assert not mail.outbox
    (message,) = list(settings.SMS_FILE_PATH.iterdir())
    text = message.read_text(encoding="utf-8")
    assert text.startswith("To: +79217654321")
    code = text.split("код: ")[1][:6]
    assert client.post("/account/code/", {"code": code}).status_code == 302
    assert Resident.objects.get(phone="+79217654321").is_confirmed


def test_signing_up_with_a_registered_address_sends_a_log_in_code_and_says_the_same(client, db):
    create_resident("petrova@mail.ru", name="Ольга")
    response = _sign_up(client, display_name="Кто-то другой")
    assert response.status_code == 302 and response["Location"] == "/account/code/"
    assert "уже зарегистрированы" in mail.outbox[-1].body
    assert Resident.objects.get().display_name == "Ольга"
    assert client.post("/account/code/", {"code": sent_code()}).status_code == 302


def test_bad_input_gets_russian_messages(client, db):
    response = _sign_up(client, identifier="не адрес", display_name="Ирина +7 921 123-45-67", consent="")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Телефон пишется цифрами" in text
    assert "не указывайте телефон" in text
    assert "Без согласия" in text
    assert not Resident.objects.exists()


def test_a_code_page_without_a_code_asked_for_sends_to_request_one(client, db):
    response = client.post("/account/code/", {"code": "<script>alert(1)</script>"})
    assert response.status_code == 302 and response["Location"] == "/account/login/code/"


def test_sign_up_is_limited_per_address(client, db):
    for _ in range(5):
        assert _sign_up(client).status_code == 302
    response = _sign_up(client)
    assert response.status_code == 429 and "Слишком много попыток" in response.content.decode()
    assert len(mail.outbox) == 5


def test_sign_up_is_limited_per_ip(client, settings, db):
    settings.PUBLIC_RATE_LIMIT = 2
    assert _sign_up(client, identifier="a@mail.ru").status_code == 302
    assert _sign_up(client, identifier="b@mail.ru").status_code == 302
    assert _sign_up(client, identifier="c@mail.ru").status_code == 429

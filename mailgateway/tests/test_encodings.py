"""Russian letters in every usual encoding become appeals with the sender as the applicant."""

import base64

import pytest

from appeals.models import Appeal
from mailgateway.models import InboundMessage, Outcome

from .conftest import letter, send

TEXT = "Добрый день! Третий день течёт крыша над квартирой 12, ул. Марата д. 7. Телефон +7 921 123-45-67."


def _only_appeal() -> Appeal:
    (appeal,) = Appeal.objects.select_related("applicant")
    return appeal


@pytest.mark.parametrize(("charset", "cte"), [("utf-8", "base64"), ("utf-8", "8bit"), ("koi8-r", "quoted-printable"),
                                               ("windows-1251", "base64"), ("windows-1251", "quoted-printable")])
def test_letter_in_each_russian_encoding_becomes_an_appeal(gateway, charset, cte):
    message = letter(TEXT, subject="Протечка кровли", charset=charset, cte=cte)
    message.replace_header("Subject", "Протечка кровли")  # encoded by the library (RFC 2047)
    send(gateway, message)
    appeal = _only_appeal()
    assert appeal.channel == "email"
    assert "Третий день течёт крыша" in appeal.text
    assert appeal.text.startswith("Тема: Протечка кровли")
    assert appeal.applicant.full_name == "Иванова Мария Петровна"
    assert appeal.applicant.email == "maria@example.ru"
    assert appeal.applicant.phone == "+79211234567"
    assert InboundMessage.objects.get().outcome == Outcome.APPEAL


def test_headers_encoded_by_hand_in_koi8_and_cp1251_are_read(gateway):
    body = TEXT.encode("koi8-r")
    raw = (b"From: =?koi8-r?B?" + base64.b64encode("Петров Иван".encode("koi8-r")) + b"?= <ivan@example.ru>\r\n"
           b"To: priem@uk.example.ru\r\nSubject: =?windows-1251?Q?" +
           "".join(f"={b:02X}" for b in "Нет воды".encode("cp1251")).encode() + b"?=\r\n"
           b"Message-ID: <hand-1@example.ru>\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + b"\r\n")
    send(gateway, raw)
    appeal = _only_appeal()
    assert appeal.text.startswith("Тема: Нет воды")
    assert appeal.applicant.full_name == "Петров Иван"
    assert "течёт крыша" in appeal.text


def test_html_only_letter_is_read_without_tags_scripts_or_styles(gateway):
    message = letter("")
    message.set_content("<html><head><title>t</title><style>p {color: red}</style></head><body>"
                        "<p>Прошу заменить <b>лампу</b> в подъезде.</p><script>alert('x')</script>"
                        "<div>Спасибо!<br>Иванова</div></body></html>", subtype="html")
    send(gateway, message)
    text = _only_appeal().text
    assert "Прошу заменить лампу в подъезде." in text
    assert "Спасибо!\nИванова" in text
    assert "<" not in text and "alert" not in text and "color" not in text


def test_body_with_an_unknown_charset_is_read_as_windows_1251(gateway):
    raw = (b"From: ivan@example.ru\r\nTo: priem@uk.example.ru\r\nSubject: =?utf-8?B?" +
           base64.b64encode("Шум".encode()) + b"?=\r\nMessage-ID: <odd-charset@example.ru>\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: text/plain; charset=x-unknown-cyr\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
           "Шумят соседи по ночам.".encode("cp1251") + b"\r\n")
    send(gateway, raw)
    appeal = _only_appeal()
    assert "Шумят соседи по ночам." in appeal.text
    assert appeal.applicant.email == "ivan@example.ru"


def test_unsigned_letter_keeps_the_address_as_the_applicant_name(gateway):
    send(gateway, letter("Не горит фонарь у парадной.", sender="resident@example.ru"))
    assert _only_appeal().applicant.full_name == "resident@example.ru"

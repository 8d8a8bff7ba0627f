"""The back office's incoming letters: what the gateway received and what became of each, for supervisors."""

import datetime as dt
from email import policy

import pytest
from django.test import Client
from django.utils import timezone

from appeals.models import PersonalDataAccess
from mailgateway.intake import file_letter
from mailgateway.models import InboundMessage

from .conftest import PNG_LIKE, letter

pytestmark = pytest.mark.django_db


def filed(message, envelope_from: str | None = "maria@example.ru") -> InboundMessage:
    return file_letter(message.as_bytes(policy=policy.SMTP), source="smtp", envelope_from=envelope_from)


@pytest.fixture
def mailbag(db):
    """One letter of each outcome, as the gateway files them."""
    new = filed(letter("Добрый день! Течёт крыша над квартирой 12, дом 7 по улице Марата.", subject="Протечка"))
    reply = filed(letter("Подъезд третий.", subject=f"Re: Ваше обращение № {new.appeal.number}"))
    bounce = filed(letter("Delivery failed", subject="Undelivered Mail Returned to Sender",
                          sender="MAILER-DAEMON@mx.example.ru"), envelope_from="")
    auto = filed(letter("Я в отпуске до понедельника.", subject="Автоответ: Протечка"))
    mailing = filed(letter("Новости района", subject="Дайджест", List_Id="<news.example.ru>"))
    with_file = letter("Не работает домофон, фото прилагаю.", subject="Домофон", sender="petrov@example.ru")
    with_file.add_attachment(b"MZ\x90\x00 not a document", maintype="application", subtype="octet-stream",
                             filename="virus.exe")
    with_file.add_attachment(PNG_LIKE, maintype="image", subtype="png", filename="домофон.png")
    refused = filed(with_file)
    return {"new": new, "reply": reply, "bounce": bounce, "auto": auto, "mailing": mailing, "refused": refused}


def page(client, **params) -> tuple[int, str]:
    response = client.get("/staff/mail/", params)
    return response.status_code, response.content.decode()


def test_the_list_tells_what_became_of_each_letter(client, supervisor, mailbag):
    client.force_login(supervisor)
    status, html = page(client)
    assert status == 200
    number = mailbag["new"].appeal.number
    assert html.count(f'href="/staff/appeals/{number}/"') == 2  # the new appeal and the reply joined to it
    assert "Новое обращение" in html and "Добавлено к обращению" in html
    assert "уведомление о недоставке (пустой отправитель)" in html
    assert "автоответ (тема об отсутствии)" in html and "рассылка (List-Id)" in html
    assert "Не приняты вложения:" in html and "virus.exe" in html
    assert "Иванова Мария Петровна" in html  # the applicant the letter became


@pytest.mark.parametrize(("outcome", "shown"), [
    ("appeal", {"new", "refused"}), ("joined", {"reply"}), ("ignored", {"bounce", "auto", "mailing"}),
    ("bounce", {"bounce"}), ("auto_reply", {"auto"}), ("mailing_list", {"mailing"}), ("refused_files", {"refused"}),
])
def test_the_outcome_filter(client, supervisor, mailbag, outcome, shown):
    client.force_login(supervisor)
    status, html = page(client, outcome=outcome)
    found = {name for name, message in mailbag.items() if f'href="/staff/mail/{message.pk}/"' in html}
    assert status == 200 and found == shown


def test_the_date_filter(client, supervisor, mailbag):
    InboundMessage.objects.filter(pk=mailbag["bounce"].pk).update(received_at=timezone.now() - dt.timedelta(days=10))
    client.force_login(supervisor)
    today = timezone.localdate()
    _status, html = page(client, date_from=today.isoformat())
    assert f'/staff/mail/{mailbag["bounce"].pk}/' not in html and f'/staff/mail/{mailbag["new"].pk}/' in html
    _status, html = page(client, date_to=(today - dt.timedelta(days=5)).isoformat())
    assert f'/staff/mail/{mailbag["bounce"].pk}/' in html and f'/staff/mail/{mailbag["new"].pk}/' not in html


def test_bad_filters_get_a_russian_message(client, supervisor, mailbag):
    client.force_login(supervisor)
    status, html = page(client, date_from="2026-05-10", date_to="2026-05-01", outcome="nonsense")
    assert status == 400
    assert "Дата «по» не может быть раньше даты «с»." in html and "Выберите корректный вариант" in html
    status, html = page(client, date_from="0001-01-01")
    assert status == 400 and "Дата не может быть раньше" in html


def test_the_letter_is_read_back_in_its_own_encoding_and_the_reading_logged(client, supervisor):
    message = filed(letter("Прошу заменить лампу в парадной.", subject="Лампа", charset="koi8-r",
                           cte="quoted-printable"))
    client.force_login(supervisor)
    PersonalDataAccess.objects.all().delete()
    html = client.get(f"/staff/mail/{message.pk}/").content.decode()
    assert "Прошу заменить лампу в парадной." in html and "maria@example.ru" in html
    assert f"№ {message.appeal.number}" in html
    (row,) = PersonalDataAccess.objects.all()
    assert (row.user, row.appeal, row.applicant, row.action) == (
        supervisor, message.appeal, message.appeal.applicant, "view_incoming_letter")


def test_reading_an_ignored_letter_is_logged_too(client, supervisor, mailbag):
    client.force_login(supervisor)
    PersonalDataAccess.objects.all().delete()
    html = client.get(f"/staff/mail/{mailbag['auto'].pk}/").content.decode()
    assert "Я в отпуске до понедельника." in html and "Пропущено" in html
    (row,) = PersonalDataAccess.objects.all()
    assert row.user == supervisor and row.appeal is None and f"№ {mailbag['auto'].pk}" in row.detail


def test_refused_attachments_are_listed_on_the_letter(client, supervisor, mailbag):
    client.force_login(supervisor)
    html = client.get(f"/staff/mail/{mailbag['refused'].pk}/").content.decode()
    assert "Вложения, которые не приняты" in html and "virus.exe" in html and "домофон.png" in html


def test_operators_and_specialists_do_not_read_the_mail(operator, specialist, mailbag):
    for person in (operator, specialist):
        client = Client()
        client.force_login(person)
        assert client.get("/staff/mail/").status_code == 403
        assert client.get(f"/staff/mail/{mailbag['new'].pk}/").status_code == 403
        assert "/staff/mail/" not in client.get("/staff/notifications/").content.decode()


def test_supervisors_find_it_in_the_navigation(client, supervisor):
    client.force_login(supervisor)
    assert '<a href="/staff/mail/">Почта</a>' in client.get("/staff/notifications/").content.decode()
    assert 'href="/staff/mail/" class="active"' in client.get("/staff/mail/").content.decode()


def test_anonymous_is_sent_to_log_in(client):
    assert client.get("/staff/mail/")["Location"].startswith("/staff/login/")

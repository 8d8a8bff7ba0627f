"""The appeal to the Regional HQ: number and code as on the status page, recorded on the appeal, sent on."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client

from accounts.models import Company
from appeals.models import AppealEvent, Notification
from conftest import create_appeal, happening_at
from deadlines.calendar import MOSCOW
from feedback.models import HqRequest

from .helpers import answered_appeal

pytestmark = pytest.mark.django_db

WORDS = "Не согласна: кровля по-прежнему течёт после ремонта."


@pytest.fixture
def company():
    company = Company.current()
    company.hq_name, company.hq_email = "Региональный штаб по защите прав потребителей", "shtab@zhkh-spb.example"
    company.hq_phone, company.hq_address = "+7 (812) 555-02-00", "набережная реки Фонтанки, д. 50"
    company.save()
    return company


@pytest.fixture
def appeal(supervisor, company):
    return answered_appeal(supervisor, email="ivanova@example.ru", answer="Кровля отремонтирована 14 марта.")


def send(client, appeal, **changes):
    data = {"number": appeal.number, "code": appeal.access_code, "text": WORDS, "consent": "on"} | changes
    return client.post("/hq/", data)


def test_the_page_tells_of_the_right_and_the_contacts(client, company):
    html = client.get("/hq/").content.decode()
    assert "вправе" in html and company.hq_name in html and "shtab@zhkh-spb.example" in html
    assert "Фонтанки" in html and 'for="id_number"' in html and 'aria-describedby="id_code_helptext"' in html


def test_request_is_recorded_shown_sent_and_notified(client, appeal, supervisor, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, appeal)
    assert response.status_code == 302 and response["Location"] == "/hq/done/"
    done = client.get("/hq/done/").content.decode()
    assert appeal.number in done and "Подтверждение отправлено на электронную почту" in done
    made = HqRequest.objects.get()
    assert made.text == WORDS and made.letter_sent_at is not None
    event = AppealEvent.objects.get(appeal=appeal, action="hq_request")
    assert event.is_public and WORDS in event.note
    status = client.post("/track/", {"number": appeal.number, "code": appeal.access_code}, follow=True)
    assert "Заявитель направил обращение в Региональный штаб" in status.content.decode()
    assert WORDS not in status.content.decode()  # the timeline tells the step, not the words
    to_hq = next(m for m in mail.outbox if m.to == ["shtab@zhkh-spb.example"])
    assert appeal.number in to_hq.subject and WORDS in to_hq.body and "Кровля отремонтирована 14 марта." in to_hq.body
    assert appeal.text in to_hq.body and "Обращение поступило:" in to_hq.body
    assert any(m.to == ["ivanova@example.ru"] for m in mail.outbox)
    assert Notification.objects.filter(user=supervisor, appeal=appeal, kind="hq_request").exists()
    staff = Client()
    staff.force_login(supervisor)
    html = staff.get("/staff/notifications/").content.decode()
    print(html[html.index("<main"):])
    assert "Заявитель обратился в Региональный штаб" in html  # staff.get("/staff/notifications/").content.decode()


def test_a_wrong_code_and_an_unknown_number_get_the_same_answer(client, appeal):
    wrong_code = send(client, appeal, code="AAAAAAAAAA")
    wrong_number = send(client, appeal, number="99-999999")
    assert wrong_code.status_code == wrong_number.status_code == 404
    for response in (wrong_code, wrong_number):
        assert "Обращение с таким номером и кодом не найдено" in response.content.decode()
    assert not HqRequest.objects.exists() and not AppealEvent.objects.filter(action="hq_request").exists()


def test_an_appeal_still_within_its_deadline_is_refused_with_the_reason(client, company):
    appeal = create_appeal()
    response = send(client, appeal)
    assert response.status_code == 400
    assert "Обращение ещё рассматривается" in response.content.decode()
    assert not HqRequest.objects.exists()


def test_an_overdue_appeal_may_go_to_the_hq(client, company, django_capture_on_commit_callbacks):
    with happening_at(dt.datetime(2025, 3, 3, 10, 0, tzinfo=MOSCOW)):
        appeal = create_appeal()
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, appeal).status_code == 302
    letter = next(m for m in mail.outbox if m.to == ["shtab@zhkh-spb.example"])
    assert "ответа нет, срок истёк" in letter.body


def test_missing_or_too_long_words_are_told_next_to_the_field(client, appeal):
    empty = send(client, appeal, text="  ").content.decode()
    assert 'id="id_text_error"' in empty and "Напишите, с чем вы не согласны." in empty
    long = send(client, appeal, text="я" * 10_000)
    assert long.status_code == 400 and "не должен быть длиннее 3000 знаков" in long.content.decode()
    assert "Без вашего согласия" in send(client, appeal, consent="").content.decode()
    assert not HqRequest.objects.exists()


def test_hostile_input_is_refused_or_escaped(client, appeal):
    response = send(client, appeal, number="<script>alert(1)</script>", code="' OR 1=1 --")
    assert response.status_code == 404 and "<script>alert(1)" not in response.content.decode()


def test_the_form_is_rate_limited_per_ip(client, appeal, settings):
    settings.PUBLIC_RATE_LIMIT = 2
    codes = [send(client, appeal, code="WRONGCODE1").status_code for _ in range(3)]
    assert codes == [404, 404, 429]


def test_done_page_without_a_request_goes_back_to_the_form(client):
    assert client.get("/hq/done/")["Location"] == "/hq/"

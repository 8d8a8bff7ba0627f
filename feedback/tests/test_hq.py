"""The appeal to the Regional HQ: number and code as on the status page, recorded on the appeal, sent on."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import Company
from appeals.models import AppealEvent, Notification
from conftest import create_appeal, happening_at
from deadlines.calendar import MOSCOW
from feedback.models import HqRequest
from feedback.tasks import send_hq_request
from notifications.models import Message, Subscription, Template

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
    assert appeal.access_code not in to_hq.body  # the code is the resident's own
    confirmation = next(m for m in mail.outbox if m.to == ["ivanova@example.ru"])
    assert appeal.number in confirmation.subject and "вправе обратиться" in confirmation.body
    # Both are the hub's message rows, each with its attempt recorded.
    letter = Message.objects.get(event="hq_request")
    assert (letter.channel, letter.recipient, letter.appeal, letter.status, letter.attempts) == (
        "email", "shtab@zhkh-spb.example", appeal, Message.Status.SENT, 1)
    assert letter.attempt_log.get().ok
    told = Message.objects.get(event="hq_confirmation")
    assert (told.recipient, told.status) == ("ivanova@example.ru", Message.Status.SENT)
    assert Notification.objects.filter(user=supervisor, appeal=appeal, kind="hq_request").exists()
    staff = Client()
    staff.force_login(supervisor)
    assert "Заявитель обратился в Региональный штаб" in staff.get("/staff/notifications/").content.decode()


def test_the_words_of_both_letters_are_the_templates_staff_edit(client, appeal, django_capture_on_commit_callbacks):
    Template.objects.filter(event="hq_request").update(subject="Жалоба по № {{ number }}",
                                                       body="{{ hq_name }}: заявитель пишет «{{ request_text }}».")
    Template.objects.filter(event="hq_confirmation", channel="email").update(
        subject="Принято: № {{ number }}", body="Направлено в {{ hq_name }} {{ request_date }}.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send(client, appeal)
    to_hq = next(m for m in mail.outbox if m.to == ["shtab@zhkh-spb.example"])
    assert to_hq.subject == f"Жалоба по № {appeal.number}"
    assert to_hq.body == f"Региональный штаб по защите прав потребителей: заявитель пишет «{WORDS}»."
    confirmation = next(m for m in mail.outbox if m.to == ["ivanova@example.ru"])
    assert confirmation.subject == f"Принято: № {appeal.number}"
    assert confirmation.body.startswith("Направлено в Региональный штаб по защите прав потребителей ")


def test_the_hq_letter_goes_even_to_an_address_that_opted_out(client, appeal, django_capture_on_commit_callbacks):
    Subscription.objects.create(address="shtab@zhkh-spb.example", opted_out_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        send(client, appeal)
    assert Message.objects.get(event="hq_request").status == Message.Status.SENT


def test_a_resident_with_only_a_phone_is_confirmed_by_sms(client, supervisor, company, settings, tmp_path,
                                                          django_capture_on_commit_callbacks):
    settings.SMS_NOTIFY, settings.SMS_BACKEND = True, "notifications.sms.FileSmsBackend"
    settings.SMS_FILE_PATH = tmp_path
    appeal = answered_appeal(supervisor, phone="+79215550011")
    with django_capture_on_commit_callbacks(execute=True):
        send(client, appeal)
    told = Message.objects.get(event="hq_confirmation")
    assert (told.channel, told.recipient, told.status) == ("sms", "+79215550011", Message.Status.SENT)
    assert appeal.number in told.body and "Региональный штаб" in told.body
    assert "Подтверждение отправлено SMS" in client.get("/hq/done/").content.decode()


def test_without_the_hqs_address_the_supervisors_forward_it(client, appeal, supervisor, company,
                                                           django_capture_on_commit_callbacks):
    Company.objects.filter(pk=company.pk).update(hq_email="")
    with django_capture_on_commit_callbacks(execute=True):
        send(client, appeal)
    assert not Message.objects.filter(event="hq_request").exists()
    assert HqRequest.objects.get().letter_sent_at is None
    assert Notification.objects.filter(user=supervisor, appeal=appeal, kind="hq_request").exists()
    assert Message.objects.filter(event="hq_confirmation", recipient="ivanova@example.ru").exists()


def test_the_task_run_twice_sends_each_letter_once(client, appeal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, appeal)
    request = HqRequest.objects.get()
    HqRequest.objects.filter(pk=request.pk).update(letter_sent_at=None)  # as if the first run died after sending
    assert send_hq_request(request.pk)
    assert Message.objects.filter(event="hq_request").count() == 1
    assert Message.objects.filter(event="hq_confirmation").count() == 1


def test_an_unreachable_mail_server_leaves_the_letter_to_be_retried(client, appeal, settings,
                                                                    django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, appeal).status_code == 302
    letter = Message.objects.get(event="hq_request")
    assert letter.status == Message.Status.ERROR and letter.attempts == 1 and letter.next_attempt_at
    assert letter.last_error and HqRequest.objects.get().text == WORDS


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

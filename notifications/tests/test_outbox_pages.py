"""The back office's outgoing messages: the list, one message with its attempts, and «Отправить ещё раз»
through a real SMTP server."""

import pytest
from django.test import Client

from appeals import services
from appeals.models import PersonalDataAccess
from conftest import create_appeal
from notifications.models import Message, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreachable(settings):
    """Mail to a port nobody listens on; one attempt and the message is given up on."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.NOTIFY_MAX_ATTEMPTS = 1


def registered(django_capture_on_commit_callbacks, email="ivanova@example.ru", **person):
    appeal = create_appeal(reason="roof-damage", email=email, **person)
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(appeal, "register", None)
    return appeal, Message.objects.get(appeal=appeal, event="registered")


def test_the_list_shows_each_message_and_filters_by_status(client, supervisor, unreachable,
                                                           django_capture_on_commit_callbacks, settings):
    _appeal, failed = registered(django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _other, sent = registered(django_capture_on_commit_callbacks, email="petrov@example.ru",
                               full_name="Петров Пётр", phone="+79215550000")
    client.force_login(supervisor)
    html = client.get("/staff/mail/outgoing/").content.decode()
    assert "ivanova@example.ru" in html and "petrov@example.ru" in html
    assert "Обращение зарегистрировано" in html and "Электронная почта" in html
    assert "не доставлено" in html and "Connection refused" in html
    only_failed = client.get("/staff/mail/outgoing/", {"status": "failed"}).content.decode()
    assert f"/staff/mail/outgoing/{failed.pk}/" in only_failed and f"/staff/mail/outgoing/{sent.pk}/" not in only_failed
    refused = client.get("/staff/mail/outgoing/", {"status": "lost"})
    assert refused.status_code == 400 and "Выберите корректный вариант" in refused.content.decode()


def test_a_failed_message_is_sent_again_and_each_attempt_recorded(client, supervisor, unreachable, smtp_inbox,
                                                                   django_capture_on_commit_callbacks, settings):
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9
    appeal, message = registered(django_capture_on_commit_callbacks)
    assert message.status == Message.Status.FAILED and message.attempts == 1 and not smtp_inbox.messages
    client.force_login(supervisor)
    html = client.get(f"/staff/mail/outgoing/{message.pk}/").content.decode()
    assert "Отправить ещё раз" in html and "не ушло" in html and appeal.access_code in html
    settings.EMAIL_PORT = port  # the mail server is back
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/staff/mail/outgoing/{message.pk}/resend/")
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.attempts, message.resent_by) == (Message.Status.SENT, 2, supervisor)
    assert [attempt.ok for attempt in message.attempt_log.all()] == [False, True]
    ((to, letter),) = smtp_inbox.messages
    assert to == ["ivanova@example.ru"] and appeal.number in letter["Subject"]
    html = client.get(f"/staff/mail/outgoing/{message.pk}/").content.decode()
    assert "снова поставлено в очередь" in html and "Отправлено ещё раз" in html
    assert "Отправить ещё раз</button>" not in html  # sent: nothing to send again


def test_a_resent_message_gets_a_fresh_set_of_retries(supervisor, unreachable, django_capture_on_commit_callbacks,
                                                      settings):
    from notifications import outbox

    _appeal, message = registered(django_capture_on_commit_callbacks)
    settings.NOTIFY_MAX_ATTEMPTS = 2
    with django_capture_on_commit_callbacks(execute=True):
        outbox.resend(message, supervisor)
    message.refresh_from_db()
    # Still failing: waits for its retry instead of being given up on after its first attempt of the new round.
    assert (message.status, message.attempts, message.attempts_before_resend) == (Message.Status.ERROR, 2, 1)


def test_only_a_failed_message_is_sent_again(client, supervisor, django_capture_on_commit_callbacks):
    _appeal, message = registered(django_capture_on_commit_callbacks)
    assert message.status == Message.Status.SENT
    client.force_login(supervisor)
    html = client.post(f"/staff/mail/outgoing/{message.pk}/resend/", follow=True).content.decode()
    assert "отправить ещё раз можно только не доставленное" in html
    message.refresh_from_db()
    assert message.attempts == 1 and message.resent_at is None


def test_a_non_essential_message_is_not_sent_again_to_one_who_opted_out(supervisor, unreachable,
                                                                        django_capture_on_commit_callbacks):
    from notifications import hub, outbox

    appeal = create_appeal(reason="roof-damage", email="ivanova@example.ru")
    with django_capture_on_commit_callbacks(execute=True):
        message = hub.tell_applicant(appeal, "status")
    Subscription.objects.filter(address="ivanova@example.ru").update(opted_out_at=message.created_at)
    with pytest.raises(outbox.ResendRefused, match="отказался"):
        outbox.resend(Message.objects.get(pk=message.pk), supervisor)


def test_resending_is_a_post_with_the_csrf_token(supervisor, unreachable, django_capture_on_commit_callbacks):
    _appeal, message = registered(django_capture_on_commit_callbacks)
    client = Client(enforce_csrf_checks=True)
    client.force_login(supervisor)
    assert client.get(f"/staff/mail/outgoing/{message.pk}/resend/").status_code == 405
    assert client.post(f"/staff/mail/outgoing/{message.pk}/resend/").status_code == 403
    message.refresh_from_db()
    assert message.resent_at is None


def test_operators_neither_see_nor_resend(client, operator, unreachable, django_capture_on_commit_callbacks):
    _appeal, message = registered(django_capture_on_commit_callbacks)
    client.force_login(operator)
    assert client.get("/staff/mail/outgoing/").status_code == 403
    assert client.get(f"/staff/mail/outgoing/{message.pk}/").status_code == 403
    assert client.post(f"/staff/mail/outgoing/{message.pk}/resend/").status_code == 403
    message.refresh_from_db()
    assert message.resent_at is None


def test_reading_a_message_to_an_applicant_is_logged(client, supervisor, django_capture_on_commit_callbacks):
    appeal, message = registered(django_capture_on_commit_callbacks)
    client.force_login(supervisor)
    PersonalDataAccess.objects.all().delete()
    assert client.get(f"/staff/mail/outgoing/{message.pk}/").status_code == 200
    (row,) = PersonalDataAccess.objects.all()
    assert (row.user, row.appeal, row.applicant, row.action) == (supervisor, appeal, appeal.applicant,
                                                                 "view_outgoing_message")
    client.get("/staff/mail/outgoing/")
    assert PersonalDataAccess.objects.count() == 2  # the list names the applicants' addresses too

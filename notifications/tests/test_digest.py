"""The staff digest: a person's appeals due soon and overdue in one message a day; the opt-out link in it."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from appeals import services
from conftest import create_appeal
from notifications import tasks
from notifications.models import Message, Subscription

pytestmark = pytest.mark.django_db


def overdue_for(person, days=30):
    appeal = create_appeal(reason="roof-damage", received_at=timezone.now() - dt.timedelta(days=days))
    return services.assign(services.transition(appeal, "register", None), None, assignee=person)


def digests_to(address):
    return [m for m in mail.outbox if m.to == [address] and m.subject.startswith("Сроки обращений")]


def test_the_digest_groups_a_persons_appeals_in_one_message(specialist, supervisor,
                                                              django_capture_on_commit_callbacks):
    first, second = overdue_for(specialist), overdue_for(specialist, days=40)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_digests() == 2  # the specialist and the supervisor
    (letter,) = digests_to("specialist@example.ru")
    assert first.number in letter.body and second.number in letter.body and "Срок нарушен" in letter.body
    assert letter.body.index(second.number) < letter.body.index(first.number)  # the older due date first
    assert first.access_code not in letter.body  # the access code is the applicant's only
    assert len(digests_to("supervisor@example.ru")) == 1


def test_one_digest_a_day_by_the_command(specialist, django_capture_on_commit_callbacks):
    overdue_for(specialist)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests")
        call_command("send_digests")
    assert len(digests_to("specialist@example.ru")) == 1
    tomorrow = (timezone.now() + dt.timedelta(days=1)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", now=tomorrow)
    assert len(digests_to("specialist@example.ru")) == 2


def test_nobody_with_nothing_due_gets_a_digest(specialist):
    create_appeal(reason="roof-damage")
    assert tasks.send_digests() == 0 and not Message.objects.filter(event="digest").exists()


def test_the_opt_out_link_is_confirmed_without_log_in_and_honoured(client, specialist,
                                                                    django_capture_on_commit_callbacks):
    overdue_for(specialist)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_digests()
    (letter,) = digests_to("specialist@example.ru")
    link = next(line for line in letter.body.splitlines() if "/notifications/unsubscribe/" in line)
    path = link[link.index("/notifications/"):].strip()
    page = client.get(path)
    assert page.status_code == 200 and "Отказаться от рассылки" in page.content.decode()
    assert Subscription.objects.get(address="specialist@example.ru").opted_out_at is None  # a GET changes nothing
    done = client.post(path)
    assert "Вы отказались от необязательных сообщений" in done.content.decode()
    tomorrow = (timezone.now() + dt.timedelta(days=1)).isoformat()
    assert tasks.send_digests(tomorrow) == 0


def test_an_unknown_token_is_a_clear_404(client, db):
    page = client.get("/notifications/unsubscribe/not-a-token/")
    assert page.status_code == 404 and "Ссылка не действует" in page.content.decode()


def test_essential_messages_go_after_an_opt_out(django_capture_on_commit_callbacks):
    Subscription.of("ivanova@example.ru")
    Subscription.objects.update(opted_out_at=timezone.now())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # «received» is news; «registered» is essential
        appeal = services.transition(create_appeal(reason="roof-damage", email="Ivanova@example.ru"), "register",
                                     None)
    assert [m.subject for m in mail.outbox] == [f"Обращение № {appeal.number} зарегистрировано"]

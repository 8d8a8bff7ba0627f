"""Polling a real IMAP mailbox (dovecot of the test's own): unread letters filed, then marked read or moved."""

import imaplib
import os
from email import policy

import pytest
from django.core.management import call_command

from appeals.models import Appeal
from mailgateway.imap import MailboxSettings, poll
from mailgateway.models import InboundMessage

from .conftest import letter, send
from .dovecot import DOVECOT, PASSWORD, USER, Dovecot

pytestmark = pytest.mark.skipif(not os.path.exists(DOVECOT), reason="dovecot is not installed (make dovecot)")


@pytest.fixture
def dovecot():
    server = Dovecot()
    server.start()
    yield server
    server.stop()


def _client(server: Dovecot) -> imaplib.IMAP4:
    client = imaplib.IMAP4("127.0.0.1", server.port)
    client.login(USER, PASSWORD)
    return client


def _append(server: Dovecot, *messages, folder: str = "INBOX") -> None:
    client = _client(server)
    for message in messages:
        client.append(folder, None, None, message.as_bytes(policy=policy.SMTP))
    client.logout()


def _unseen_and_total(server: Dovecot, folder: str = "INBOX") -> tuple[int, int]:
    client = _client(server)
    client.select(folder)
    unseen = len(client.search(None, "UNSEEN")[1][0].split())
    total = len(client.search(None, "ALL")[1][0].split())
    client.logout()
    return unseen, total


def _box(server: Dovecot, **extra) -> MailboxSettings:
    return MailboxSettings(host="127.0.0.1", port=server.port, user=USER, password=PASSWORD, ssl=False, **extra)


def test_poll_imap_files_unread_letters_and_marks_them_read(dovecot, reference_data, settings, capsys):
    _append(dovecot, letter("Не работает домофон в подъезде 2."), letter("Прошу провести перерасчёт за отопление."))
    settings.IMAP_HOST, settings.IMAP_PORT, settings.IMAP_SSL = "127.0.0.1", dovecot.port, False
    settings.IMAP_USER, settings.IMAP_PASSWORD = USER, PASSWORD
    call_command("poll_imap")
    assert "Писем обработано: 2" in capsys.readouterr().out
    assert sorted(a.text.split("\n\n")[-1] for a in Appeal.objects.all()) == [
        "Не работает домофон в подъезде 2.", "Прошу провести перерасчёт за отопление."]
    assert set(InboundMessage.objects.values_list("source", flat=True)) == {"imap"}
    assert _unseen_and_total(dovecot) == (0, 2)
    call_command("poll_imap")  # nothing unread is left: nothing filed twice
    assert Appeal.objects.count() == 2


def test_poll_moves_filed_letters_when_a_done_folder_is_set(dovecot, reference_data):
    client = _client(dovecot)
    client.create("Done")
    client.logout()
    _append(dovecot, letter("Сломана скамейка во дворе."))
    assert poll(_box(dovecot, done_folder="Done")).filed == 1
    assert _unseen_and_total(dovecot) == (0, 0)
    assert _unseen_and_total(dovecot, "Done")[1] == 1
    assert Appeal.objects.count() == 1


def test_letter_already_filed_by_smtp_is_not_filed_again_from_the_mailbox(dovecot, gateway):
    message = letter(message_id="<both-ways@example.ru>")
    send(gateway, message)
    _append(dovecot, message)
    assert poll(_box(dovecot)).filed == 1
    assert Appeal.objects.count() == 1

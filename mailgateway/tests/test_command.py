"""The commands refuse bad settings with a clear Russian message."""

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.parametrize("bind", ["2525", "127.0.0.1:", "127.0.0.1:99999", "localhost:smtp"])
def test_mail_gateway_refuses_a_bind_that_is_no_address_and_port(bind):
    with pytest.raises(CommandError, match="--bind: нужен адрес вида 127.0.0.1:2525"):
        call_command("mail_gateway", "--bind", bind)


def test_poll_imap_without_a_mailbox_says_what_to_set(settings):
    settings.IMAP_HOST = ""
    with pytest.raises(CommandError, match="IMAP_HOST"):
        call_command("poll_imap")

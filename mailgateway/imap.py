"""The second way in: a mailbox polled over IMAP (imap-tools). A letter is marked read, or moved, only
after it is filed; one that could not be stored stays unread and is taken again at the next poll."""

import logging
from dataclasses import dataclass

from django.conf import settings
from imap_tools import AND, MailBox, MailBoxUnencrypted, MailMessageFlags

from .models import Source
from .smtp import deliver

logger = logging.getLogger(__name__)


@dataclass
class PollResult:
    filed: int = 0
    failed: int = 0


@dataclass(frozen=True)
class MailboxSettings:
    host: str
    port: int
    user: str
    password: str
    folder: str = "INBOX"
    done_folder: str = ""
    ssl: bool = True

    @classmethod
    def from_settings(cls) -> "MailboxSettings":
        return cls(host=settings.IMAP_HOST, port=settings.IMAP_PORT, user=settings.IMAP_USER,
                   password=settings.IMAP_PASSWORD, folder=settings.IMAP_FOLDER,
                   done_folder=settings.IMAP_DONE_FOLDER, ssl=settings.IMAP_SSL)


def _raw(mailbox, uid: str) -> bytes:
    status, data = mailbox.client.uid("fetch", uid, "(BODY.PEEK[])")
    if status != "OK":
        raise OSError(f"FETCH {uid}: {status}")
    return next(item[1] for item in data if isinstance(item, tuple))


def poll(box: MailboxSettings) -> PollResult:
    """File every unread letter of the folder; each one filed is then marked read (or moved)."""
    result = PollResult()
    mailbox_class = MailBox if box.ssl else MailBoxUnencrypted
    with mailbox_class(box.host, box.port).login(box.user, box.password, initial_folder=box.folder) as mailbox:
        for uid in mailbox.uids(AND(seen=False)):
            try:
                deliver(_raw(mailbox, uid), None, Source.IMAP)
            except Exception:
                logger.exception("IMAP letter %s was not filed; it stays unread for the next poll", uid)
                result.failed += 1
                continue
            if box.done_folder:
                mailbox.move(uid, box.done_folder)
            else:
                mailbox.flag(uid, MailMessageFlags.SEEN, True)
            result.filed += 1
    return result

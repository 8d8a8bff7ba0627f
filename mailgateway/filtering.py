"""Letters no person wrote to us: auto-replies, bounces and mailing lists make no appeals.

`ignore_reason` answers why a letter is passed by, in Russian for the record, or None when it is a letter
from a person.
"""

import re

from .parsing import Letter

# How each reason begins: the record's note says it, and the back office's list filters by it.
BOUNCE = "уведомление о недоставке"
AUTO_REPLY = "автоответ"
AUTOMATIC = "автоматическое письмо"
MAILING_LIST = "рассылка"

AUTO_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
BOUNCE_SENDERS = re.compile(r"^(mailer-daemon|postmaster|mail-daemon)@", re.IGNORECASE)
VACATION_SUBJECT = re.compile(
    r"^\s*(auto(matic)?[ -]?(reply|response)|autoreply|auto:|out of (the )?office|vacation|"
    r"автоответ|автоматический ответ|нахожусь в отпуске|в отпуске|отсутствую|вне офиса)",
    re.IGNORECASE)


def _bounce(letter: Letter, envelope_from: str | None) -> str | None:
    if envelope_from is not None and envelope_from.strip("<> ") == "":
        return f"{BOUNCE} (пустой отправитель)"
    # A letter taken from a mailbox has no envelope: the delivering server wrote the sender into Return-Path.
    if "Return-Path" in letter.message and letter.header("Return-Path").strip("<> ") == "":
        return f"{BOUNCE} (пустой Return-Path)"
    if letter.message.get_content_type() == "multipart/report":
        return f"{BOUNCE} (multipart/report)"
    if BOUNCE_SENDERS.match(letter.from_address) or (envelope_from and BOUNCE_SENDERS.match(envelope_from)):
        return f"{BOUNCE} (MAILER-DAEMON)"
    return None


def _auto_reply(letter: Letter) -> str | None:
    auto_submitted = letter.header("Auto-Submitted").lower()
    if auto_submitted and auto_submitted != "no":
        return f"{AUTO_REPLY} (Auto-Submitted: {auto_submitted})"
    for name in ("X-Autoreply", "X-Autorespond"):
        if letter.header(name):
            return f"{AUTO_REPLY} ({name})"
    precedence = letter.header("Precedence").lower()
    if precedence in AUTO_PRECEDENCE:
        return f"{AUTOMATIC} (Precedence: {precedence})"
    if VACATION_SUBJECT.match(letter.subject):
        return f"{AUTO_REPLY} (тема об отсутствии)"
    return None


def _mailing_list(letter: Letter) -> str | None:
    for name in ("List-Id", "List-Unsubscribe"):
        if letter.header(name):
            return f"{MAILING_LIST} ({name})"
    return None


def ignore_reason(letter: Letter, envelope_from: str | None = None) -> str | None:
    """Why the letter makes no appeal, or None. `envelope_from` is the SMTP sender ('' is the null one)."""
    return _bounce(letter, envelope_from) or _auto_reply(letter) or _mailing_list(letter)

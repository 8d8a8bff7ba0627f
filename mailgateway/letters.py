"""The incoming letters as the back office shows them: what became of each, the filters by outcome and day,
and one letter read back from its raw copy. Supervisors read them (the letters carry personal data)."""

import datetime as dt

from django.db.models import Q, QuerySet

from appeals import access
from appeals.workflow import ASSIGN
from deadlines.calendar import start_of_day

from .filtering import AUTO_REPLY, AUTOMATIC, BOUNCE, MAILING_LIST
from .models import InboundMessage, Outcome
from .parsing import Letter, parse

ACTIONS = {"view_incoming_mail": ((ASSIGN,), "Просматривать входящие письма")}

_IGNORED = Q(outcome=Outcome.IGNORED)
# Filter code → (label, condition). A note on a letter that was filed lists the attachments refused.
OUTCOMES = {
    "appeal": ("Новые обращения", Q(outcome=Outcome.APPEAL)),
    "joined": ("Добавлены к обращению", Q(outcome=Outcome.JOINED)),
    "ignored": ("Пропущены — все", _IGNORED),
    "bounce": ("Пропущены: недоставка", _IGNORED & Q(note__startswith=BOUNCE)),
    "auto_reply": ("Пропущены: автоответ", _IGNORED & (Q(note__startswith=AUTO_REPLY) | Q(note__startswith=AUTOMATIC))),
    "mailing_list": ("Пропущены: рассылка", _IGNORED & Q(note__startswith=MAILING_LIST)),
    "refused_files": ("С непринятыми вложениями", ~_IGNORED & ~Q(note="")),
}


def may_view(user) -> bool:
    return access.may(user, "view_incoming_mail")


def letters(outcome: str = "", day_from: dt.date | None = None, day_to: dt.date | None = None) -> QuerySet:
    """The letters received, the latest first, without their raw copies (a letter may be megabytes)."""
    found = InboundMessage.objects.defer("raw").select_related("appeal__applicant").order_by("-received_at", "-id")
    if outcome:
        found = found.filter(OUTCOMES[outcome][1])
    if day_from:
        found = found.filter(received_at__gte=start_of_day(day_from))
    if day_to:
        found = found.filter(received_at__lt=start_of_day(day_to + dt.timedelta(days=1)))
    return found


def refused_files(message: InboundMessage) -> list[str]:
    """Why each refused attachment of a filed letter was refused (one line each)."""
    if message.outcome == Outcome.IGNORED:
        return []
    return [line for line in message.note.splitlines() if line.strip()]


def read(message: InboundMessage) -> Letter:
    """The letter as it came: sender, subject, readable text and files."""
    return parse(bytes(message.raw))

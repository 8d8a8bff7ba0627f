"""Filing a letter: a new appeal, a reply joined to its appeal, or a record of why it was passed by.

Everything a letter leads to (the appeal, its files, the record with the raw copy) is committed in one
transaction, and only then may the letter be acknowledged; a letter filed before (the same Message-ID)
is acknowledged again without being filed twice.
"""

import re

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from appeals import services
from appeals.applicants import ApplicantData
from appeals.attachments import add_attachment
from appeals.choices import Channel
from appeals.contacts import check_email, check_name
from appeals.errors import AppealError
from appeals.models import Appeal
from housing.models import Building
from triage.extraction import Extraction, extract

from .filtering import ignore_reason
from .models import InboundMessage, Outcome
from .parsing import Letter, parse

# «Re: Ваше обращение № 26-000123», «Fwd: обращение №26-000123»
APPEAL_NUMBER = re.compile(r"№\s*(\d{2,4}-\d{6})\b")
EMPTY_LETTER = "Письмо без текста."


def _checked(value: str, check) -> str:
    try:
        return check(value)
    except AppealError:
        return ""


def _address_of(found: Extraction) -> str:
    parts = [found.street, f"д. {found.house}"] if found.street and found.house else []
    parts += [f"корп. {found.korpus}"] if parts and found.korpus else []
    return ", ".join(parts)


def _intake_of(letter: Letter, text: str) -> dict:
    """What `receive_appeal` is given: the applicant from the sender, the rest from the text (as the
    registration screen prefills it)."""
    found = extract(text)
    email = _checked(letter.from_address, check_email)
    # A name is needed to keep an applicant; unsigned, the address stands for it until the operator learns it.
    name = _checked(letter.from_name, check_name) or _checked(found.full_name or "", check_name) or email
    applicant = ApplicantData(full_name=name, email=email, phone=found.phone or "", flat=found.flat or "")
    intake = {"applicant": applicant if name else None,
              "address_text": _address_of(found), "flat": found.flat or ""}
    if found.building_id:
        intake["building"] = Building.objects.filter(pk=found.building_id).first()
    return intake


def _appeal_text(letter: Letter) -> str:
    parts = [f"Тема: {letter.subject}"] if letter.subject else []
    parts.append(letter.text or EMPTY_LETTER)
    return "\n\n".join(parts)[: services.MAX_TEXT]


def _attach(appeal: Appeal, letter: Letter) -> list[str]:
    """The letter's files checked as uploads are; the refusals, to be recorded."""
    refused = []
    for attached in letter.files:
        try:
            add_attachment(appeal, ContentFile(attached.content, name=attached.name), None)
        except AppealError as error:
            refused.append(error.message)
    return refused


def _replied_appeal(letter: Letter) -> Appeal | None:
    """The open appeal the letter answers: its number in the subject, and sent from its applicant's address."""
    match = APPEAL_NUMBER.search(letter.subject)
    if not match or not letter.from_address:
        return None
    appeal = Appeal.objects.select_related("applicant").filter(number=match.group(1)).first()
    if appeal is None or appeal.applicant is None or not appeal.is_open:
        return None
    return appeal if appeal.applicant.email.lower() == letter.from_address.lower() else None


def _unquoted(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">")).strip()


def _file(letter: Letter, envelope_from: str | None) -> tuple[str, Appeal | None, str]:
    reason = ignore_reason(letter, envelope_from)
    if reason:
        return Outcome.IGNORED, None, reason
    appeal = _replied_appeal(letter)
    if appeal is not None:
        services.note(appeal, None, "commented", f"Письмо заявителя: {_unquoted(letter.text) or EMPTY_LETTER}")
        return Outcome.JOINED, appeal, "\n".join(_attach(appeal, letter))
    text = _appeal_text(letter)
    intake = _intake_of(letter, text)
    try:
        appeal = services.receive_appeal(text=text, channel=Channel.EMAIL, **intake)
    except AppealError:
        # The sender's details are refused (an odd phone in the text…): the letter is still filed, unprefilled;
        # a refusal here would only make the sending server retry for days.
        appeal = services.receive_appeal(text=text, channel=Channel.EMAIL)
    return Outcome.APPEAL, appeal, "\n".join(_attach(appeal, letter))


def file_letter(raw: bytes, *, source: str, envelope_from: str | None = None) -> InboundMessage:
    """File one letter (see the module's docstring) and return its record. Raises whatever keeps it from
    being stored (the database down): the caller then answers «try later»."""
    letter = parse(raw)
    filed = InboundMessage.objects.filter(message_key=letter.message_key).first()
    if filed is not None:
        return filed
    try:
        with transaction.atomic():
            outcome, appeal, note = _file(letter, envelope_from)
            return InboundMessage.objects.create(
                message_key=letter.message_key, source=source, envelope_from=(envelope_from or "")[:300],
                from_address=letter.from_address[:300], subject=letter.subject[:500], outcome=outcome,
                note=note, appeal=appeal, raw=raw)
    except IntegrityError:
        # The same letter filed meanwhile by another delivery: that one stands, this one rolled back.
        filed = InboundMessage.objects.filter(message_key=letter.message_key).first()
        if filed is None:
            raise
        return filed

"""Issuing a letter to the applicant: the one verb, and the rule of which letters an appeal may have now.

The letter gets the next outgoing number, its body from the staff's template (or the shipped one), the PDF
on the letterhead, a line in the appeal's history, and goes out by the applicant's own channel: by e-mail
with the PDF attached, else it waits to be printed and posted.

Staff issue a letter from the appeal page; the appeal's verbs never do: the answer's e-mail goes as it did,
and a letter is a signed document someone decides to send.
"""

import datetime as dt
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Company
from appeals import access, services
from appeals.answer_rules import letter_parts
from appeals.errors import AppealError
from appeals.models import Appeal
from deadlines.calendar import date_words
from notifications.hub import applicant_channel
from notifications.models import Channel

from .choices import Delivery, LetterKind
from .defaults import BODIES, SIGNATORY_POST
from .models import Letter, LetterTemplate
from .numbering import next_letter_number
from .rendering import answer_html, render_body


def refusal_of(appeal: Appeal, kind: str) -> str:
    """Why this kind of letter cannot be issued for the appeal now; empty when it can."""
    if kind not in LetterKind.values:
        return "Неизвестный вид письма."
    if appeal.applicant_id is None:
        return "У обращения нет заявителя: письмо адресовать некому."
    if kind == LetterKind.EXTENSION:
        if appeal.extended_at is None:
            return "Срок рассмотрения этого обращения не продлевался: письмо о продлении не нужно."
        return ""
    if appeal.answered_at is None or appeal.is_open or not appeal.answer_text.strip():
        return "Ответ по обращению ещё не дан: письмо с ответом формируют после ответа."
    if kind == LetterKind.REFUSAL and not appeal.is_refusal:
        return "По обращению дан ответ, а не отказ: сформируйте письмо с ответом."
    if kind == LetterKind.ANSWER and appeal.is_refusal:
        return "По обращению дан обоснованный отказ: сформируйте письмо об отказе."
    return ""


def kinds_now(appeal: Appeal) -> list[str]:
    """The kinds of letter the appeal may have now, in the order of the choices."""
    return [kind for kind in LetterKind.values if not refusal_of(appeal, kind)]


def template_of(kind: str) -> LetterTemplate:
    """The staff's template of the kind, else the shipped words (a deleted row still makes a letter)."""
    return LetterTemplate.objects.filter(kind=kind).first() or LetterTemplate(kind=kind, body=BODIES[kind])


def _day(moment: dt.datetime | None) -> str:
    return date_words(timezone.localtime(moment).date()) if moment else ""


def as_clause(text: str) -> str:
    """Words staff typed as a sentence of their own («Нужен осмотр подрядчика»), to follow a colon in a
    letter: a lower-case start (an abbreviation like «ГУП» stays) and a full stop at the end."""
    text = " ".join(text.split())
    if len(text) > 1 and text[1].islower():
        text = text[0].lower() + text[1:]
    return text if not text or text[-1] in ".!?…" else text + "."


def salutation(appeal: Appeal, addressee: str) -> str:
    """«Уважаемая Мария Петровна!» above the body: the answer's own greeting, else one made from the name
    (none for a name without a patronymic)."""
    from triage.answers.drafts import greeting_name

    greeting = letter_parts(appeal.answer_text)[0]
    if greeting:
        return greeting
    addressed = greeting_name(addressee)
    return f"{addressed[0]} {addressed[1]}!" if addressed else ""


def _answer(appeal: Appeal, company: Company) -> str:
    """What the answer says, without its own greeting and sign-off (the letter has them) and without the
    company's notice the answer verb appended (the letter puts it in its own place); the staff's own words
    of a right to complain elsewhere stay."""
    return letter_parts(appeal.answer_text.replace(company.hq_notice(), ""))[1]


def _addressed(letter: Letter, applicant) -> None:
    """Whom the letter is to and how it goes: by e-mail where the applicant is told by e-mail (the hub's
    rule), else by post to their address, else it is only kept."""
    letter.addressee_name = applicant.full_name[:300]
    letter.addressee_address = applicant.address[:400]
    letter.addressee_email = applicant.email
    route = applicant_channel(applicant, email_only=True)
    if route is not None and route[0] == Channel.EMAIL:
        letter.delivery, letter.sent_at = Delivery.EMAIL, letter.issued_at
    else:
        letter.delivery = Delivery.POST if letter.addressee_address else Delivery.NONE


def _values(appeal: Appeal, letter: Letter, company: Company, hq_notice: str) -> dict:
    answer = _answer(appeal, company)
    return {
        "applicant": letter.addressee_name,
        "number": appeal.number,
        "received": _day(appeal.received_at),
        "answer": answer_html(answer),
        "hq_notice": hq_notice,
        "due": _day(appeal.answer_due),
        "extension_reason": as_clause(appeal.extension_reason),
        "letter_number": letter.number,
        "letter_date": date_words(letter.date),
        "company": company.name,
        "address": appeal.problem_address,
    }


@transaction.atomic
def issue_letter(appeal: Appeal, kind: str, user, *, today: dt.date | None = None) -> Letter:
    """Issue a letter of `kind` for the appeal; raises AppealError (in Russian) when it does not apply."""
    # Only the appeal's row is locked: PostgreSQL locks no row of an outer join's nullable side.
    appeal = (Appeal.objects.select_for_update(of=("self",)).select_related("applicant__building", "building")
              .get(pk=appeal.pk))
    access.check(user, "issue_letter", appeal)
    problem = refusal_of(appeal, kind)
    if problem:
        raise AppealError(problem, "kind")
    from .pdf import letter_pdf

    company = Company.current()
    template = template_of(kind)
    today = today or timezone.localdate()
    letter = Letter(
        appeal=appeal, kind=kind, date=today, signatory_name=template.signatory_name or company.director,
        signatory_post=template.signatory_post or SIGNATORY_POST,
        issued_by=user if getattr(user, "pk", None) else None, issued_at=timezone.now())
    _addressed(letter, appeal.applicant)
    letter.salutation = salutation(appeal, letter.addressee_name)[:200]
    letter.number = next_letter_number(today.year)
    # W7: a refusal, or a decision not in the applicant's favour, names the HQ and its contacts.
    notice = company.hq_notice() if kind != LetterKind.EXTENSION and appeal.needs_hq_notice else ""
    letter.body = render_body(template.body, _values(appeal, letter, company, notice), hq_notice=notice)
    letter.pdf.save(f"{uuid.uuid4().hex}.pdf", ContentFile(letter_pdf(letter, company)), save=False)
    letter.save()
    services.note(appeal, user, "letter_issued",
                  f"Письмо «{letter.get_kind_display()}», исх. № {letter.number} от {today:%d.%m.%Y}: "
                  f"{letter.get_delivery_display().lower()}.")
    if letter.delivery == Delivery.EMAIL:
        transaction.on_commit(lambda: _send(letter.pk))
    return letter


@transaction.atomic
def mark_posted(letter: Letter, user) -> Letter:
    """Staff printed the letter and posted it: when, and a line in the appeal's history."""
    letter = Letter.objects.select_for_update(of=("self",)).select_related("appeal").get(pk=letter.pk)
    access.check(user, "issue_letter", letter.appeal)
    if not letter.awaits_post:
        raise AppealError(f"Письмо исх. № {letter.number} не ждёт отправки почтой.", "letter")
    letter.sent_at = timezone.now()
    letter.save(update_fields=["sent_at"])
    services.note(letter.appeal, user, "letter_posted", f"Письмо исх. № {letter.number} отправлено почтой.")
    return letter


def _send(letter_id: int) -> None:
    from .tasks import email_letter

    email_letter.delay(letter_id)

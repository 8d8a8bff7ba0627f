"""The letter as a PDF on the company's letterhead: an HTML template rendered by WeasyPrint with the system's
fonts (as the invoices, orders.pdf). The template is never served; `letter.css` beside this module styles it."""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from deadlines.calendar import date_words

from .choices import LetterKind
from .models import Letter
from .typography import typeset

STYLESHEET = Path(__file__).with_name("letter.css")
HEADINGS = {
    LetterKind.ANSWER: "О результатах рассмотрения обращения",
    LetterKind.REFUSAL: "Об отказе в удовлетворении обращения",
    LetterKind.EXTENSION: "О продлении срока рассмотрения обращения",
}


def executor_of(letter: Letter, company) -> str:
    """«Исполнитель» at the foot of the letter: who issued it and a phone to call them on."""
    user = letter.issued_by
    if user is None:
        return ""
    profile = getattr(user, "profile", None)
    phone = (profile.phone if profile else "") or company.phone
    return (user.get_full_name() or user.username) + (f", тел. {phone}" if phone else "")


def letter_html(letter: Letter, company) -> str:
    appeal = letter.appeal
    html = render_to_string("letters/letter_pdf.html", {
        "letter": letter,
        "company": company,
        "date": date_words(letter.date),
        "appeal_date": date_words(timezone.localtime(appeal.received_at).date()),
        "heading": HEADINGS[letter.kind],
        "executor": executor_of(letter, company),
        "body": mark_safe(letter.body),  # rendered autoescaped from the template (letters.rendering)
    })
    return typeset(html)


def letter_pdf(letter: Letter, company) -> bytes:
    from weasyprint import CSS, HTML  # loads pango: only where a letter is made
    from weasyprint.urls import URLFetcher

    # The body is the staff's HTML: an image or stylesheet it names is never fetched from a disk or a network.
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=letter_html(letter, company), url_fetcher=fetcher).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))])

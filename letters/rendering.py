"""A letter's body: the staff's HTML template filled with the appeal's values by Django's template engine,
autoescaped (an applicant's words are text, never markup), then set by Russian typography.

The HQ notice (W7) is not the template's to drop: a letter that must carry it gets it appended when the
staff's words left it out."""

from django.template import Context, Engine
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import mark_safe

from notifications.rendering import TemplateProblem
from notifications.rendering import check as check_template

from .typography import typeset

__all__ = ["PLACEHOLDERS", "TemplateProblem", "answer_html", "check", "render_body"]

PLACEHOLDERS = ("applicant", "number", "received", "answer", "hq_notice", "due", "extension_reason",
                "letter_number", "letter_date", "company", "address")
_ENGINE = Engine(autoescape=True, loaders=[], libraries={}, string_if_invalid="")


def check(text: str) -> None:
    """Refuse a body with a syntax error, a forbidden tag or an unknown placeholder (the messages' rule)."""
    check_template(text, PLACEHOLDERS)


def answer_html(text: str):
    """The answer's text as paragraphs, its words escaped: a blank line starts a paragraph."""
    return mark_safe(linebreaks(text.strip(), autoescape=True))  # linebreaks escaped the words


def render_body(body: str, values: dict, *, hq_notice: str = "") -> str:
    """The body filled and typeset; `hq_notice`, when given, is in it whatever the template says."""
    html = _ENGINE.from_string(body or "").render(Context(values, autoescape=True)).strip()
    if hq_notice and conditional_escape(hq_notice) not in html:
        html += "\n" + format_html('<p class="hq-notice">{}</p>', hq_notice)
    return typeset(html)

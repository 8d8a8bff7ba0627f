"""`{% load residents %}`: a forum text as the public sees it, and the header's link to the resident area."""

from django import template

from ..forum import masked
from ..session import is_signed_in

register = template.Library()


@register.filter
def public_text(value: str) -> str:
    """Names, phones, e-mails, flats and account numbers hidden (`forum.masked`); escape it after, with usertext."""
    return masked(value or "")


@register.simple_tag(takes_context=True)
def resident_signed_in(context) -> bool:
    request = context.get("request")
    return request is not None and is_signed_in(request)

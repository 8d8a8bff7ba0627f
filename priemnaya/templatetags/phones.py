"""`{{ company.hotline|phone_link }}`: a phone line as the company typed it («…, круглосуточно») shown as
typed, in a link a phone can dial; as plain text when it holds no number. A built-in of the project's
templates, as `usertext` is."""

from django import template
from django.utils.html import format_html

from appeals.contacts import dial_uri

register = template.Library()


@register.filter
def phone_link(value, css_class: str = "") -> str:
    text = str(value or "")
    uri = dial_uri(text)
    if not uri:
        return format_html("{}", text)
    if css_class:
        return format_html('<a class="{}" href="{}">{}</a>', css_class, uri, text)
    return format_html('<a href="{}">{}</a>', uri, text)

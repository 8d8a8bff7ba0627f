"""`{{ moment|slot_label }}` → «пн, 7 декабря, 10:30»; `{{ day|day_label }}` → «пн, 7 декабря»; phones as read."""

from django import template

from appointments import booking, schedule

register = template.Library()


@register.filter
def slot_label(moment) -> str:
    return schedule.slot_label(moment) if moment else ""


@register.filter
def day_label(day) -> str:
    return schedule.day_label(day) if day else ""


@register.filter
def hour(moment) -> str:
    """«10:30», Moscow time."""
    return f"{moment.astimezone(schedule.MOSCOW):%H:%M}" if moment else ""


@register.filter
def shown_phone(phone: str) -> str:
    """«+7 921 456-78-12»."""
    return booking.shown_phone(phone or "")

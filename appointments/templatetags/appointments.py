"""`{{ moment|slot_label }}` → «пн, 7 декабря, 10:30»; `{{ day|day_label }}` → «пн, 7 декабря»."""

from django import template

from appointments import schedule

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

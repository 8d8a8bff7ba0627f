"""Numbers as a Russian reader expects them: «1 234,56 ₽», «12,5 %», «45 678,9 м²», with non-breaking
spaces between the digit groups and before the sign, so a price never breaks across lines."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

register = template.Library()

NBSP = "\u00a0"


def group_digits(value, places: int) -> str:
    """`value` rounded to `places` decimals, thousands grouped by non-breaking spaces, a decimal comma."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return ""
    quantum = Decimal(1).scaleb(-places) if places else Decimal(1)
    number = number.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "−" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = NBSP.join(groups)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


@register.filter
def rubles(value) -> str:
    """«1 234,56 ₽»."""
    text = group_digits(value, 2)
    return f"{text}{NBSP}₽" if text else ""


@register.filter
def number(value, places: int = 0) -> str:
    """«45 678» or, with `places`, «45 678,9»."""
    return group_digits(value, int(places))


@register.filter
def number_short(value) -> str:
    """One decimal place, dropped when it is zero: «4», «4,5»."""
    text = group_digits(value, 1)
    return text[:-2] if text.endswith(",0") else text


@register.filter
def percent(share) -> str:
    """A share between 0 and 1 as «87,5 %»; nothing when there is no share to show."""
    if share is None:
        return ""
    return f"{group_digits(Decimal(str(share)) * 100, 1)}{NBSP}%"

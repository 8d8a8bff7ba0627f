"""Numbers as a Russian clerk writes them."""

from django import template

register = template.Library()


@register.filter
def thousands(value) -> str:
    """«1 234 567»: thousands apart by a narrow no-break space, so a number never breaks across lines."""
    return f"{int(value):,}".replace(",", "\u202f")

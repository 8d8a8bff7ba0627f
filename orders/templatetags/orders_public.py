from django import template

from orders.tracking import public_order_for

register = template.Library()


@register.inclusion_tag("orders/_public_status.html")
def order_status(number: str) -> dict:
    """The order's block on the public status page of its appeal; nothing for an appeal that is no order."""
    return {"order": public_order_for(number)}


@register.filter
def rub(amount) -> str:
    """«1 234,56 ₽» with non-breaking spaces."""
    from orders.money import rub as in_roubles

    return in_roubles(amount) if amount is not None else ""

from django import template

from appeals import access
from orders import workflow
from orders.forms import CancelForm, ConfirmForm
from orders.models import Order
from orders.money import figures, number, rub, vat_line

register = template.Library()


@register.inclusion_tag("orders/staff/_panel.html", takes_context=True)
def order_panel(context) -> dict:
    """The order's card on its appeal's page: what was ordered, its invoice, and the steps this person may
    take now (the verbs check them again)."""
    appeal, user = context["appeal"], context["user"]
    order = Order.objects.select_related("service", "invoice").filter(appeal=appeal).first()
    if order is None:
        return {"order": None}
    steps = [s for s in workflow.available(order.status) if access.may(user, s.name, appeal)]
    invoice = getattr(order, "invoice", None)
    return {
        "order": order, "appeal": appeal, "csrf_token": context.get("csrf_token"),
        "steps": [s for s in steps if not (s.name == "issue_invoice" and invoice)],
        "invoice": invoice, "total": rub(order.total), "price": rub(order.price), "quantity": number(order.quantity),
        "vat": vat_line(order.service.vat_rate, order.vat_amount) + (
            f": {figures(order.vat_amount)}" if order.vat_amount is not None else ""),
        "confirm_form": ConfirmForm(initial={"price": figures(order.price).replace("\u00a0", " "),
                                             "quantity": number(order.quantity),
                                             "work_date": order.preferred_date}, prefix="order"),
        "cancel_form": CancelForm(prefix="order"),
    }

"""What whoever holds an order's appeal number and access code sees of the order: the service, where the
order stands and its amount — never the payer, the address or anything else about people."""

from .choices import OrderStatus as S
from .models import Order
from .money import rub

RESIDENT_TEXT = {
    S.NEW: "Заказ получен. Сотрудник свяжется с вами, чтобы согласовать дату работ и стоимость.",
    S.CONFIRMED: "Заказ подтверждён.",
    S.DONE: "Работы выполнены. Ждём оплаты по счёту.",
    S.PAID: "Заказ оплачен. Спасибо!",
    S.CANCELLED: "Заказ отменён.",
}


def public_order(order: Order) -> dict:
    """The order on the public status page."""
    confirmed = order.status != S.NEW
    invoice = getattr(order, "invoice", None)
    return {
        "service": order.service.name,
        "status": order.status,
        "status_label": S(order.status).label,
        "status_hint": RESIDENT_TEXT[S(order.status)],
        "amount": rub(order.total),
        "amount_is_final": confirmed,
        "work_date": order.work_date if confirmed and order.status != S.CANCELLED else None,
        "invoice_number": invoice.number if invoice else "",
        "invoice_date": invoice.issued_on if invoice else None,
    }


def public_order_for(number: str) -> dict | None:
    """The public view of the order whose appeal has this number, or None (the appeal is no order)."""
    order = Order.objects.select_related("service", "invoice").filter(appeal__number=number).first()
    return public_order(order) if order else None

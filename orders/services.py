"""The verbs of paid orders. Each takes the order's row lock, asks `appeals.access` whether the person may,
checks the step against `orders.workflow`, saves and writes the step into the appeal's history through the
appeals verbs (`appeals.services.note`)."""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from appeals import access
from appeals import services as appeal_services
from appeals.applicants import ApplicantData
from appeals.choices import Channel, Kind
from appeals.models import Reason

from . import workflow
from .choices import OrderStatus
from .models import Order, PaidService
from .money import MAX_QUANTITY, MoneyError, number, parse_amount, rub
from .workflow import OrderStepError

COMMENT_MAX = 2000
# The classifier's reason for an order: it sends the appeal to the paid-services department.
ORDER_REASON = "paid-order"
# How far ahead a resident may ask for, and staff may set, the date of the work.
DATE_AHEAD = dt.timedelta(days=366)
DATE_BEHIND = dt.timedelta(days=31)  # staff may record work done in the last month


def _order_text(service: PaidService, preferred_date: dt.date | None, comment: str) -> str:
    lines = [f"Заказ платной услуги: {service.name} ({rub(service.price)} / {service.unit})."]
    if preferred_date:
        lines.append(f"Желаемая дата: {preferred_date:%d.%m.%Y}.")
    if comment:
        lines.append(f"Комментарий: {comment}")
    return "\n".join(lines)


def check_preferred_date(value: dt.date | None, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    if value is not None and not today <= value <= today + DATE_AHEAD:
        raise OrderStepError("Желаемая дата — с сегодняшнего дня и не дальше чем через год.", "preferred_date")


@transaction.atomic
def place_order(*, service: PaidService, applicant: ApplicantData, building=None, address_text: str = "",
                flat: str = "", preferred_date: dt.date | None = None, comment: str = "",
                channel: str = Channel.WEB, actor=None) -> Order:
    """A resident's order: an appeal of kind «заявка» through the one intake verb, and the order linked to it
    at the service's price (the final price is set when staff confirm)."""
    if not service.is_active:
        raise OrderStepError("Эта услуга сейчас не предлагается. Выберите другую из перечня.", "service")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise OrderStepError(f"Комментарий длиннее {COMMENT_MAX} знаков.", "comment")
    check_preferred_date(preferred_date)
    appeal = appeal_services.receive_appeal(
        text=_order_text(service, preferred_date, comment), channel=channel, kind=Kind.REQUEST,
        applicant=applicant, building=building, address_text=address_text, flat=flat,
        reason=Reason.objects.filter(code=ORDER_REASON, is_active=True).first(),
        short_content=f"Заказ платной услуги: {service.name}", actor=actor)
    return Order.objects.create(appeal=appeal, service=service, price=service.price,
                                preferred_date=preferred_date, comment=comment)


def _locked(order: Order) -> Order:
    return Order.objects.select_for_update().select_related("appeal", "service").get(pk=order.pk)


def begin(order: Order, name: str, actor) -> tuple[Order, workflow.Step]:
    """Lock the order, check the person's right and the life cycle; the start of every verb."""
    order = _locked(order)
    access.check(actor, name, order.appeal)
    return order, workflow.check(name, order.status)


def record(order: Order, step: workflow.Step, actor, details: str = "") -> None:
    """The step in the appeal's history: the resident's status page reads the order itself, never this note."""
    text = f"{step.done_text}." + (f" {details}" if details else "")
    appeal_services.note(order.appeal, actor, step.name, text)


def _check_work_date(value: dt.date | None) -> dt.date:
    today = timezone.localdate()
    if value is None:
        raise OrderStepError("Укажите дату выполнения работ.", "work_date")
    if not today - DATE_BEHIND <= value <= today + DATE_AHEAD:
        raise OrderStepError("Дата работ — не раньше чем месяц назад и не дальше чем через год.", "work_date")
    return value


def _quantity(raw) -> Decimal:
    try:
        return parse_amount(raw, limit=MAX_QUANTITY, what="Количество")
    except MoneyError as error:
        raise OrderStepError(str(error), "quantity") from None


@transaction.atomic
def confirm(order: Order, actor, *, price, work_date: dt.date | None, quantity=Decimal(1)) -> Order:
    """Staff confirm the order with the resident: its price per unit, the quantity and the date of the work."""
    order, step = begin(order, "confirm_order", actor)
    try:
        order.price = parse_amount(price)
    except MoneyError as error:
        raise OrderStepError(str(error), "price") from None
    order.quantity = _quantity(quantity)
    order.work_date = _check_work_date(work_date)
    order.status, order.confirmed_at = step.target, timezone.now()
    order.save()
    record(order, step, actor, f"{number(order.quantity)} {order.service.unit} × {rub(order.price)} = "
                               f"{rub(order.total)}, дата работ {order.work_date:%d.%m.%Y}.")
    return order


@transaction.atomic
def complete(order: Order, actor) -> Order:
    order, step = begin(order, "complete_order", actor)
    order.status, order.done_at = step.target, timezone.now()
    order.save()
    record(order, step, actor)
    return order


@transaction.atomic
def mark_paid(order: Order, actor) -> Order:
    order, step = begin(order, "pay_order", actor)
    order.status, order.paid_at = step.target, timezone.now()
    order.save()
    record(order, step, actor, f"Сумма {rub(order.total)}.")
    return order


@transaction.atomic
def cancel(order: Order, actor, *, reason: str) -> Order:
    """Cancel an order not yet done; the reason is kept in the history (internal)."""
    order, step = begin(order, "cancel_order", actor)
    reason = " ".join((reason or "").split())
    if not reason:
        raise OrderStepError("Укажите причину отмены.", "reason")
    order.status, order.cancelled_at = step.target, timezone.now()
    order.save()
    record(order, step, actor, f"Причина: {reason[:500]}")
    return order


def is_open(order: Order) -> bool:
    return order.status not in (OrderStatus.PAID, OrderStatus.CANCELLED)

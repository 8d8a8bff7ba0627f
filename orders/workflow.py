"""The life cycle of an order on top of its appeal's: one table of steps, each naming the permission it needs.

new → confirmed (price and date of the work set by staff) → done → paid; new or confirmed → cancelled.
Issuing the invoice changes no status: it is allowed while the order is confirmed or done. Who may take a
step is answered by `appeals.access.may` (the steps are registered there as actions, see `apps.py`).
"""

from dataclasses import dataclass

from appeals.workflow import Need

from .choices import OrderStatus as S


class OrderStepError(Exception):
    """A step the order's life cycle forbids now; the message is for people."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


CONFIRM = Need("orders.confirm_order")
COMPLETE = Need("orders.complete_order")
ACCEPT_PAYMENT = Need("orders.accept_payment")
ISSUE_INVOICE = Need("orders.issue_invoice")
VIEW = Need("orders.view_orders")


@dataclass(frozen=True)
class Step:
    name: str
    sources: frozenset[str]
    target: str | None  # None: the status stays (the invoice)
    label: str
    done_text: str  # what the history and the message say once it is done
    needs: tuple[Need, ...]


STEPS = {
    s.name: s
    for s in [
        Step("confirm_order", frozenset({S.NEW}), S.CONFIRMED, "Подтвердить заказ", "Заказ подтверждён", (CONFIRM,)),
        Step("issue_invoice", frozenset({S.CONFIRMED, S.DONE}), None, "Выставить счёт", "Выставлен счёт",
             (ISSUE_INVOICE,)),
        Step("complete_order", frozenset({S.CONFIRMED}), S.DONE, "Работы выполнены", "Работы выполнены",
             (COMPLETE,)),
        Step("pay_order", frozenset({S.DONE}), S.PAID, "Оплата получена", "Заказ оплачен", (ACCEPT_PAYMENT,)),
        Step("cancel_order", frozenset({S.NEW, S.CONFIRMED}), S.CANCELLED, "Отменить заказ", "Заказ отменён",
             (CONFIRM,)),
    ]
}

# For `appeals.access`: every step, and seeing the list of orders, as actions with their needs and labels.
ACTIONS = {name: (step.needs, step.label) for name, step in STEPS.items()} | {
    "view_orders": ((VIEW,), "Просматривать заказы платных услуг"),
}


def get_step(name: str) -> Step:
    try:
        return STEPS[name]
    except KeyError:
        raise OrderStepError(f"Неизвестное действие с заказом «{name}».") from None


def check(name: str, status: str) -> Step:
    """The step if it is allowed from `status`, else OrderStepError."""
    step = get_step(name)
    if status not in step.sources:
        raise OrderStepError(f"Действие «{step.label}» невозможно, когда заказ в статусе «{S(status).label}».")
    return step


def available(status: str) -> list[Step]:
    """Steps allowed from `status`, in table order (for buttons)."""
    return [s for s in STEPS.values() if status in s.sources]

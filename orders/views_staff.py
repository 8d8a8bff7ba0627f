"""Orders in the back office: the list, and the steps pressed on an order's appeal page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from appeals import access, personal_data
from backoffice.views_appeal_context import appeal_or_404
from backoffice.views_lists import page_of

from . import invoices, services
from .choices import OrderStatus
from .forms import CancelForm, ConfirmForm
from .models import Order
from .workflow import OrderStepError, get_step


@login_required
@require_GET
def order_list(request):
    access.require(access.may(request.user, "view_orders"))
    status = request.GET.get("status", "")
    orders = Order.objects.select_related("appeal", "service", "invoice").order_by("-created_at", "-id")
    if status in OrderStatus.values:
        orders = orders.filter(status=status)
    else:
        status = ""
    return render(request, "orders/staff/list.html", {
        "page": page_of(orders, request), "status": status, "statuses": OrderStatus.choices})


def _order_of(user, number: str) -> Order:
    appeal = appeal_or_404(user, number)
    order = Order.objects.select_related("service").filter(appeal=appeal).first()
    if order is None:
        raise Http404
    return order


def _form_error(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _apply(order: Order, name: str, user, post) -> str:
    """Take the step with what its form says; returns an error message for people, or ''."""
    forms = {"confirm_order": ConfirmForm, "cancel_order": CancelForm}
    form = forms[name](post, prefix="order") if name in forms else None
    if form is not None and not form.is_valid():
        return _form_error(form)
    data = form.cleaned_data if form is not None else {}
    actions = {"confirm_order": lambda: services.confirm(order, user, **data),
               "complete_order": lambda: services.complete(order, user),
               "pay_order": lambda: services.mark_paid(order, user),
               "cancel_order": lambda: services.cancel(order, user, **data),
               "issue_invoice": lambda: invoices.issue_invoice(order, user)}
    actions[name]()
    return ""


@login_required
@require_POST
def order_step(request, number: str, name: str):
    order = _order_of(request.user, number)
    try:
        step = get_step(name)
        # Refused before the form is read: a person without the right learns nothing from its checks.
        access.check(request.user, name, order.appeal)
        error = _apply(order, name, request.user, request.POST)
    except OrderStepError as failure:
        error = failure.message
    if error:
        messages.error(request, f"Действие не выполнено. {error}")
    else:
        messages.success(request, f"{step.done_text}.")
    return redirect(order.appeal.get_absolute_url() + "#order")


@login_required
@require_GET
def invoice_file(request, number: str):
    order = _order_of(request.user, number)
    invoice = getattr(order, "invoice", None)
    if invoice is None:
        raise Http404
    personal_data.describe(action="invoice_download", appeal=order.appeal)  # the PDF names the payer
    return FileResponse(invoice.pdf.open("rb"), content_type="application/pdf", as_attachment=True,
                        filename=f"Счёт {invoice.number}.pdf")

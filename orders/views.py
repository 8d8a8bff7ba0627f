"""The public side of paid services: the price list, the order form and the page with the order's number."""

import time

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from appeals.models import Appeal
from appeals.tracking import find_tracked
from portal.throttle import too_many
from priemnaya import ratelimit
from priemnaya.form_once import once

from . import services
from .forms import OrderForm
from .models import Order, PaidService
from .workflow import OrderStepError

SESSION_ORDERED = "orders_placed"
SESSION_MAX_AGE = 30 * 60  # number and code only briefly: public computers are shared
UNKNOWN_SERVICE = "Такой услуги нет в перечне. Выберите услугу из списка."


@require_GET
def catalogue(request):
    return render(request, "orders/catalogue.html", {"services": PaidService.objects.filter(is_active=True)})


def _initial_service(request) -> tuple[dict, str]:
    raw = request.GET.get("service", "")
    if not raw:
        return {}, ""
    service = PaidService.objects.filter(is_active=True, pk=raw).first() if raw.isdigit() else None
    return ({"service": service.pk}, "") if service else ({}, UNKNOWN_SERVICE)


def _place(form: OrderForm) -> Order:
    data = form.cleaned_data
    return services.place_order(service=data["service"], applicant=form.applicant(), building=data["building"],
                                address_text=data["address"], flat=data["flat"],
                                preferred_date=data["preferred_date"], comment=data["comment"])


@require_http_methods(["GET", "POST"])
def order_form(request):
    initial, notice = _initial_service(request)
    form = OrderForm(initial=initial)
    if request.method == "POST":
        if not ratelimit.hit(request, "order"):
            return too_many(request, ratelimit.seconds_left(request, "order"))
        form = OrderForm(request.POST)
        if form.is_valid():
            try:
                order = once(form, "portal-order", request.user, Order, lambda: _place(form))
            except OrderStepError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if order is not None:
                    request.session[SESSION_ORDERED] = {"number": order.appeal.number,
                                                        "code": order.appeal.access_code, "at": time.time()}
                    return redirect("orders:done")
    picked = getattr(form, "cleaned_data", {}).get("building")
    return render(request, "orders/order_form.html", {"form": form, "picked": picked, "notice": notice})


def _recall(request) -> Appeal | None:
    saved = request.session.get(SESSION_ORDERED)
    if not saved or time.time() - saved.get("at", 0) > SESSION_MAX_AGE:
        return None
    return find_tracked(saved["number"], saved["code"])


@require_GET
def order_done(request):
    appeal = _recall(request)
    order = Order.objects.select_related("service").filter(appeal=appeal).first() if appeal else None
    if order is None:
        return redirect("orders:new")
    return render(request, "orders/order_done.html", {"appeal": appeal, "order": order})

"""A resident's orders on their account page (`residents.sections`), and their invoices handed out only to
the owner: the orders of the appeals the account may see (`residents.appeals.own_appeals`, the one rule)."""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from residents.appeals import own_appeals
from residents.session import current_resident

from .models import Invoice, Order

SHOWN = 10


def own_orders(resident):
    return (Order.objects.filter(appeal__in=own_appeals(resident).values("pk"))
            .select_related("service", "appeal", "invoice").order_by("-created_at", "-id"))


def orders_section(resident) -> dict | None:
    """The section's context; None when the resident has ordered nothing."""
    orders = list(own_orders(resident)[:SHOWN])
    if not orders:
        return None
    return {"title": "Платные услуги", "template": "orders/_account_section.html", "orders": orders}


@require_GET
def own_invoice(request, number: str):
    """An invoice's PDF for the resident whose order it is; anyone else (and anonymous) gets a 404."""
    resident = current_resident(request)
    invoice = Invoice.objects.filter(number=number).select_related("order").first()
    if resident is None or invoice is None or not own_orders(resident).filter(pk=invoice.order_id).exists():
        raise Http404
    return FileResponse(invoice.pdf.open("rb"), content_type="application/pdf", as_attachment=True,
                        filename=f"Счёт {invoice.number}.pdf")

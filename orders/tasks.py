"""The invoice to the resident, with the PDF attached: a message of the notifications hub (e-mail only, as the
invoice is a file; kept as files by default, SMTP in production)."""

from celery import shared_task

from .models import Invoice
from .money import rub


def invoice_values(invoice: Invoice) -> dict:
    """The plain values the invoice letter's template may use."""
    return {
        "invoice_number": invoice.number,
        "invoice_date": f"{invoice.issued_on:%d.%m.%Y}",
        "invoice_total": rub(invoice.total),
        "service_name": invoice.order.service.name,
        "supplier_name": invoice.supplier.get("name", ""),
    }


@shared_task
def email_invoice(invoice_id: int) -> bool:
    from notifications import hub

    invoice = Invoice.objects.select_related("order__appeal__applicant", "order__service").filter(
        pk=invoice_id).first()
    if invoice is None or not invoice.pdf:
        return False
    attachment = {"name": invoice.pdf.name, "filename": f"Счёт {invoice.number}.pdf", "mime": "application/pdf"}
    message = hub.tell_applicant(invoice.order.appeal, "invoice", values=invoice_values(invoice),
                                 attachments=[attachment], email_only=True)
    return message is not None

"""Letters about orders: the invoice to the resident, as a PDF attachment (through Django's mail backend, like
every letter to applicants: kept as files by default, SMTP in production)."""

from celery import shared_task
from django.core.mail import EmailMessage

from .models import Invoice
from .money import rub


def invoice_letter(invoice: Invoice) -> EmailMessage | None:
    """The letter with the invoice, or None when the applicant left no e-mail."""
    appeal = invoice.order.appeal
    applicant = appeal.applicant
    if applicant is None or not applicant.email:
        return None
    body = "\n\n".join([
        "Здравствуйте!",
        f"По вашему заказу «{invoice.order.service.name}» (заявка № {appeal.number}) выставлен счёт "
        f"№ {invoice.number} от {invoice.issued_on:%d.%m.%Y} на сумму {rub(invoice.total)}. Счёт — во вложении.",
        f"Проверить статус заказа: номер {appeal.number}, код доступа {appeal.access_code}.",
        f"{invoice.supplier.get('name', '')}",
    ])
    letter = EmailMessage(f"Счёт на оплату № {invoice.number}", body, None, [applicant.email])
    with invoice.pdf.open("rb") as file:
        letter.attach(f"Счёт {invoice.number}.pdf", file.read(), "application/pdf")
    return letter


@shared_task
def email_invoice(invoice_id: int) -> bool:
    invoice = Invoice.objects.select_related("order__appeal__applicant", "order__service").filter(
        pk=invoice_id).first()
    letter = invoice_letter(invoice) if invoice is not None else None
    if letter is None:
        return False
    letter.send()
    return True

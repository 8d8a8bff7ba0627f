"""Invoices for confirmed orders: a number no two invoices share, the company's requisites and the payer as
they were on the day, the PDF kept with the order and e-mailed to the resident."""

import datetime as dt
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Company
from appeals.numbering import next_in_year

from .models import Invoice, InvoiceLine, InvoiceSequence, Order
from .money import rub
from .services import begin, record
from .workflow import OrderStepError

NUMBER_PREFIX = "С"  # Cyrillic: «счёт»
SUPPLIER_FIELDS = ("name", "short_name", "address", "phone", "email", "inn", "kpp", "ogrn", "bank_name", "bik",
                   "settlement_account", "correspondent_account", "director", "accountant")


def next_invoice_number(year: int) -> str:
    """The year's next number «С-2026-000123»; a rolled-back invoice leaves no gap."""
    return f"{NUMBER_PREFIX}-{year}-{next_in_year(InvoiceSequence, year):06d}"


def payer_of(order: Order) -> str:
    """Who pays: the applicant and the address of the work («Иванова Мария Петровна, улица Марата, д. 7, кв. 12»)."""
    applicant = order.appeal.applicant
    parts = [applicant.full_name if applicant else "", order.appeal.problem_address]
    return ", ".join(part for part in parts if part)


def supplier_of(company: Company) -> dict:
    if not company.has_requisites:
        raise OrderStepError("В карточке управляющей компании не заполнены реквизиты (ИНН, банк, БИК, расчётный "
                             "счёт): без них счёт выставить нельзя.", "requisites")
    return {field: getattr(company, field) for field in SUPPLIER_FIELDS}


@transaction.atomic
def issue_invoice(order: Order, actor, *, today: dt.date | None = None) -> Invoice:
    """Issue the invoice of a confirmed (or done) order, once: its PDF is stored, the history notes it, and
    the resident gets it by e-mail after commit where they left an address."""
    order, step = begin(order, "issue_invoice", actor)
    if Invoice.objects.filter(order=order).exists():
        raise OrderStepError(f"Счёт по этому заказу уже выставлен: № {order.invoice.number}.", "invoice")
    today = today or timezone.localdate()
    invoice = Invoice(order=order, year=today.year, issued_on=today, payer=payer_of(order)[:500],
                      supplier=supplier_of(Company.current()), total=order.total, vat_rate=order.service.vat_rate,
                      vat_amount=order.vat_amount, issued_by=actor if getattr(actor, "pk", None) else None)
    invoice.number = next_invoice_number(today.year)
    invoice.save()
    InvoiceLine.objects.create(invoice=invoice, position=1, name=order.service.name, quantity=order.quantity,
                               unit=order.service.unit, price=order.price, amount=order.total)
    from .pdf import invoice_pdf

    invoice.pdf.save(f"{uuid.uuid4().hex}.pdf", ContentFile(invoice_pdf(invoice)), save=True)
    record(order, step, actor, f"№ {invoice.number} от {today:%d.%m.%Y} на {rub(invoice.total)}.")
    transaction.on_commit(lambda: _send(invoice.pk))
    return invoice


def _send(invoice_id: int) -> None:
    from .tasks import email_invoice

    email_invoice.delay(invoice_id)

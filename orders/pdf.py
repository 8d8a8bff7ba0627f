"""The invoice as a PDF «Счёт на оплату»: an HTML template rendered by WeasyPrint with the system's fonts.

The template is never served; its stylesheet (`invoice.css` beside this module) is handed to WeasyPrint.
"""

from pathlib import Path

from django.template.loader import render_to_string

from deadlines.calendar import date_words

from .choices import VatRate
from .models import Invoice
from .money import amount_in_words, figures, number, vat_line

STYLESHEET = Path(__file__).with_name("invoice.css")


def invoice_context(invoice: Invoice) -> dict:
    lines = list(invoice.lines.all())
    appeal = invoice.order.appeal
    return {
        "invoice": invoice,
        "s": invoice.supplier,
        "date": date_words(invoice.issued_on),
        "basis": f"Заявка № {appeal.number} от {appeal.received_at:%d.%m.%Y}",
        "lines": [{"position": line.position, "name": line.name, "quantity": number(line.quantity),
                   "unit": line.unit, "price": figures(line.price), "amount": figures(line.amount)}
                  for line in lines],
        "total": figures(invoice.total),
        "vat_label": vat_line(VatRate(invoice.vat_rate), invoice.vat_amount),
        "vat": figures(invoice.vat_amount) if invoice.vat_amount is not None else "—",
        "count": len(lines),
        "in_words": amount_in_words(invoice.total),
        "purpose": (f"Оплата по счёту № {invoice.number} от {invoice.issued_on:%d.%m.%Y}, "
                    + ("без НДС" if invoice.vat_amount is None else
                       f"в т. ч. НДС {VatRate(invoice.vat_rate).percent} % — {figures(invoice.vat_amount)} руб.")),
    }


def invoice_html(invoice: Invoice) -> str:
    return render_to_string("orders/invoice_pdf.html", invoice_context(invoice))


def invoice_pdf(invoice: Invoice) -> bytes:
    from weasyprint import CSS, HTML  # loads pango: only where an invoice is made

    return HTML(string=invoice_html(invoice)).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])

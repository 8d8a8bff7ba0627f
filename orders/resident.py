"""What a resident's own account will show of their orders (no such accounts yet: this is where they start)."""

from django.db.models import QuerySet

from .models import Invoice


def invoices_for(applicant) -> QuerySet:
    """The invoices issued to this applicant, newest first, with their orders; each one's PDF is `invoice.pdf`.

    A resident's account should list these and hand the files out only to their owner."""
    return (Invoice.objects.filter(order__appeal__applicant=applicant)
            .select_related("order__service", "order__appeal").order_by("-issued_on", "-id"))

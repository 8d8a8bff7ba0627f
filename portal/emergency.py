"""An emergency written on the form: the resident is told at once to phone the dispatch service. Whether a
text reads as one is triage's rule (`Proposal.reads_as_emergency`); the appeal is still accepted."""

from accounts.models import Company
from reference.models import CompanyDetails
from triage.services import propose

MIN_TEXT = 10


def reads_as_emergency(text: str) -> bool:
    text = (text or "")[:2000]
    return len(text.strip()) >= MIN_TEXT and propose(text).reads_as_emergency


def dispatch_phone() -> str:
    """The emergency dispatch service's number, else the hotline's."""
    company = Company.current()
    return CompanyDetails.current().dispatch_phone or company.hotline or company.phone

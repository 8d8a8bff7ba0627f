"""The applicant's details from free text: what an operator types during a call, an e-mail.

`extract(text)` finds the name (in the nominative, surname first), the phone (+7XXXXXXXXXX),
the e-mail and the address — the street by its registry name when the registry knows it,
house, корпус, литера, flat, and the building of the registry. A field the text does not
give is None. It prefills a form, so it never raises: any input gets an answer.
"""

import logging
from dataclasses import asdict, dataclass
from functools import cache

from housing.services import city_street_index, street_index

from .address import Address, find_address, may_be_address
from .contacts import applicants_email, find_emails, find_phones
from .names import find_name, nominative_street
from .text import Span, inside, is_cased, lower, mask, prepare, quoted

logger = logging.getLogger(__package__)  # one logger for every part of extraction

FIELDS = ("full_name", "phone", "email", "street", "house", "korpus", "litera", "flat", "building_id")


@dataclass(frozen=True)
class Extraction:
    full_name: str | None = None
    phone: str | None = None  # +7XXXXXXXXXX
    email: str | None = None
    street: str | None = None  # «улица Марата»: the registry's name, or the typed one with its type written out
    house: str | None = None  # «7», «7А», «100/2»
    korpus: str | None = None
    litera: str | None = None
    flat: str | None = None
    building_id: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def extract(text: str) -> Extraction:
    """Name, phone, e-mail and address found in the text; None for what it does not say. Never raises."""
    try:
        return _extract(text)
    except Exception:  # a prefill must not stop a registration; the failure is logged to be fixed
        logger.exception("Extraction failed on a text of %s characters", len(text) if isinstance(text, str) else "?")
        return Extraction()


def _extract(text: str) -> Extraction:
    clean = prepare(text)
    if not clean.strip():
        return Extraction()
    emails = find_emails(clean)
    phones = find_phones(clean, emails)
    taken = [Span(found.start, found.end) for found in phones + emails if found.end]
    cased = is_cased(clean)
    masked = mask(lower(clean), taken)
    address = (find_address(clean, masked, city_street_index(), cased, nominative_street) if may_be_address(masked)
               else Address())
    others = quoted(clean)  # an earlier letter quoted: its names, phones and e-mails are not the applicant's
    phone = next((found for found in phones if not inside(found.start, others)), None)
    email = applicants_email(clean, emails, others)
    blocked = [(span.start, span.end) for span in taken + others] + list(address.mentions)
    # a name may be a street's only where the company has one: the city has a street for most surnames
    index = cache(street_index)  # the registry is read once, and only when the text needs it
    name = find_name(clean, blocked, cased, lambda word: bool(index().lookup(word)))
    return Extraction(
        full_name=name.value if name else None,
        phone=phone.value if phone else None,
        email=email.value if email else None,
        street=address.street, house=address.house, korpus=address.korpus, litera=address.litera,
        flat=address.flat, building_id=address.building_id,
    )

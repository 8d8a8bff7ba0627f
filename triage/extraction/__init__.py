"""The applicant's details from free text: what an operator types during a call, an e-mail.

`extract(text)` gives an `Extraction`: the name (nominative, surname first), phone, e-mail, the address
(street by its registry name, house, корпус, литера, flat) and the registry's building; None for what
the text does not say. It prefills forms (the registration screen, `POST /api/v1/extract`), so it never
raises. `FIELDS` names what it fills.

Inside: `details` (putting the parts together), `text` (markup removed, numbers that are no address
masked), `contacts` (phones, e-mails), `address`, `names`.
"""

from .details import FIELDS, Extraction, extract

__all__ = ["FIELDS", "Extraction", "extract"]

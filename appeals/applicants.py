"""Applicants: look-up by phone / name / address, reuse on registration (their contacts: `contacts`)."""

import re
from dataclasses import dataclass, replace

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.functions import Reverse

from priemnaya.matching import clean, fold

from .contacts import check_email, check_line, check_name, normalize_phone, phone_digits
from .models import Applicant, name_key


@dataclass
class ApplicantData:
    full_name: str = ""
    phone: str = ""
    email: str = ""
    postal_address: str = ""
    flat: str = ""
    is_disabled: bool = False
    is_veteran: bool = False
    is_elderly: bool = False
    is_low_income: bool = False

    def checked(self) -> "ApplicantData":
        """The same data as it will be stored: the phone as +7XXXXXXXXXX, the rest stripped; AppealError
        naming the field for a wrong phone or e-mail, or a line break in a single-line field."""
        return replace(self, full_name=check_name(self.full_name), phone=normalize_phone(self.phone),
                       email=check_email(self.email), postal_address=check_line(self.postal_address, "postal_address"),
                       flat=check_line(self.flat, "flat"))


def find_applicants(query: str, limit: int = 20) -> QuerySet:
    """Applicants by phone (any format), name fragment or address fragment."""
    query = clean(query).strip()
    if not query:
        return Applicant.objects.none()
    digits = phone_digits(query)
    condition = Q()
    if len(digits) >= 5 and len(digits) >= len(query.replace(" ", "")) - 4:
        condition |= Q(phone__contains=digits[-10:])
    words = fold(query).split()
    name_cond = Q()
    for word in words:
        name_cond &= Q(name_key__contains=word)
    condition |= name_cond
    condition |= Q(building__search_key__contains=" ".join(words))
    condition |= Q(postal_address__icontains=query)
    return Applicant.objects.filter(condition).select_related("building").order_by("full_name")[:limit]


_PHONE_TYPED = re.compile(r"[\d\s()+.-]+")
_NAME_TYPED = re.compile(r"[а-яёa-z][а-яёa-z .-]*", re.IGNORECASE)
_NAME_PART = re.compile(r"[а-яёa-z-]+\.?", re.IGNORECASE)
PHONE_TAIL_MIN = 5  # fewer digits are a house, a flat or a year more often than a phone
NAME_MIN = 3


def phone_tail(query: str) -> str:
    """The digits of a phone as a clerk types it, or its last digits: «+7 921 123-45-67»,
    «8 (921) 123-45-67», «89211234567», «123-45-67»; '' when the query is not a phone."""
    query = clean(query).strip()
    if not _PHONE_TYPED.fullmatch(query):
        return ""
    digits = phone_digits(query)
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    return digits if PHONE_TAIL_MIN <= len(digits) <= 10 else ""


def search_applicants(query: str) -> QuerySet:
    """Applicants a search names: by phone (its last digits, however written) or by the beginning of
    the full name («Иванова», «Иванова Мария», «Иванова М. П.»); none when the query is neither."""
    query = clean(query).strip()
    tail = phone_tail(query)
    if tail:
        if connection.vendor == "postgresql":  # an index on reverse(phone) (migration 0006)
            return Applicant.objects.annotate(phone_reversed=Reverse("phone")).filter(
                phone_reversed__startswith=tail[::-1])
        return Applicant.objects.filter(phone__endswith=tail)
    if _NAME_TYPED.fullmatch(query):
        return _by_name(_NAME_PART.findall(name_key(query)))
    return Applicant.objects.none()


def _by_name(parts: list[str]) -> QuerySet:
    """Words as typed, the last one perhaps unfinished; «м.» or «м» after the surname is an initial."""
    words = [p.rstrip(".") for p in parts]
    if not words or len(words[0]) < NAME_MIN or len(words) > 3:
        return Applicant.objects.none()
    initials = [i for i, p in enumerate(parts) if i and (p.endswith(".") or len(p) == 1)]
    if not initials:
        return Applicant.objects.filter(_name_starts(" ".join(words)))
    # The index finds the names up to the first initial; the pattern checks the rest.
    pattern = " ".join(re.escape(w) + ("[^ ]*" if i in initials or i == len(words) - 1 else "")
                       for i, w in enumerate(words))
    return Applicant.objects.filter(_name_starts(" ".join(words[:initials[0] + 1])), name_key__regex=f"^{pattern}")


def _name_starts(prefix: str) -> Q:
    if connection.vendor == "postgresql":  # a pattern index (migration 0006)
        return Q(name_key__startswith=prefix)
    # SQLite's LIKE passes by an index of the default collation; the same names as a range of strings use it.
    return Q(name_key__gte=prefix, name_key__lt=prefix + "\U0010ffff")


def applicant_for(data: ApplicantData, building=None) -> Applicant | None:
    """The applicant to attach: an existing one with the same phone (or e-mail) and name, or a new one."""
    if not (data.full_name or data.phone or data.email):
        return None
    data = data.checked()
    existing = None
    key = name_key(data.full_name)
    if data.phone:
        existing = Applicant.objects.filter(phone=data.phone, name_key=key).first()
    if existing is None and data.email:
        existing = Applicant.objects.filter(email__iexact=data.email, name_key=key).first()
    applicant = existing or Applicant(full_name=data.full_name)
    for field in ("phone", "email", "postal_address", "flat"):
        if getattr(data, field) and not getattr(applicant, field):
            setattr(applicant, field, getattr(data, field))
    if building is not None and applicant.building_id is None:
        applicant.building = building
    for flag in ("is_disabled", "is_veteran", "is_elderly", "is_low_income"):
        if getattr(data, flag):
            setattr(applicant, flag, True)
    applicant.save()
    return applicant

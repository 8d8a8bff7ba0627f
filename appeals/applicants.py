"""Applicants: phone normalisation, look-up by phone / name / address, reuse on registration."""

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from .errors import AppealError
from .models import Applicant


def normalize_phone(raw: str) -> str:
    """+7XXXXXXXXXX from the ways Russians write a phone; '' for empty; error for nonsense."""
    if not raw or not raw.strip():
        return ""
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) != 10:
        raise AppealError("Телефон должен содержать 10 цифр после +7, например +7 921 123-45-67.", "phone")
    return "+7" + digits


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


def find_applicants(query: str, limit: int = 20) -> QuerySet:
    """Applicants by phone (any format), name fragment or address fragment."""
    query = (query or "").strip()
    if not query:
        return Applicant.objects.none()
    digits = re.sub(r"\D", "", query)
    condition = Q()
    if len(digits) >= 5 and len(digits) >= len(query.replace(" ", "")) - 4:
        condition |= Q(phone__contains=digits[-10:])
    words = query.lower().replace("ё", "е").split()
    name_cond = Q()
    for word in words:
        name_cond &= Q(name_key__contains=word)
    condition |= name_cond
    condition |= Q(building__search_key__contains=query.lower().replace("ё", "е"))
    condition |= Q(postal_address__icontains=query)
    return Applicant.objects.filter(condition).select_related("building").order_by("full_name")[:limit]


def applicant_for(data: ApplicantData, building=None) -> Applicant | None:
    """The applicant to attach: an existing one with the same phone (or e-mail) and name, or a new one."""
    if not (data.full_name or data.phone or data.email):
        return None
    phone = normalize_phone(data.phone)
    if not data.full_name.strip():
        raise AppealError("Укажите фамилию, имя и отчество заявителя.", "full_name")
    existing = None
    name_key = data.full_name.strip().lower().replace("ё", "е")
    if phone:
        existing = Applicant.objects.filter(phone=phone, name_key=name_key).first()
    if existing is None and data.email:
        existing = Applicant.objects.filter(email__iexact=data.email, name_key=name_key).first()
    applicant = existing or Applicant(full_name=data.full_name.strip())
    for field in ("email", "postal_address", "flat"):
        if getattr(data, field) and not getattr(applicant, field):
            setattr(applicant, field, getattr(data, field).strip())
    if phone and not applicant.phone:
        applicant.phone = phone
    if building is not None and applicant.building_id is None:
        applicant.building = building
    for flag in ("is_disabled", "is_veteran", "is_elderly", "is_low_income"):
        if getattr(data, flag):
            setattr(applicant, flag, True)
    applicant.save()
    return applicant

"""Which appeals are a resident's own: the one rule the account page, its links and its tests ask.

Those whose applicant left the resident's confirmed e-mail or phone, and those the resident linked by the
appeal's number and access code.
"""

from django.db.models import Q, QuerySet

from appeals.models import Appeal
from appeals.tracking import find_tracked

from .errors import ResidentError
from .models import AppealLink, Resident

NOT_FOUND = "Обращение с таким номером и кодом не найдено. Проверьте номер и код и попробуйте ещё раз."


def own_appeals(resident: Resident) -> QuerySet:
    """The resident's appeals, newest first; none for an unconfirmed account."""
    if not resident.is_confirmed:
        return Appeal.objects.none()
    mine = Q(resident_links__resident=resident)
    if resident.email:
        mine |= Q(applicant__email__iexact=resident.email)
    if resident.phone:
        mine |= Q(applicant__phone=resident.phone)
    ids = Appeal.objects.filter(mine).values("pk")
    return Appeal.objects.filter(pk__in=ids).order_by("-received_at", "-pk")


def may_see(resident: Resident | None, appeal: Appeal) -> bool:
    return resident is not None and own_appeals(resident).filter(pk=appeal.pk).exists()


def link_appeal(resident: Resident, number: str, code: str) -> tuple[Appeal, bool]:
    """Add the appeal with this number and access code to the account; (appeal, whether it is new there).

    A wrong number and a wrong code are refused alike (`find_tracked`)."""
    appeal = find_tracked(number, code)
    if appeal is None:
        raise ResidentError(NOT_FOUND)
    already = may_see(resident, appeal)
    if not already:
        AppealLink.objects.get_or_create(resident=resident, appeal=appeal)
    return appeal, not already

"""Who may see and do what with appeals: the one place permissions are checked."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from .models import Appeal


def _department_id(user):
    profile = getattr(user, "profile", None)
    return profile.department_id if profile else None


def visible_appeals(user, queryset: QuerySet | None = None) -> QuerySet:
    """Appeals the user may see: all for operators and supervisors, own department for specialists."""
    queryset = Appeal.objects.all() if queryset is None else queryset
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.has_perm("appeals.view_all_appeals"):
        return queryset
    if user.has_perm("appeals.work_appeal"):
        return queryset.filter(Q(department_id=_department_id(user)) | Q(assignee=user))
    return queryset.none()


def can_view(user, appeal: Appeal) -> bool:
    if not user.is_authenticated:
        return False
    if user.has_perm("appeals.view_all_appeals"):
        return True
    return user.has_perm("appeals.work_appeal") and (
        appeal.assignee_id == user.pk or (appeal.department_id and appeal.department_id == _department_id(user)))


def can_work(user, appeal: Appeal) -> bool:
    return can_view(user, appeal) and user.has_perm("appeals.work_appeal")


def can_assign(user) -> bool:
    return user.has_perm("appeals.assign_appeal")


def can_register(user) -> bool:
    return user.has_perm("appeals.register_appeal")


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Недостаточно прав.")


def log_pd_access(user, *, action: str, applicant=None, appeal=None, detail: str = "", ip: str | None = None) -> None:
    """Write the 152-ФЗ access log row for a staff view of personal data."""
    from .models import PersonalDataAccess

    if applicant is None and appeal is not None:
        applicant = appeal.applicant
    if applicant is None and not detail:
        return
    PersonalDataAccess.objects.create(user=user, action=action, applicant=applicant, appeal=appeal,
                                      detail=detail[:300], ip=ip)

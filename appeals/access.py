"""Who may see and do what with appeals: the one place permissions are checked.

`may(user, action, appeal)` answers "may this person do this to this appeal" from the person's
permissions (their role), whether they see the appeal (department visibility) and whether they are
responsible for it (assignment). The verbs of `appeals.services` call `check` before they change
anything, so the back office, the API, incident answers and every channel get the same answer; views
ask `may` only to choose which buttons to show.

An action is a transition of the life cycle (its needs are in `workflow.TRANSITIONS`) or one of
`ACTIONS` below, to which apps built on appeals add their own (`add_actions`: paid orders, the public
site's feedback). `None` as the user is the system itself (automatic triage, routing, scheduled tasks,
the public channels' intake): it may do everything the life cycle allows.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from . import workflow
from .models import Appeal
from .workflow import ASSIGN, OPERATE, WORK, Need

# What is not a transition: intake, classification, routing, assignment, the answer draft and the rest.
ACTIONS: dict[str, tuple[tuple[Need, ...], str]] = {
    "receive": ((OPERATE,), "Принять обращение"),
    "classify": ((OPERATE, WORK), "Изменить классификацию"),
    "route": ((OPERATE, ASSIGN), "Направить в подразделение"),  # nobody is responsible yet
    "take": ((WORK,), "Взять себе"),  # an unassigned appeal of one's own department
    "reassign": ((ASSIGN,), "Переназначить"),
    "edit": ((WORK,), "Изменить проект ответа и запросы в организации"),
    "link": ((OPERATE, WORK), "Связать обращения"),
    "attach": ((OPERATE, WORK), "Добавить вложение"),
}


def add_actions(actions: dict[str, tuple[tuple[Need, ...], str]]) -> None:
    """Let an app built on appeals name its own actions on an appeal; their needs may name its permissions
    in full («orders.confirm_order»)."""
    for name in actions:
        if name in workflow.TRANSITIONS or ACTIONS.get(name, actions[name]) != actions[name]:
            raise ValueError(f"Действие «{name}» уже определено.")
    ACTIONS.update(actions)


class Forbidden(PermissionDenied):
    """The person may not take this action on this appeal; the message is for people."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def needs_of(action: str) -> tuple[Need, ...]:
    if action in ACTIONS:
        return ACTIONS[action][0]
    return workflow.get_transition(action).needs


def label_of_known(action: str) -> str:
    """The action's label, or the action's code itself when no such action is known (an old history row)."""
    return ACTIONS[action][1] if action in ACTIONS else action


def label_of(action: str) -> str:
    if action in ACTIONS:
        return ACTIONS[action][1]
    return workflow.get_transition(action).label


def _department_id(user):
    profile = getattr(user, "profile", None)
    return profile.department_id if profile else None


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def holds(user, permission: str) -> bool:
    """Whether an active, logged-in person holds the permission (an app's own right, «reference.publish_outage»):
    the one test every app's own rule (may_manage, may_moderate, may_publish…) builds on."""
    return _active(user) and user.has_perm(permission)


def sees_personal_data(user) -> bool:
    """Whether the person may see applicants' names, phones and addresses (152-ФЗ)."""
    return holds(user, "appeals.view_applicant")


def sees_appeals(user) -> bool:
    """Whether the person sees any appeals at all (the journal, incidents): a role that reads or works them."""
    return _active(user) and (user.has_perm("appeals.view_all_appeals") or user.has_perm("appeals.work_appeal"))


def sees_all_appeals(user) -> bool:
    return _active(user) and user.has_perm("appeals.view_all_appeals")


def visible_appeals(user, queryset: QuerySet | None = None) -> QuerySet:
    """Appeals the user may see: all for operators and supervisors; own department's and own for specialists."""
    queryset = Appeal.objects.all() if queryset is None else queryset
    if not _active(user):
        return queryset.none()
    if sees_all_appeals(user):
        return queryset
    if user.has_perm("appeals.work_appeal"):
        department = _department_id(user)
        return queryset.filter(Q(department_id=department) | Q(assignee=user)) if department else \
            queryset.filter(assignee=user)
    return queryset.none()


def can_view(user, appeal: Appeal) -> bool:
    if not _active(user):
        return False
    if sees_all_appeals(user):
        return True
    department = _department_id(user)
    return user.has_perm("appeals.work_appeal") and (
        appeal.assignee_id == user.pk or (department is not None and appeal.department_id == department))


def is_responsible(user, appeal: Appeal) -> bool:
    """The appeal's assignee; for an appeal nobody is assigned to, a specialist of its department;
    and whoever may work any appeal (supervisors)."""
    if not _active(user):
        return False
    if user.has_perm("appeals.work_any_appeal"):
        return can_view(user, appeal)
    if not user.has_perm("appeals.work_appeal"):
        return False
    if appeal.assignee_id is not None:
        return appeal.assignee_id == user.pk
    department = _department_id(user)
    return department is not None and appeal.department_id == department


def _holds(user, need: Need, appeal: Appeal | None) -> bool:
    if not user.has_perm(need.full_permission):
        return False
    return not need.responsible or appeal is None or is_responsible(user, appeal)


def may(user, action: str, appeal: Appeal | None = None) -> bool:
    """Whether the person may take the action on the appeal (without an appeal: ever, on some appeal).

    The life cycle (is the step possible in the current status) is checked separately, by the verbs.
    """
    if user is None:
        return True
    if not _active(user) or (appeal is not None and not can_view(user, appeal)):
        return False
    return any(_holds(user, need, appeal) for need in needs_of(action))


def check(user, action: str, appeal: Appeal | None = None) -> None:
    """Raise Forbidden unless `may`; the verbs call it before changing anything."""
    if not may(user, action, appeal):
        where = f" по обращению № {appeal.number}" if appeal is not None else ""
        raise Forbidden(f"У вас нет права на действие «{label_of(action)}»{where}.")


def allowed_transitions(user, appeal: Appeal) -> list[workflow.Transition]:
    """The life-cycle steps possible now that this person may take, in table order."""
    return [t for t in workflow.available(appeal.status) if may(user, t.name, appeal)]


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

"""Roles are Django groups; this module is the one place that says which permissions each holds.

What a permission lets a person do to an appeal is `appeals.access`; a role is only a bundle of them.
Operators receive, register, ask for clarification and route; specialists work the appeals they are
responsible for; supervisors may also work anyone's appeal, assign and reassign, extend deadlines,
escalate to the Regional HQ and reopen, publish an outage, moderate reviews and the residents' forum,
publish answers on the public site, keep the systemic proposals and review operators' work (operators see
their own quality scorecard); operators and supervisors practise on simulated calls, supervisors write the
scenarios. A one-person department gives one person every role.
"""

from django.contrib.auth.models import Group, Permission

OPERATOR = "operator"
SPECIALIST = "specialist"
SUPERVISOR = "supervisor"
ADMIN = "admin"

# The group names people see in the admin; the codes above are what the program uses.
ROLE_TITLES = {
    OPERATOR: "Оператор",
    SPECIALIST: "Специалист",
    SUPERVISOR: "Руководитель",
    ADMIN: "Администратор",
}
ROLE_ORDER = (ADMIN, SUPERVISOR, OPERATOR, SPECIALIST)  # the highest role first

_OPERATE = ["appeals.register_appeal", "appeals.view_all_appeals", "appeals.view_applicant",
            "appointments.manage_appointments", "quality.view_own_scorecard"]
# Paid orders (orders.workflow): operators take them through to payment, specialists mark the work done.
_ORDERS_OPERATE = ["orders.view_orders", "orders.confirm_order", "orders.issue_invoice", "orders.accept_payment",
                   "orders.complete_order"]
_SUPERVISE = ["appeals.work_appeal", "appeals.work_any_appeal", "appeals.assign_appeal", "appeals.extend_appeal",
              "appeals.escalate_appeal", "appeals.reopen_appeal", "appeals.export_journal",
              "reference.publish_outage",  # an outage known from an incident, told on the site
              "feedback.moderate_review", "feedback.publish_answer", "residents.moderate_forum",
              "proposals.manage_proposal",  # systemic proposals: opened, kept and marked implemented
              "quality.review_operators"]  # operator quality: review the sample, see every scorecard
# Practice calls (practice.rights): operators and supervisors practise; supervisors keep the scenarios.
_PRACTISE = ["practice.practise"]
_PRACTICE_SUPERVISE = ["practice.manage_scenarios"]

# app_label.codename for each role; the appeal permissions are declared on Appeal.Meta.
ROLE_PERMISSIONS = {
    OPERATOR: _OPERATE + _ORDERS_OPERATE + _PRACTISE,
    SPECIALIST: ["appeals.work_appeal", "appeals.view_applicant", "orders.complete_order"],
    SUPERVISOR: _OPERATE + _SUPERVISE + _ORDERS_OPERATE + _PRACTISE + _PRACTICE_SUPERVISE,
    ADMIN: _OPERATE + _SUPERVISE + _ORDERS_OPERATE + _PRACTISE + _PRACTICE_SUPERVISE + ["appeals.view_pd_access_log"],
}


def group_of(role: str) -> Group:
    return Group.objects.get(name=ROLE_TITLES[role])


def ensure_roles(**kwargs) -> None:
    """Create the role groups with their permissions (run after every migrate).

    Groups once named by their codes («operator») are renamed to their Russian titles.
    """
    for role, perms in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=ROLE_TITLES[role]).first()
        if group is None:
            group = Group.objects.filter(name=role).first() or Group(name=role)
            group.name = ROLE_TITLES[role]
            group.save()
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if found:
                wanted.append(found)
        group.permissions.set(wanted)


def set_role(user, role: str) -> None:
    """Give the user exactly this role (its group), replacing the other role groups."""
    titles = set(ROLE_TITLES.values())
    user.groups.remove(*user.groups.filter(name__in=titles))
    user.groups.add(group_of(role))


def role_of(user) -> str | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ADMIN
    names = set(user.groups.values_list("name", flat=True))
    for role in ROLE_ORDER:
        if ROLE_TITLES[role] in names:
            return role
    return None

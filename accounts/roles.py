"""Roles are Django groups; this module is the one place that says what each may do."""

from django.contrib.auth.models import Group, Permission

OPERATOR = "operator"
SPECIALIST = "specialist"
SUPERVISOR = "supervisor"
ADMIN = "admin"

ROLE_TITLES = {
    OPERATOR: "Оператор",
    SPECIALIST: "Специалист",
    SUPERVISOR: "Руководитель",
    ADMIN: "Администратор",
}

# app_label.codename for each role; custom appeal permissions are declared on Appeal.Meta.
ROLE_PERMISSIONS = {
    OPERATOR: [
        "appeals.register_appeal", "appeals.view_all_appeals", "appeals.work_appeal",
        "appeals.view_applicant",
    ],
    SPECIALIST: ["appeals.work_appeal", "appeals.view_applicant"],
    SUPERVISOR: [
        "appeals.register_appeal", "appeals.view_all_appeals", "appeals.work_appeal",
        "appeals.assign_appeal", "appeals.view_applicant", "appeals.export_journal",
    ],
    ADMIN: [
        "appeals.register_appeal", "appeals.view_all_appeals", "appeals.work_appeal",
        "appeals.assign_appeal", "appeals.view_applicant", "appeals.export_journal",
        "appeals.view_pd_access_log",
    ],
}


def ensure_roles(**kwargs) -> None:
    """Create the role groups with their permissions (run after every migrate)."""
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if found:
                wanted.append(found)
        group.permissions.set(wanted)


def role_of(user) -> str | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return ADMIN
    names = set(user.groups.values_list("name", flat=True))
    for role in (ADMIN, SUPERVISOR, OPERATOR, SPECIALIST):
        if role in names:
            return role
    return None

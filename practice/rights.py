"""Who practises and who keeps the scenarios; the permissions are given to roles in accounts.roles."""

from appeals.access import holds


def may_practise(user) -> bool:
    return holds(user, "practice.practise")


def may_manage(user) -> bool:
    """Writes and edits scenarios and sees every operator's results (supervisors)."""
    return holds(user, "practice.manage_scenarios")

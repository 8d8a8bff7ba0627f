"""Who reads the statistics and orders the monthly report: the supervisors and management (whoever assigns
appeals, as for the overdue and load boards and the call centre's figures)."""

from appeals.access import may, sees_all_appeals


def may_see(user) -> bool:
    return may(user, "assign")


def visibility_key(user) -> str:
    """Which appeals the person's numbers are counted over (`access.visible_appeals`), for the cache."""
    return "all" if sees_all_appeals(user) else f"user-{user.pk}"

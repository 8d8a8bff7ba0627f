"""Who sees what of operator quality: supervisors and the administrator review and see everyone's scorecards;
an operator sees their own only. Roles get these permissions in accounts.roles."""

from appeals.access import holds


def may_review(user) -> bool:
    return holds(user, "quality.review_operators")


def may_see_scorecard(user, operator) -> bool:
    if may_review(user):
        return True
    return holds(user, "quality.view_own_scorecard") and operator is not None and operator.pk == user.pk


def may_see_own(user) -> bool:
    return holds(user, "quality.view_own_scorecard") or may_review(user)

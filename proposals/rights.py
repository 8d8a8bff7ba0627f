"""Who reads and who keeps the systemic proposals: staff who see appeals read them; the holders of
`proposals.manage_proposal` (supervisors and administrators, accounts.roles) open and change them."""

from appeals.access import holds, sees_appeals

MANAGE = "proposals.manage_proposal"


def may_view(user) -> bool:
    return sees_appeals(user)


def may_manage(user) -> bool:
    return holds(user, MANAGE)

"""The account page's own section: the resident's appeals, each as the status page shows it."""

from appeals.tracking import public_status

from .appeals import own_appeals
from .models import Resident

SECTION_APPEALS = 5  # the newest shown on the account page; the rest on the appeals page, by pages


def appeal_cards(appeals) -> list[dict]:
    """Each appeal's public status and timeline (`appeals.tracking.public_status`), as on the status page."""
    return [public_status(appeal) for appeal in appeals]


def appeals_section(resident: Resident) -> dict:
    appeals = own_appeals(resident).select_related("applicant", "assignee")
    count = appeals.count()
    return {"title": "Мои обращения", "template": "residents/_appeals_section.html", "count": count,
            "cards": appeal_cards(appeals[:SECTION_APPEALS]), "more": count > SECTION_APPEALS}

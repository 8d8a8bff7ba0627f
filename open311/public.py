"""What anyone may read over Open311: the services (our reasons) and the service requests filed over
Open311, as documents of plain values.

A request shows the course of the case and the building, never a person: no name, phone, e-mail or flat.
Its description is the appeal's text with the people hidden as the public status page hides them
(`appeals.tracking.people_of`, `appeals.masking`); its notes are the life cycle's public notes, never the
staff's own.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import OuterRef, QuerySet, Subquery
from django.template.loader import render_to_string
from django.utils import timezone

from appeals.masking import hide_personal_data
from appeals.models import Appeal, AppealEvent, Reason
from appeals.tracking import RESIDENT_STEPS, people_of
from appeals.workflow import TRANSITIONS
from portal.emergency import dispatch_phone
from reference import outages

DESCRIPTION_MAX = 4000  # the specification's limit, for what is shown as for what is taken


def moment(value: dt.datetime | None) -> str | None:
    """ISO 8601 with the offset, in Moscow time: «2026-12-03T17:53:01+03:00»."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def active_reasons() -> QuerySet:
    return Reason.objects.filter(is_active=True, category__isnull=False).select_related("category")


def _service_description(reason: Reason, phone: str) -> str:
    text = f"{reason.category.name}: {reason.name}."
    if reason.is_emergency:
        text += " Аварийная заявка: в срочном случае звоните в аварийно-диспетчерскую службу"
        text += f" {phone}." if phone else "."
    return text


def service(reason: Reason, phone: str = "") -> dict:
    # No reason asks questions of its own: the list has no attributes to define (metadata false).
    return {"service_code": reason.code, "service_name": reason.name,
            "description": _service_description(reason, phone), "metadata": False, "type": "realtime",
            "keywords": None, "group": reason.category.name}


def services() -> list[dict]:
    """Every reason in use, in the classification's order; the group is its category."""
    phone = dispatch_phone()
    return [service(reason, phone) for reason in active_reasons()]


def service_definition(reason: Reason) -> dict:
    return {"service_code": reason.code, "attributes": []}


def with_last_public_step(appeals: QuerySet) -> QuerySet:
    """The appeals with the action and the moment of their last public step, read in the same query."""
    last = AppealEvent.objects.filter(appeal=OuterRef("pk"), is_public=True).order_by("-at", "-id")
    return appeals.annotate(last_public_action=Subquery(last.values("action")[:1]),
                            last_public_at=Subquery(last.values("at")[:1]))


def open311_appeals() -> QuerySet:
    """The appeals filed over Open311, with all a request shows. Appeals of other channels are not here:
    over Open311 a number alone opens a request, where our own status page asks for the access code too."""
    return with_last_public_step(
        Appeal.objects.filter(open311__isnull=False)
        .select_related("reason", "department", "building", "applicant", "assignee", "open311"))


def status_notes(action: str | None) -> str | None:
    """The public note of the last public step: the life cycle's, or the resident's words for the others."""
    if action in TRANSITIONS and TRANSITIONS[action].public_note:
        return TRANSITIONS[action].public_note
    step = RESIDENT_STEPS.get(action or "")
    return f"{step.text}." if step is not None else None


def service_notice(found: list) -> str | None:
    text = render_to_string("open311/service_notice.txt", {"outages": found}).strip()
    return text or None


def outages_by_building(appeals: list[Appeal]) -> dict[int, list]:
    """The outages in force now in the buildings of these open appeals, read at once."""
    wanted = {a.building_id for a in appeals if a.building_id and a.is_open}
    found: dict[int, list] = defaultdict(list)
    if wanted:
        for outage in outages.current():
            for building in outage.buildings.all():
                if building.pk in wanted:
                    found[building.pk].append(outage)
    return found


def description(appeal: Appeal) -> str:
    return hide_personal_data(appeal.text, people_of(appeal))[:DESCRIPTION_MAX]


def request(appeal: Appeal, notices: dict[int, list]) -> dict:
    """One service request as anyone may read it (`open311_appeals` has read what it needs)."""
    submission, building = appeal.open311, appeal.building
    has_point = building is not None and building.latitude is not None and building.longitude is not None
    lat, lon = (building.latitude, building.longitude) if has_point else (submission.latitude, submission.longitude)
    return {
        "service_request_id": appeal.number,
        "status": "open" if appeal.is_open else "closed",
        "status_notes": status_notes(appeal.last_public_action),
        "service_name": appeal.reason.name if appeal.reason else None,
        "service_code": appeal.reason.code if appeal.reason else submission.service_code,
        "description": description(appeal),
        "agency_responsible": appeal.department.name if appeal.department else None,
        "service_notice": service_notice(notices.get(appeal.building_id, [])),
        "requested_datetime": moment(appeal.received_at),
        "updated_datetime": moment(appeal.last_public_at or appeal.received_at),
        "expected_datetime": moment(appeal.answer_due),
        "address": building.address if building else None,
        "address_id": str(building.pk) if building else None,
        "zipcode": None,
        "lat": lat,
        "long": lon,
        "media_url": submission.media_url or None,
    }


def requests(appeals) -> list[dict]:
    appeals = list(appeals)
    notices = outages_by_building(appeals)
    return [request(appeal, notices) for appeal in appeals]

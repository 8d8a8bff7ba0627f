"""Which outages are in force, for the site's banners and the appeal form (and later Open311's notices).

The rule lives here only: an outage is in force while it is published, has started and has not reached
its expected end (an outage with no end known yet stays in force until staff set one).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from appeals import access
from appeals.access import Forbidden
from housing.models import Building

from .models import Outage

PUBLISH = "reference.publish_outage"
# What an incident's reason tells of the supply that failed; other reasons leave the choice to the supervisor.
RESOURCE_OF_REASON = {
    "water-no-hot": Outage.Resource.HOT_WATER,
    "water-hot-pressure": Outage.Resource.HOT_WATER,
    "water-no-cold": Outage.Resource.COLD_WATER,
    "water-cold-pressure": Outage.Resource.COLD_WATER,
    "heating-none": Outage.Resource.HEATING,
    "heating-low-flat": Outage.Resource.HEATING,
    "electric-outage": Outage.Resource.ELECTRICITY,
    "gas-smell": Outage.Resource.GAS,
    "lift-fault": Outage.Resource.LIFT,
    "lift-stuck": Outage.Resource.LIFT,
}


def _in_force(at: dt.datetime) -> Q:
    return Q(is_published=True, starts_at__lte=at) & (Q(ends_at__isnull=True) | Q(ends_at__gt=at))


def _shown(outages: QuerySet) -> QuerySet:
    return outages.select_related("news").prefetch_related("buildings").order_by("starts_at", "pk")


def current(at: dt.datetime | None = None) -> QuerySet:
    """The outages in force at `at` (now), with their buildings and news."""
    return _shown(Outage.objects.filter(_in_force(at or timezone.now())))


def current_for(building: Building | None, at: dt.datetime | None = None) -> list[Outage]:
    """The outages in force at `at` (now) in this building; none for no building."""
    if building is None:
        return []
    return list(current(at).filter(buildings=building))


def upcoming(at: dt.datetime | None = None) -> QuerySet:
    """Published outages that have not started yet, the nearest first."""
    return _shown(Outage.objects.filter(is_published=True, starts_at__gt=at or timezone.now()))


def may_publish(user) -> bool:
    """Whether the person may publish an outage on the site (supervisors and administrators)."""
    return access.holds(user, PUBLISH)


@dataclass(frozen=True)
class OutageData:
    resource: str
    kind: str
    buildings: list[Building]
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    note: str = ""


@transaction.atomic
def publish_outage(data: OutageData, by, incident=None) -> Outage:
    """Publish an outage (from an incident, linked back to it); residents of its buildings see it at once."""
    if not may_publish(by):
        raise Forbidden("У вас нет права публиковать отключения на сайте.")
    if data.ends_at is not None and data.ends_at <= data.starts_at:
        raise ValueError("Окончание отключения должно быть позже его начала.")
    outage = Outage.objects.create(resource=data.resource, kind=data.kind, starts_at=data.starts_at,
                                   ends_at=data.ends_at, note=data.note, incident=incident, created_by=by)
    outage.buildings.set(data.buildings)
    return outage


def suggested_for_incident(incident) -> dict:
    """What an outage published from this incident starts from: its buildings, the supply its reason names,
    an emergency since it was reported, from its first appeal."""
    buildings = Building.objects.filter(Q(pk=incident.building_id) | Q(
        appeals__incident_link__incident=incident)).distinct().order_by("street", "house", "korpus", "litera")
    return {"buildings": list(buildings), "resource": RESOURCE_OF_REASON.get(getattr(incident.reason, "code", "")),
            "kind": Outage.Kind.EMERGENCY, "starts_at": incident.opened_at}

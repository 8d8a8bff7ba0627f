"""Where a service request is: our building named by `address_id`, the address typed (matched to the registry
as the public form matches it), or the building nearest to the point given."""

import math
from dataclasses import dataclass

from housing.models import Building
from housing.services import match_building

# A point this close to a house (a pin on the pavement in front of it) is that house; farther, the request
# is taken without a building and the operator finds it, as with any address the registry does not know.
NEAREST_METRES = 100
EARTH_METRES = 6_371_000


@dataclass(frozen=True)
class Place:
    building: Building | None
    address_text: str  # what the appeal keeps as typed when no building is known


def _metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_METRES * math.asin(min(1.0, math.sqrt(h)))


def nearest_building(lat: float, lon: float, within: float = NEAREST_METRES) -> Building | None:
    """The active building with coordinates nearest to the point, if one is within `within` metres."""
    d_lat = within / 111_000
    d_lon = d_lat / max(math.cos(math.radians(lat)), 0.01)
    near = Building.objects.filter(is_active=True, latitude__range=(lat - d_lat, lat + d_lat),
                                   longitude__range=(lon - d_lon, lon + d_lon))
    scored = sorted((_metres(lat, lon, b.latitude, b.longitude), b.pk, b) for b in near)
    return scored[0][2] if scored and scored[0][0] <= within else None


def place_of(*, building: Building | None, address_string: str, point: tuple[float, float] | None) -> Place:
    """The building (`building` is the one `address_id` named), else the typed address if the registry knows
    it, else the nearest one; without any, the typed address and the point are kept for the operator."""
    if building is None and address_string:
        building = match_building(address_string)
    if building is None and point is not None:
        building = nearest_building(*point)
    if building is not None:
        return Place(building, "")
    typed = [address_string] if address_string else []
    typed += [f"координаты {point[0]:.6f}, {point[1]:.6f}"] if point is not None else []
    return Place(None, "; ".join(typed))

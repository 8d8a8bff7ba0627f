"""Where a service request is: our building named by `address_id`, the address typed (matched to the registry
as the public form matches it), or the building nearest to the point given."""

from dataclasses import dataclass

from housing.geo import nearest_building
from housing.models import Building
from housing.services import match_building

# A point this close to a house (a pin on the pavement in front of it) is that house; farther, the request
# is taken without a building and the operator finds it, as with any address the registry does not know.
NEAREST_METRES = 100


@dataclass(frozen=True)
class Place:
    building: Building | None
    address_text: str  # what the appeal keeps as typed when no building is known


def place_of(*, building: Building | None, address_string: str, point: tuple[float, float] | None) -> Place:
    """The building (`building` is the one `address_id` named), else the typed address if the registry knows
    it, else the nearest one; without any, the typed address and the point are kept for the operator."""
    if building is None and address_string:
        building = match_building(address_string)
    if building is None and point is not None:
        building = nearest_building(*point, NEAREST_METRES)
    if building is not None:
        return Place(building, "")
    typed = [address_string] if address_string else []
    typed += [f"координаты {point[0]:.6f}, {point[1]:.6f}"] if point is not None else []
    return Place(None, "; ".join(typed))

"""Finding buildings of the registry from what people type."""

import re

from .addresses import ParsedAddress, parse_address, street_stems, street_type
from .models import Building


def _number(house: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", house or "")
    return (int(m.group(1)), m.group(2).upper()) if m else (0, (house or "").upper())


def _house_and_letter(house: str, litera: str) -> str:
    """«7» + «А» and «7А» + «» are the same house as people say it."""
    return (house + litera).upper()


def _street_matches(building: Building, parsed: ParsedAddress) -> bool:
    stems = street_stems(building.street)
    return all(any(s.startswith(word) for s in stems) for word in parsed.street_words)


def _street_candidates(parsed: ParsedAddress) -> list[Building]:
    """Active buildings whose street has every typed word; the typed street type narrows if it can."""
    longest = max(parsed.street_words, key=len)
    rows = Building.objects.filter(is_active=True, search_key__contains=longest)
    found = [b for b in rows if _street_matches(b, parsed)]
    if parsed.street_type:
        same_type = [b for b in found if street_type(b.street) == parsed.street_type]
        found = same_type or found
    return found


def _house_starts(building: Building, parsed: ParsedAddress) -> bool:
    typed = _house_and_letter(parsed.house, parsed.litera)
    return (_house_and_letter(building.house, building.litera).startswith(typed)
            or building.house.upper().startswith(typed))


def _order(parsed: ParsedAddress):
    typed = _house_and_letter(parsed.house, parsed.litera)

    def key(b: Building):
        exact = _house_and_letter(b.house, b.litera) == typed or b.house.upper() == typed
        return (not exact, b.street, _number(b.house), _number(b.korpus), b.litera)

    return key


def suggest_buildings(fragment: str, limit: int = 10) -> list[Building]:
    """Buildings matching a typed fragment: «невск 10» → Невский проспект 10, 100, 102…

    The house typed is a prefix (the person may not have finished typing); the exact house
    comes first. Without any street word there is nothing to suggest.
    """
    parsed = parse_address(fragment)
    if not parsed.street_words:
        return []
    found = _street_candidates(parsed)
    if parsed.house:
        found = [b for b in found if _house_starts(b, parsed)]
    if parsed.korpus:
        found = [b for b in found if b.korpus.startswith(parsed.korpus)]
    return sorted(found, key=_order(parsed))[:limit]


def _pick(same_number: list[Building], parsed: ParsedAddress) -> Building | None:
    typed = _house_and_letter(parsed.house, parsed.litera)
    exact = [b for b in same_number if _house_and_letter(b.house, b.litera) == typed]
    if not parsed.korpus and len(exact) > 1:
        exact = [b for b in exact if not b.korpus]
    if len(exact) == 1:
        return exact[0]
    if not exact and len(same_number) == 1 and not (parsed.litera or _number(parsed.house)[1]):
        # «Марата 7» when the registry knows only «улица Марата, д. 7, лит. А»: the same building.
        return same_number[0]
    return None


def match_building(text: str) -> Building | None:
    """The one building an address as typed refers to, or None when it is unknown or ambiguous."""
    parsed = parse_address(text)
    if not parsed.street_words or not parsed.house:
        return None
    number = _number(parsed.house)[0]
    same_number = [b for b in _street_candidates(parsed) if _number(b.house)[0] == number
                   and (b.korpus == parsed.korpus or not parsed.korpus)]
    return _pick(same_number, parsed)

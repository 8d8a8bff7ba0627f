"""Finding buildings of the registry from what people type."""

from .addresses import parse_address, street_key
from .models import Building


def suggest_buildings(fragment: str, limit: int = 10) -> list[Building]:
    """Buildings matching a typed fragment such as «невск 10» or «марата 7»."""
    parsed = parse_address(fragment)
    if not parsed.street_words and not parsed.house:
        return []
    qs = Building.objects.filter(is_active=True)
    for word in parsed.street_words:
        qs = qs.filter(search_key__contains=word)
    if parsed.house:
        qs = qs.filter(house__startswith=parsed.house)
    if parsed.korpus:
        qs = qs.filter(korpus=parsed.korpus)
    if parsed.litera:
        qs = qs.filter(litera__iexact=parsed.litera)
    return list(qs.order_by("street", "house", "korpus", "litera")[:limit])


def match_building(text: str) -> Building | None:
    """The one building an address as typed refers to, or None when it is unknown or ambiguous."""
    parsed = parse_address(text)
    if not parsed.street_words or not parsed.house:
        return None
    found = [b for b in suggest_buildings(text, limit=20) if b.house == parsed.house]
    exact = [b for b in found if (b.korpus, b.litera.upper()) == (parsed.korpus, parsed.litera.upper())]
    if len(exact) == 1:
        return exact[0]
    plain = [b for b in found if not parsed.korpus and not parsed.litera]
    if len(plain) == 1:
        return plain[0]
    same_street = {street_key(b.street) for b in found}
    return found[0] if len(found) == 1 and len(same_street) == 1 else None

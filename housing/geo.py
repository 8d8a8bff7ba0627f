"""Distances between points and the buildings around a point, from the registry's coordinates. (The models
are imported where used: the distance serves offline evaluation too, without a database.)"""

import math

EARTH_METRES = 6_371_000


def metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_METRES * math.asin(min(1.0, math.sqrt(h)))


def buildings_near(lat: float, lon: float, within: float):
    """The buildings in the square of side 2 × `within` metres around the point (by the coordinates' indexes;
    the caller measures the distance where the circle matters)."""
    from .models import Building

    d_lat = within / 111_000
    d_lon = d_lat / max(math.cos(math.radians(lat)), 0.1)
    return Building.objects.filter(latitude__range=(lat - d_lat, lat + d_lat),
                                   longitude__range=(lon - d_lon, lon + d_lon))


def nearest_building(lat: float, lon: float, within: float):
    """The active building nearest to the point, if one is within `within` metres."""
    scored = sorted((metres(lat, lon, b.latitude, b.longitude), b.pk, b)
                    for b in buildings_near(lat, lon, within).filter(is_active=True))
    return scored[0][2] if scored and scored[0][0] <= within else None

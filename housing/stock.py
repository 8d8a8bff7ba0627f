"""The structure of the housing stock the company manages, computed from the registry by aggregation."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When

from .models import Building

# (label, first year, last year); None = open end. A building with no year falls in none of them.
YEAR_BANDS = [
    ("до 1917 года", None, 1916),
    ("1917–1945", 1917, 1945),
    ("1946–1970", 1946, 1970),
    ("1971–1990", 1971, 1990),
    ("после 1990 года", 1991, None),
]
FLOOR_BANDS = [
    ("1–3 этажа", None, 3),
    ("4–5 этажей", 4, 5),
    ("6–9 этажей", 6, 9),
    ("10 этажей и выше", 10, None),
]


@dataclass(frozen=True)
class Band:
    label: str
    buildings: int
    flats: int
    total_area: Decimal


@dataclass(frozen=True)
class HousingStock:
    buildings: int
    flats: int
    total_area: Decimal
    living_area: Decimal
    unknown_passport: int  # buildings whose passport (year, floors, flats, areas) is not entered yet
    by_year: list[Band]
    by_floors: list[Band]


def _band_case(field: str, bands: list[tuple]) -> Case:
    whens = []
    for index, (_label, low, high) in enumerate(bands):
        condition = Q()
        if low is not None:
            condition &= Q(**{f"{field}__gte": low})
        if high is not None:
            condition &= Q(**{f"{field}__lte": high})
        whens.append(When(condition & Q(**{f"{field}__isnull": False}), then=Value(index)))
    return Case(*whens, default=Value(-1), output_field=IntegerField())


def _bands(managed, field: str, bands: list[tuple]) -> list[Band]:
    rows = (managed.annotate(band=_band_case(field, bands)).values("band")
            .annotate(n=Count("id"), flats_sum=Sum("flats"), area=Sum("total_area")).order_by())
    found = {row["band"]: row for row in rows}
    result = []
    for index, (label, _low, _high) in enumerate(bands):
        row = found.get(index, {})
        result.append(Band(label, row.get("n", 0), row.get("flats_sum") or 0, row.get("area") or Decimal(0)))
    return result


def housing_stock() -> HousingStock:
    """Buildings the company manages now, their flats and areas, by year built and by floors."""
    managed = Building.objects.filter(is_active=True)
    totals = managed.aggregate(
        n=Count("id"), flats_sum=Sum("flats"), total=Sum("total_area"), living=Sum("living_area"),
        unknown=Count("id", filter=Q(year_built__isnull=True) | Q(floors__isnull=True) | Q(flats__isnull=True)
                      | Q(total_area__isnull=True)),
    )
    return HousingStock(
        buildings=totals["n"], flats=totals["flats_sum"] or 0, total_area=totals["total"] or Decimal(0),
        living_area=totals["living"] or Decimal(0), unknown_passport=totals["unknown"],
        by_year=_bands(managed, "year_built", YEAR_BANDS), by_floors=_bands(managed, "floors", FLOOR_BANDS),
    )

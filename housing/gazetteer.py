"""The streets of St Petersburg by their official names, beyond the company's own registry: found in text
(«Моховая, 30», «Мойка 42», «8-я Советская») even where the company has no building.

The list is data (`housing/data/spb_streets.txt`, a line each: the official name, a tab, how many addresses of
the export were on it — which of two streets of one name is meant more often), built by
`manage.py build_street_gazetteer` from the addresses of an export of appeals such as the city portal's, whose
addresses are the city's register («г.Санкт-Петербург, Мебельная улица, дом 47, корпус 1, литера А»). Only the
street names are kept; the texts never. Abbreviations, other cases and typos are not listed: the street words
are matched by their stems and one typo away (`housing.services.StreetIndex`).
"""

import gzip
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .addresses import OFFICIAL_TYPES

PATH = Path(__file__).resolve().parent / "data" / "spb_streets.txt"
# The first part of a register address: the city, or a town or settlement within the federal city.
_PLACES = ("г.санкт-петербург", "санкт-петербург", "город ", "посёлок ", "поселок ", "муниципальный округ ")


def street_of(address: str) -> str:
    """The official street of a register address, or '' when it has none (a park, a settlement's house)."""
    parts = [part.strip() for part in address.split(",")]
    if len(parts) < 2 or not parts[0].lower().startswith(_PLACES):
        return ""
    street = " ".join(parts[1].split())
    words = street.split()
    # the type in full as a word of its own, first, last or after the number: «8-я Советская улица», «13-я
    # линия В.О.»; not «участок ж.д. "Обводный кан. - ул.Грибакиных"»
    typed = {words[0], words[-1]} | ({words[1]} if len(words) > 2 and words[0][:1].isdigit() else set())
    return street if typed & OFFICIAL_TYPES and '"' not in street else ""


def read_addresses(path: Path):
    """The `address` of each JSON line of a (gzipped) export."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line).get("address") or ""


def build(addresses) -> list[tuple[str, int]]:
    """The distinct official streets of the addresses with how many are on each, sorted by name."""
    return sorted(Counter(street for street in map(street_of, addresses) if street).items())


@lru_cache(maxsize=1)
def _read() -> dict[str, int]:
    if not PATH.exists():
        return {}
    rows = (line.split("\t") for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: int(count) for name, count in rows}


def streets() -> tuple[str, ...]:
    """The shipped list; empty when the file is absent."""
    return tuple(_read())


def dominant(weighted: dict[str, int]) -> str:
    """Of several streets (or street words) with how often each is named, the one named five times more often
    than any other — the one meant when a text does not say which: «Грибоедова» is the canal's embankment, not
    the street in Колпино. '' when none stands out so."""
    ranked = sorted(weighted.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) == 1 or (ranked and ranked[0][1] >= 5 * max(ranked[1][1], 1)):
        return ranked[0][0]
    return ""


def weight(street: str) -> int:
    """How often the street was named in the export the list was built from (0 if not in it)."""
    return _read().get(street, 0)

"""Address normalisation for the building registry and for addresses as people type them."""

import re
from dataclasses import dataclass, field

STREET_TYPES = {
    "улица": "улица", "ул": "улица", "проспект": "проспект", "пр": "проспект", "пр-т": "проспект",
    "просп": "проспект", "переулок": "переулок", "пер": "переулок", "набережная": "набережная",
    "наб": "набережная", "площадь": "площадь", "пл": "площадь", "бульвар": "бульвар", "б-р": "бульвар",
    "шоссе": "шоссе", "ш": "шоссе", "проезд": "проезд", "линия": "линия", "аллея": "аллея",
}
NOISE = {"дом", "д", "по", "г", "город", "санкт-петербург", "спб", "с-пб", "россия", "кв", "квартира",
         "корп", "корпус", "к", "лит", "литера", "литер", "стр", "строение"}
_STREET_WORD_PREFIX = 5


@dataclass
class ParsedAddress:
    street_words: list[str] = field(default_factory=list)
    street_type: str = ""
    house: str = ""
    korpus: str = ""
    litera: str = ""
    flat: str = ""


def _norm(text: str) -> str:
    return (text or "").lower().replace("ё", "е")


def street_key(street: str) -> str:
    return " ".join(w for w in re.findall(r"[а-яa-z0-9-]+", _norm(street)) if w not in STREET_TYPES)


def building_search_key(street: str, house: str, korpus: str = "", litera: str = "") -> str:
    """A lower-case key used to match typed fragments («невск 10») against the registry."""
    parts = [_norm(street), _norm(house)]
    if korpus:
        parts.append(f"к{_norm(korpus)}")
    if litera:
        parts.append(f"л{_norm(litera)}")
    return " ".join(parts)


def parse_address(text: str) -> ParsedAddress:
    """Split a typed address into street words, house, корпус, литера and flat.

    Handles «Невский пр. 100», «д.7 по ул. Марата», «Садовая 15-42», «Литейный 46 корп 2 лит А».
    """
    s = _norm(text)
    result = ParsedAddress()
    if m := re.search(r"(?:\bкв\.?|\bквартира)\s*(\d+)", s):
        result.flat, s = m.group(1), s[: m.start()] + " " + s[m.end():]
    if m := re.search(r"(?:\bкорп(?:ус)?\.?|\bк\.?)\s*(\d+)", s):
        result.korpus, s = m.group(1), s[: m.start()] + " " + s[m.end():]
    if m := re.search(r"\bлит(?:ера|ер)?\.?\s*([а-я])\b", s):
        result.litera, s = m.group(1).upper(), s[: m.start()] + " " + s[m.end():]
    if m := re.search(r"(?<![\w-])(\d+[а-я]?(?:/\d+)?)(?:\s*-\s*(\d+))?(?![\w])", s):
        result.house = m.group(1)
        if m.group(2) and not result.flat:
            result.flat = m.group(2)
        s = s[: m.start()] + " " + s[m.end():]
    for word in re.findall(r"[а-яa-z][а-яa-z-]*", s):
        word = word.strip("-")
        if word in STREET_TYPES:
            result.street_type = STREET_TYPES[word]
        elif word not in NOISE and len(word) >= 2:
            result.street_words.append(word[:_STREET_WORD_PREFIX])
    return result

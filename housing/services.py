"""Finding buildings of the registry from what people type."""

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from django.core.cache import cache
from rapidfuzz.distance import Levenshtein

from priemnaya.matching import fold

from . import gazetteer
from .addresses import (
    ParsedAddress,
    parse_address,
    same_street_word,
    stem,
    street_key,
    street_stems,
    street_type,
)
from .models import Building

# A typed street word longer than this may carry one typo («Литеный», «Фантанки»); two from this length on.
_ONE_TYPO_FROM, _TWO_TYPOS_FROM = 5, 9
_ENDING = 3  # the most letters a Russian case ending changes
_ADJECTIVE_ENDINGS = {"ский", "ская", "ское", "ского", "ской"}


def _number(house: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", house or "")
    return (int(m.group(1)), m.group(2).upper()) if m else (0, (house or "").upper())


def _house_and_letter(house: str, litera: str) -> str:
    """«7» + «А» and «7А» + «» are the same house as people say it."""
    return (house + litera).upper()


def _street_matches(building: Building, parsed: ParsedAddress) -> bool:
    stems = street_stems(building.street)
    return all(any(same_street_word(word, s) for s in stems) for word in parsed.street_words)


def declined(typed: str, official: str) -> bool:
    """The typed word may be the official one in another case: they part only in the last three letters of
    each («Невскому» and «Невский», «Мойка» and «Мойки»), not «Андреевна» and «Андреевская»."""
    common = len(os.path.commonprefix([typed, official]))
    if len(typed) - common <= _ENDING and len(official) - common <= _ENDING:
        return True
    # the city's short names: «Лиговка» for Лиговский проспект, «на Гражданке» for Гражданский
    return official[common:] in _ADJECTIVE_ENDINGS and typed[common:].startswith("к") and len(typed) - common <= 3


@dataclass(frozen=True)
class StreetIndex:
    """The streets of the registry by their distinctive words, for finding them in running text."""

    by_stem: dict[str, tuple[tuple[str, str], ...]]  # stem of a distinctive word → (the word, its street)
    words: tuple[str, ...]  # the distinctive words themselves («марата», «фонтанки»), ordinals left out
    by_key: dict[str, tuple[str, ...]]  # all the distinctive words of a name → the streets of that name
    weights: dict[str, int]  # a word → how often the city's streets with it are named (`gazetteer.weight`)
    registered: frozenset[str]  # the streets with buildings in the registry

    def lookup(self, word: str) -> frozenset[str]:
        """Streets having this word in any case: «Невскому» → {«Невский проспект»}."""
        word = fold(word)
        return frozenset(street for official, street in self.by_stem.get(stem(word), ()) if declined(word, official))

    def correct(self, word: str) -> str:
        """The registry word one typo away (two for long words): «литеный» → «литейный»; '' if none or a tie."""
        word = fold(word)
        if len(word) < _ONE_TYPO_FROM:
            return ""
        limit = 2 if len(word) >= _TWO_TYPOS_FROM else 1
        scored = sorted((Levenshtein.distance(word, known, score_cutoff=limit), known) for known in self.words
                        if known[0] == word[0] and abs(len(known) - len(word)) <= limit)
        scored = [(distance, known) for distance, known in scored if distance <= limit]
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            # a tie goes to the word of streets the city names far more often («невкий»: Невский, not Невки)
            return gazetteer.dominant({known: self.weights.get(known, 0) for distance, known in scored
                                       if distance == scored[0][0]})
        return scored[0][1] if scored else ""


@lru_cache(maxsize=8)
def _index(streets: tuple[str, ...], registered: tuple[str, ...], weighted: bool = False) -> StreetIndex:
    """`weighted`: a tie between two words one typo away goes to the one the city names far more often."""
    by_stem: dict[str, set[tuple[str, str]]] = {}
    words, by_key, weights = set(), {}, {}
    for street in streets:
        by_key.setdefault(street_key(street), []).append(street)
        for word in street_key(street).split():
            weights[word] = weights.get(word, 0) + (gazetteer.weight(street) if weighted else 0)
            by_stem.setdefault(stem(word), set()).add((word, street))
            if not word[:1].isdigit():
                words.add(word)
    return StreetIndex({key: tuple(sorted(value)) for key, value in by_stem.items()}, tuple(sorted(words)),
                       {key: tuple(value) for key, value in by_key.items()}, weights, frozenset(registered))


STREETS_KEY = "housing:active-streets"
# Changes clear the cached list at once (`forget_streets`); the timeout bounds how stale another process's
# local-memory copy may get when no shared cache (Redis) is configured.
STREETS_TIMEOUT = 60


def _registry_streets() -> tuple[str, ...]:
    streets = cache.get(STREETS_KEY)
    if streets is None:
        streets = tuple(Building.objects.filter(is_active=True).order_by("street")
                        .values_list("street", flat=True).distinct())
        cache.set(STREETS_KEY, streets, STREETS_TIMEOUT)
    return streets


def street_index() -> StreetIndex:
    """The index of the streets of active buildings: read once and kept until the registry changes."""
    streets = _registry_streets()
    return _index(streets, streets)


def city_street_index() -> StreetIndex:
    """The registry's streets and the rest of the city's (`housing.gazetteer`): a street found in text is named
    officially even where the company has no building («Моховая, 30» → «Моховая улица»)."""
    return _city_index(_registry_streets())


@lru_cache(maxsize=8)
def _city_index(registry: tuple[str, ...]) -> StreetIndex:
    return _index(tuple(sorted(set(registry) | set(gazetteer.streets()))), registry, weighted=True)


def forget_streets(**_signal) -> None:
    """The registry changed: the next look-up reads the streets again."""
    cache.delete(STREETS_KEY)


def _without_typos(parsed: ParsedAddress) -> ParsedAddress | None:
    """The typed address with each unknown street word replaced by the registry word one typo away, if any."""
    index, words = street_index(), []
    for typed in parsed.typed_words:
        known = typed if typed[:1].isdigit() or index.lookup(typed) else index.correct(typed)
        if not known:
            return None
        words.append(known)
    if words == parsed.typed_words:
        return None
    return replace(parsed, typed_words=words, street_words=[stem(w) for w in words])


def _street_candidates(parsed: ParsedAddress, house_number: int | None = None) -> list[Building]:
    """Active buildings whose street has every typed word; the typed street type narrows if it can.
    With `house_number` only the houses of that number are read (a long street has hundreds)."""
    found = _with_street_words(parsed, house_number)
    if not found and (corrected := _without_typos(parsed)) is not None:
        found = _with_street_words(corrected, house_number)
    if parsed.street_type:
        same_type = [b for b in found if street_type(b.street) == parsed.street_type]
        found = same_type or found
    return found


def _with_street_words(parsed: ParsedAddress, house_number: int | None = None) -> list[Building]:
    longest = max(parsed.street_words, key=len)
    if longest[:1].isdigit():  # «5-й» is stored as «5-я»: look it up by the other words, or by «5-» alone
        longest = max((w for w in parsed.street_words if not w[:1].isdigit()), key=len,
                      default=longest.split("-")[0] + "-")
    rows = Building.objects.filter(is_active=True, search_key__contains=longest)
    if house_number is not None:
        rows = rows.filter(house__startswith=str(house_number))
    return [b for b in rows if _street_matches(b, parsed)]


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
    if not exact and len(same_number) == 1:
        only = same_number[0]
        if not (parsed.litera or _number(parsed.house)[1]):
            # «Марата 7» when the registry knows only «улица Марата, д. 7, лит. А»: the same building.
            return only
        if parsed.litera == "А" and not _number(parsed.house)[1] and not (only.litera or _number(only.house)[1]):
            # Most lots of St Petersburg have «литера А» in their official address; registries often omit it.
            return only
    return None


def _choose(rows, parsed: ParsedAddress) -> Building | None:
    number = _number(parsed.house)[0]
    same_number = [b for b in rows
                   if _number(b.house)[0] == number and (b.korpus == parsed.korpus or not parsed.korpus)]
    return _pick(same_number, parsed)


def match_building(text: str) -> Building | None:
    """The one building an address as typed refers to, or None when it is unknown or ambiguous."""
    parsed = parse_address(text)
    if not parsed.street_words or not parsed.house:
        return None
    return _choose(_street_candidates(parsed, _number(parsed.house)[0] or None), parsed)


def building_on_street(street: str, house: str, korpus: str = "", litera: str = "") -> Building | None:
    """The building at a house of a registry street known by its official name, by the same rules as match_building."""
    parsed = ParsedAddress(house=house, korpus=korpus, litera=litera)
    number = _number(house)[0]
    rows = Building.objects.filter(is_active=True, street=street, house__startswith=str(number))
    return _choose(rows.only("id", "street", "house", "korpus", "litera"), parsed) if house else None

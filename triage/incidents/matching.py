"""Mass incidents and duplicates: appeals about one problem at one place, linked into one incident.

The rule lives here, in plain Python, for both the product (a new appeal against the open incidents
of its building) and the archive grouping (`group_archive`), so the two never disagree.

Two appeals may share an incident when their places agree — the same building, or, for an outage
(no hot or cold water, no heating, no electricity), buildings within NEIGHBOUR_METRES of each other —
and `same_problem` scores them high. The score reads the predicted reason distributions (how much
they agree, whether the best reasons coincide), how alike the texts are, and whether the two came
in one burst. Requests about one household's account, documents or paid work (HOUSEHOLD_REASONS)
share a reason without sharing a problem — flat 7's charge and flat 80's are two matters — so they
link only when their texts say nearly the same (a billing error of the whole building).
A new appeal joins the open incident whose members it matches best on average (all members, not only
the first), if that average reaches LINK_THRESHOLD.

An incident stays open while its latest appeal is at most `window_days` old: windows are chained,
so a problem reported every few days stays one incident, and two appeals two days apart are never
split by a window boundary. `evaluation.incidents` measures a grouping against the same chained windows
applied to known reasons.
"""

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from housing.addresses import parse_address
from housing.geo import metres
from priemnaya.matching import fold

# Reason codes of outages, where neighbouring buildings share the incident (one supply for a block).
OUTAGE_REASONS = frozenset({"water-no-hot", "water-no-cold", "heating-none", "electric-outage"})
NEIGHBOUR_METRES = 300
# Reasons about one household's account, documents or paid work: one answer does not fit two flats.
HOUSEHOLD_REASONS = frozenset({"billing-wrong", "billing-recalc", "billing-receipt", "meters-readings",
                               "meters-verification", "docs-certificate", "docs-copies", "docs-act",
                               "paid-order", "paid-quality"})
HOUSEHOLD_MIN_TEXT = 0.5  # cosine of the word stems from which two such requests say the same
WINDOW_DAYS = 14
TOP_K = 3  # reasons kept per appeal, as a triage decision stores them
LINK_THRESHOLD = 0.5
MAX_MEMBERS_COMPARED = 30  # the latest members of a big incident say enough about it

# same_problem is a logistic score; the weights were fitted on pairs of appeals in one building within
# 14 days (same reason or not), one month after the classifier's training data, and rounded. Weights
# refitted on the shipped classifier's probabilities grouped no better, so these simpler ones stay.
_BIAS = 0.95
_W_AGREEMENT = 1.2  # × log(Σ p_a(r)·p_b(r) + 0.01)
_W_SAME_BEST = 1.2
_W_TEXT = 1.75  # × cosine of the sets of word stems
_W_BURST = 0.2  # both within an hour: one resident filing several appeals at once
_BURST = timedelta(hours=1)

Reasons = tuple[tuple[str, float], ...]
# Texts → for each, (reason, probability) pairs best first: how the classifier is plugged in.
Predict = Callable[[list[str]], list[list[tuple[str, float]]]]

_NON_WORD = re.compile(r"[^а-яa-z0-9]+")
_TEXT_CHARS = 500  # the start of a text says what it is about; longer texts only cost time
_STEM = 5


def text_profile(text: str) -> frozenset[str]:
    """The stems of the words (their first five letters), so «протекает» and «протекла» meet."""
    words = _NON_WORD.sub(" ", fold((text or "")[:_TEXT_CHARS])).split()
    return frozenset(word[:_STEM] for word in words if len(word) > 2 or word.isdigit())


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def place_key(building_id: object = None, address: str = "") -> str:
    """The key two appeals must share to be at one place: the building, else the normalised address.

    «Мебельная ул., д. 47, корп. 1» and «улица Мебельная 47 к1» give one key; no place gives "".
    """
    if building_id not in (None, ""):
        return f"building:{building_id}"
    address = (address or "").strip()
    if not address:
        return ""
    parsed = parse_address(address)
    if parsed.street_words and parsed.house:
        parts = [" ".join(sorted(parsed.street_words)), parsed.house.lower()]
        parts += [f"к{parsed.korpus}"] if parsed.korpus else []
        parts += [f"л{parsed.litera.lower()}"] if parsed.litera else []
        return "address:" + " ".join(parts)
    return "address:" + " ".join(_NON_WORD.sub(" ", fold(address)).split())


@dataclass(eq=False)
class Candidate:
    """One appeal as the matcher sees it.

    `place` is the building key ("" for an appeal with no building: it is never grouped); `reasons`
    the predicted (reason, probability) pairs, best first, as the classifier gave them.
    """

    id: object
    created: datetime
    place: str
    reasons: Reasons
    text: str = ""
    lat: float | None = None
    lon: float | None = None
    distribution: dict[str, float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # A reason the company does not handle (None) says nothing about which problem it is.
        known = [(reason, p) for reason, p in self.reasons if reason]
        self.reasons = tuple(sorted(known, key=lambda pair: -pair[1])[:TOP_K])
        self.distribution = dict(self.reasons)

    @cached_property
    def profile(self) -> frozenset[str]:
        return text_profile(self.text)

    @property
    def best_reason(self) -> str:
        return self.reasons[0][0] if self.reasons else ""

    @property
    def is_outage(self) -> bool:
        return sum(p for reason, p in self.reasons if reason in OUTAGE_REASONS) >= 0.5

    @property
    def is_household(self) -> bool:
        return sum(p for reason, p in self.reasons if reason in HOUSEHOLD_REASONS) >= 0.5

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


def distance_metres(a: Candidate, b: Candidate) -> float:
    """Great-circle distance between two appeals with coordinates."""
    return metres(a.lat, a.lon, b.lat, b.lon)


def same_place(a: Candidate, b: Candidate) -> bool:
    """One building; or, when both are outages with coordinates, buildings within NEIGHBOUR_METRES."""
    if not a.place or not b.place:
        return False
    if a.place == b.place:
        return True
    return (a.is_outage and b.is_outage and a.has_coordinates and b.has_coordinates
            and distance_metres(a, b) <= NEIGHBOUR_METRES)


def same_problem(a: Candidate, b: Candidate) -> float:
    """How likely (0–1) two appeals are about the same problem at the same place; 0 for different places.

    Time is not part of it: the window is the incident's (see `match_incident`).
    """
    if not same_place(a, b):
        return 0.0
    text = _cosine(a.profile, b.profile)
    if (a.is_household or b.is_household) and text < HOUSEHOLD_MIN_TEXT:
        return 0.0
    agreement = sum(p * b.distribution.get(reason, 0.0) for reason, p in a.reasons)
    z = (_BIAS + _W_AGREEMENT * math.log(agreement + 0.01)
         + _W_SAME_BEST * (a.best_reason != "" and a.best_reason == b.best_reason)
         + _W_TEXT * text + _W_BURST * (abs(a.created - b.created) <= _BURST))
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(eq=False)
class OpenIncident:
    """An incident that may still take appeals: its key and its members, oldest first."""

    key: object
    members: list[Candidate]

    @property
    def last_at(self) -> datetime:
        return self.members[-1].created

    def is_open_at(self, moment: datetime, window_days: int = WINDOW_DAYS) -> bool:
        return moment - self.last_at <= timedelta(days=window_days)


@dataclass(frozen=True)
class Match:
    incident: OpenIncident
    score: float


def incident_score(appeal: Candidate, incident: OpenIncident) -> float:
    """The mean `same_problem` of the appeal against the incident's latest members."""
    members = incident.members[-MAX_MEMBERS_COMPARED:]
    return sum(same_problem(appeal, m) for m in members) / len(members)


def match_incident(appeal: Candidate, incidents: Iterable[OpenIncident], window_days: int = WINDOW_DAYS,
                   threshold: float = LINK_THRESHOLD) -> Match | None:
    """The open incident a new appeal belongs to, or None.

    `incidents` are those of the appeal's building (and, for an outage, of buildings nearby); ones
    whose latest appeal is older than the window, or later than the appeal, are skipped.
    """
    best = None
    for incident in incidents:
        if not incident.members or incident.last_at > appeal.created:
            continue
        if not incident.is_open_at(appeal.created, window_days):
            continue
        score = incident_score(appeal, incident)
        if score >= threshold and (best is None or score > best.score):
            best = Match(incident, score)
    return best


class _Index:
    """Open incidents by building and, for outages, by a grid of cells about NEIGHBOUR_METRES wide."""

    _CELL_DEGREES = NEIGHBOUR_METRES / 111_320  # a degree of latitude is 111.3 km

    def __init__(self, window_days: int):
        self.window_days = window_days
        self.by_place: dict[str, list[OpenIncident]] = defaultdict(list)
        self.by_cell: dict[tuple[int, int], list[OpenIncident]] = defaultdict(list)

    def _cell(self, c: Candidate) -> tuple[int, int]:
        return math.floor(c.lat / self._CELL_DEGREES), math.floor(c.lon / self._CELL_DEGREES)

    def _open(self, incidents: list[OpenIncident], moment: datetime) -> list[OpenIncident]:
        incidents[:] = [i for i in incidents if i.is_open_at(moment, self.window_days)]
        return incidents

    def candidates_for(self, c: Candidate) -> list[OpenIncident]:
        found = {id(i): i for i in self._open(self.by_place[c.place], c.created)}
        if c.is_outage and c.has_coordinates:
            lat_cell, lon_cell = self._cell(c)
            lon_span = math.ceil(1 / max(math.cos(math.radians(c.lat)), 0.1))
            for dlat in (-1, 0, 1):
                for dlon in range(-lon_span, lon_span + 1):
                    key = (lat_cell + dlat, lon_cell + dlon)
                    if key in self.by_cell:
                        found.update((id(i), i) for i in self._open(self.by_cell[key], c.created))
        return list(found.values())

    def add(self, c: Candidate, incident: OpenIncident) -> None:
        places = self.by_place[c.place]
        if incident not in places:
            places.append(incident)
        if c.is_outage and c.has_coordinates:
            cell = self.by_cell[self._cell(c)]
            if incident not in cell:
                cell.append(incident)


def group_candidates(candidates: Iterable[Candidate], window_days: int = WINDOW_DAYS,
                     threshold: float = LINK_THRESHOLD) -> dict[object, object]:
    """Replays appeals in time order as the product links them: appeal id → incident id.

    An incident's id is its first appeal's id; an appeal in no incident is its own incident.
    """
    index = _Index(window_days)
    assignment: dict[object, object] = {}
    for c in sorted(candidates, key=lambda c: (c.created, str(c.id))):
        if not c.place:
            assignment[c.id] = c.id
            continue
        match = match_incident(c, index.candidates_for(c), window_days, threshold)
        incident = match.incident if match else OpenIncident(key=c.id, members=[])
        incident.members.append(c)
        index.add(c, incident)
        assignment[c.id] = incident.key
    return assignment


def group_archive(records: Iterable[Mapping], predict: Predict, window_days: int = WINDOW_DAYS,
                  threshold: float = LINK_THRESHOLD, batch_size: int = 2000,
                  progress: Callable[[int, int], None] | None = None) -> dict[object, object]:
    """Groups an archive of appeals into incidents: appeal id → incident id.

    Each record has "id", "text", "created" (datetime), "place" (see `place_key`) and optionally
    "lat", "lon". `predict` classifies texts in batches; `progress(done, total)` is told after each.
    """
    records = list(records)
    candidates = []
    for start in range(0, len(records), batch_size):
        batch = records[start:start + batch_size]
        for record, reasons in zip(batch, predict([r["text"] for r in batch]), strict=True):
            candidates.append(Candidate(
                id=record["id"], created=record["created"], place=record["place"], reasons=tuple(reasons),
                text=record["text"], lat=record.get("lat"), lon=record.get("lon")))
        if progress:
            progress(len(candidates), len(records))
    return group_candidates(candidates, window_days, threshold)

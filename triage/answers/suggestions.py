"""Answer suggestions for operators (A3): the answers given to the most similar earlier appeals, as drafts.

Similarity is TF-IDF over lemma keys (`appeals.search`) plus the cosine of navec sentence vectors
(`triage.semantic`). The nearest earlier appeals then vote for their reasons, and a suggestion from the
reason most of them share ranks higher: three answers about one problem serve an operator better than
three about different ones. When the appeal already has a reason, answers to that reason come first.

Why an index in memory and not the journal's full-text search: the journal's search finds appeals that
hold every word of a query, which a whole appeal text almost never matches, and it does not rank by how
telling a word is. The index keeps per answered appeal only its id, reason, lemma keys and a compact
vector (about 0.5 KB), is built in a background thread on first use, and is checked at most every
`CHECK_EVERY_SECONDS` by reading the newest answer; when answered appeals were added, only the new ones are
lemmatised. Answer texts are read from the database for the few suggested appeals only.
`evaluation.answers` runs the same code on plain records.
"""

import threading
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

import numpy as np
from django.db import connections
from django.utils import timezone

from appeals.choices import Status
from appeals.models import Appeal
from appeals.search import index_text

from ..semantic import COMPACT_DIM, compact_vectors, one_blas_thread, sentence_vector, sentence_vectors
from ..tfidf import Tfidf
from .drafts import draft_from_answer, fill_for

ANSWERED_STATUSES = (Status.ANSWERED, Status.CLOSED)
LEXICAL_WEIGHT = 0.7  # the rest is the semantic score
SEMANTIC_BASELINE = 0.0  # a cosine counted as no likeness at all
SAME_MEANING = 0.8  # a cosine at which an earlier appeal counts even without a shared word
NEIGHBOURS = 20  # the nearest earlier appeals that vote for a reason
VOTE_WEIGHT = 0.5
SAME_REASON_BONUS = 1.0  # the appeal's own reason first, when it has one
MIN_SCORE = 0.3  # below it an earlier appeal shares little more than «прошу» and «дом»
CANDIDATES = 10  # ranked before the distinct drafts are picked
CHECK_EVERY_SECONDS = 60.0
REBUILD_IN_BACKGROUND = True  # tests switch it off to see new answers in the same call
FIRST_BUILD_WAIT_SECONDS = 1.0


@dataclass(frozen=True)
class AnswerSuggestion:
    appeal_id: int
    number: str
    reason_id: int | None
    reason: str
    score: float
    draft: str


class AnswerIndex:
    """Earlier appeals as TF-IDF rows and sentence vectors, each with its reason; `rank` finds the nearest."""

    def __init__(self, lemmas: list[str], vectors: np.ndarray | None, reasons: list,
                 lexical_weight: float = LEXICAL_WEIGHT):
        self._codes = {reason: code for code, reason in enumerate(dict.fromkeys(reasons))}
        self.reasons = np.asarray([self._codes[r] for r in reasons], dtype=np.int32)
        self.size = len(lemmas)
        self.lexical_weight = lexical_weight if vectors is not None else 1.0
        self.tfidf = Tfidf(lemmas) if any(lemmas) else None
        self.matrix = self.tfidf.matrix if self.tfidf is not None else None
        self.vectors = vectors

    @classmethod
    def from_texts(cls, texts: list[str], reasons: list, semantic: bool = True) -> "AnswerIndex":
        vectors = None
        if semantic:  # in slices: the full vectors of a large archive are never all in memory at once
            slices = [compact_vectors(sentence_vectors(texts[i:i + 2000])) for i in range(0, len(texts), 2000)]
            vectors = np.vstack(slices) if slices else np.zeros((0, COMPACT_DIM), dtype=np.float32)
        return cls([index_text(t) for t in texts], vectors, reasons)

    @property
    def nbytes(self) -> int:
        size = 0
        if self.matrix is not None:
            size += self.matrix.data.nbytes + self.matrix.indices.nbytes + self.matrix.indptr.nbytes
        if self.vectors is not None:
            size += self.vectors.nbytes
        return size

    def similarity(self, text: str) -> np.ndarray:
        """For every earlier appeal a score in [0, 1]; 0 where it shares no word with the text and means
        something else: vectors alone would find a likeness between any two complaints."""
        scores = np.zeros(self.size)
        if not self.size:
            return scores
        lexical = np.zeros(self.size)
        with one_blas_thread():
            if self.matrix is not None:
                keys = index_text(text)
                query = self.tfidf.transform([keys]).toarray().ravel()
                lexical = self.matrix @ query * self._known_share(keys.split())
            scores += self.lexical_weight * lexical
            evidence = lexical > 0
            if self.vectors is not None:
                cosine = self.vectors @ compact_vectors(sentence_vector(text))[0]
                likeness = (cosine - SEMANTIC_BASELINE) / (1 - SEMANTIC_BASELINE)
                scores += (1 - self.lexical_weight) * np.clip(likeness, 0, 1)
                evidence |= cosine >= SAME_MEANING
        scores[~evidence] = 0.0
        return scores

    def _known_share(self, keys: list[str]) -> float:
        """The part of the query's TF-IDF norm made of words the index knows (an unknown word counts as the
        rarest): «библиотека Маяковского» must not shrink to the «в» it shares with a complaint."""
        vocabulary, idf = self.tfidf.vocabulary_, self.tfidf.idf_
        unknown_idf = np.log(self.size + 1) + 1
        known = total = 0.0
        for key, count in Counter(keys).items():
            position = vocabulary.get(key)
            weight = ((1 + np.log(count)) * (idf[position] if position is not None else unknown_idf)) ** 2
            total += weight
            known += weight if position is not None else 0.0
        return float(np.sqrt(known / total)) if total else 0.0

    def rank(self, text: str, reason=None, exclude=(), limit: int = CANDIDATES) -> list[tuple[int, float]]:
        """(position, similarity) of the best earlier appeals, best first, at least MIN_SCORE alike."""
        scores = self.similarity(text)
        if not len(scores):
            return []
        scores[list(exclude)] = 0.0
        nearest = _top(scores, NEIGHBOURS)
        nearest = nearest[scores[nearest] >= MIN_SCORE]
        own_code = self._codes.get(reason, -1) if reason is not None else -1
        if own_code >= 0:
            own = np.flatnonzero(self.reasons == own_code)
            nearest = np.union1d(nearest, own[_top(scores[own], limit)])
            nearest = nearest[scores[nearest] >= MIN_SCORE]
        votes: dict = {}
        for position in nearest:
            votes[self.reasons[position]] = votes.get(self.reasons[position], 0.0) + scores[position]
        total = sum(votes.values()) or 1.0
        final = {int(p): scores[p] + VOTE_WEIGHT * votes[self.reasons[p]] / total
                 + (SAME_REASON_BONUS if self.reasons[p] == own_code else 0.0)
                 for p in nearest}
        best = sorted(final, key=lambda p: -final[p])[:limit]
        return [(p, float(scores[p])) for p in best]


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    if len(scores) <= k:
        return np.argsort(-scores)
    top = np.argpartition(-scores, k)[:k]
    return top[np.argsort(-scores[top])]


def pick_distinct(ranked: list[tuple[int, float]], draft_of, limit: int) -> list[tuple[int, float, str]]:
    """The first `limit` candidates whose drafts differ: the same template thrice helps nobody."""
    picked, seen = [], set()
    for position, score in ranked:
        draft = draft_of(position)
        key = " ".join(draft.lower().split())
        if not key or key in seen:
            continue
        seen.add(key)
        picked.append((position, score, draft))
        if len(picked) == limit:
            break
    return picked


# --- the company's journal ------------------------------------------------------------------------------------

_lock = threading.Lock()
_state: dict = {"index": None, "ids": [], "lemmas": {}, "signature": None, "checked": 0.0, "builder": None}


def answered_appeals():
    return Appeal.objects.filter(status__in=ANSWERED_STATUSES).exclude(answer_text="")


def forget_index() -> None:
    """Drop the index; the next call builds it again (tests, or after a bulk import)."""
    with _lock:
        _state.update(index=None, ids=[], lemmas={}, signature=None, checked=0.0, builder=None)


def index_ready() -> bool:
    """Whether suggestions can be made: False only while the first index of this process is being built."""
    return _state["index"] is not None


def _signature() -> tuple:
    """The newest answer's time and id: a new answer changes it. One row from the answered-appeals index;
    counting the answered appeals instead read the whole table (0.6 s at a million, every minute in
    every worker)."""
    newest = answered_appeals().filter(answered_at__isnull=False).order_by("-answered_at", "-id")
    return newest.values_list("answered_at", "id").first() or ()


def warm_up() -> None:
    """Start building the index if this process has none, without waiting (a clerk has just logged in:
    by the time an appeal is opened its drafts are ready)."""
    if REBUILD_IN_BACKGROUND:
        _journal_index(wait=0.0)


def _journal_index(wait: float | None = None) -> tuple[AnswerIndex | None, list[int]]:
    """The index, or None while the first one is being built.

    Building reads every answered appeal (seconds on a large journal), so it runs in a background thread:
    the request that starts it waits FIRST_BUILD_WAIT_SECONDS at most (a small journal is ready by then);
    others meanwhile get no drafts at once, and later ones use the index they have while newly answered
    appeals are added.
    """
    started = False
    with _lock:
        due = time.monotonic() - _state["checked"] > CHECK_EVERY_SECONDS
        if _state["builder"] is None and (_state["index"] is None or due):
            _state["checked"] = time.monotonic()
            signature = _signature()
            if _state["index"] is None or signature != _state["signature"]:
                _build(signature)
                started = True
        # Only the request that starts the first build waits for it: on a large journal the build takes
        # minutes, and every appeal page opened meanwhile waited its full second.
        first_build = _state["builder"] if _state["index"] is None and started else None
    wait = FIRST_BUILD_WAIT_SECONDS if wait is None else wait
    if first_build is not None and wait > 0:
        first_build.join(wait)
    with _lock:
        return _state["index"], _state["ids"]


def _build(signature: tuple) -> None:
    """Bring the index up to `signature`: in a background thread, or here when tests switched that off.
    Called under `_lock`."""
    if not REBUILD_IN_BACKGROUND:
        _state.update(signature=signature, **_rebuilt(_state))
        return
    _state["builder"] = threading.Thread(target=_rebuild_in_background, args=(dict(_state), signature), daemon=True,
                                         name="answer-index")
    _state["builder"].start()


def _rebuild_in_background(old: dict, signature: tuple) -> None:
    try:
        fresh = _rebuilt(old)
        with _lock:
            _state.update(signature=signature, **fresh)
    finally:
        with _lock:
            _state["builder"] = None
        connections.close_all()  # this thread's own database connection


def _rebuilt(old: dict) -> dict:
    """Lemmas and vectors of appeals already indexed are kept: only newly answered appeals are read."""
    reasons = dict(answered_appeals().values_list("id", "reason_id"))
    ids = sorted(reasons)
    old_rows = {pk: i for i, pk in enumerate(old["ids"])}
    old_vectors = old["index"].vectors if old["index"] is not None else None
    lemmas = {pk: old["lemmas"][pk] for pk in ids if pk in old_rows}
    vectors = np.zeros((len(ids), COMPACT_DIM), dtype=np.float32)
    for row, pk in enumerate(ids):
        if pk in old_rows and old_vectors is not None:
            vectors[row] = old_vectors[old_rows[pk]]
    missing = [pk for pk in ids if pk not in lemmas]
    rows = {pk: i for i, pk in enumerate(ids)}
    for start in range(0, len(missing), 1000):
        for pk, text in Appeal.objects.filter(pk__in=missing[start:start + 1000]).values_list("id", "text"):
            lemmas[pk] = index_text(text)
            vectors[rows[pk]] = compact_vectors(sentence_vector(text))[0]
    return {"index": AnswerIndex([lemmas.get(pk, "") for pk in ids], vectors, [reasons[pk] for pk in ids]),
            "ids": ids, "lemmas": lemmas}


def _personal_details(appeal: Appeal) -> dict:
    applicant = appeal.applicant
    names = [applicant.full_name] if applicant else []
    contacts = [applicant.phone, applicant.email] if applicant else []
    places = [appeal.address_text, applicant.postal_address if applicant else ""]
    return {"names": names, "contacts": contacts, "places": places}


def suggest_answers(appeal_or_text: Appeal | str, limit: int = 3) -> list[AnswerSuggestion]:
    """Drafts from the answers to the most similar earlier answered appeals, best first.

    An appeal is never suggested to itself, and with a reason set its reason's answers come first. The
    earlier applicant's name, contacts, address and flat never reach the draft (see `triage.answers.drafts`).
    """
    appeal = appeal_or_text if isinstance(appeal_or_text, Appeal) else None
    text = appeal.text if appeal else (appeal_or_text or "")
    if not text.strip():
        return []
    index, ids = _journal_index()
    if index is None:
        return []  # the first index is still being built: `index_ready` tells the page
    exclude = _positions_of(ids, appeal.pk) if appeal else []
    ranked = index.rank(text, reason=appeal.reason_id if appeal else None, exclude=exclude, limit=CANDIDATES)
    earlier = answered_appeals().select_related("reason", "applicant").in_bulk([ids[p] for p, _ in ranked])
    ranked = [(p, s) for p, s in ranked if ids[p] in earlier]  # answers withdrawn since the index was built

    def draft_of(position: int) -> str:
        found = earlier[ids[position]]
        return draft_from_answer(found.answer_text, **_personal_details(found))

    suggestions = []
    for p, s, draft in pick_distinct(ranked, draft_of, limit):
        found = earlier[ids[p]]
        suggestions.append(AnswerSuggestion(appeal_id=found.pk, number=found.number, reason_id=found.reason_id,
                                            reason=found.reason.name if found.reason else "", score=round(s, 4),
                                            draft=_filled(draft, appeal)))
    return suggestions


def _filled(draft: str, appeal: Appeal | None) -> str:
    if appeal is None:
        return draft
    return fill_for(draft, full_name=appeal.applicant.full_name if appeal.applicant_id else "", number=appeal.number,
                    received_on=timezone.localdate(appeal.received_at), flat=appeal.flat)


def _positions_of(ids: list[int], pk: int) -> list[int]:
    """The appeal's row in the index, if it has one: `ids` are sorted, and this runs on every appeal page."""
    at = bisect_left(ids, pk)
    return [at] if at < len(ids) and ids[at] == pk else []

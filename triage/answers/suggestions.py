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
from django.conf import settings
from django.db import connections
from django.utils import timezone

from appeals.choices import Status
from appeals.models import Appeal
from appeals.search import index_text

from ..semantic import COMPACT_DIM, compact_vectors, one_blas_thread, sentence_vector, sentence_vectors
from ..tfidf import Tfidf
from . import stored
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
FIRST_LOOK_SECONDS = 2.0  # how often a process without an index looks for the file a worker is building
BUILD_REQUEST_SECONDS = 600.0  # a process asks for a build at most this often
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
                 lexical_weight: float = LEXICAL_WEIGHT, tfidf: Tfidf | None = None):
        """`tfidf`: one already fitted on these rows (a saved index, `triage.answers.stored`); then `lemmas`
        are not needed."""
        self._codes = {reason: code for code, reason in enumerate(dict.fromkeys(reasons))}
        self.reasons = np.asarray([self._codes[r] for r in reasons], dtype=np.int32)
        self.size = len(reasons)
        self.lexical_weight = lexical_weight if vectors is not None else 1.0
        self.tfidf = tfidf if tfidf is not None else (Tfidf(lemmas) if any(lemmas) else None)
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

_lock = threading.RLock()  # re-entered when a test builds and loads inline
_EMPTY = {"index": None, "ids": [], "signature": None, "stamp": None, "checked": -1e9, "worker": None,
          "requested": -1e9}
_state: dict = dict(_EMPTY)


def forget_index() -> None:
    """Drop the index, in memory and on disk; the next call builds it again (tests, or after a bulk import)."""
    with _lock:
        _state.update(_EMPTY)
    stored.remove()


def index_ready() -> bool:
    """Whether suggestions can be made: False only until this process has loaded its first index."""
    return _state["index"] is not None


def warm_up() -> None:
    """Start loading (or asking for) the index if this process has none, without waiting (a clerk has just
    logged in: by the time an appeal is opened its drafts are ready)."""
    if REBUILD_IN_BACKGROUND:
        _journal_index(wait=0.0)


def _journal_index(wait: float | None = None) -> tuple[AnswerIndex | None, list[int]]:
    """The index, or None while the first one is being built.

    A web process never builds it (`triage.answers.stored`): it loads the file when the file changes, and
    at most every CHECK_EVERY_SECONDS (every FIRST_LOOK_SECONDS while it has none) compares the newest
    answer with the one its index was built up to; when they differ it asks for a build. Only the request
    that starts the first load or build waits for it, FIRST_BUILD_WAIT_SECONDS at most.
    """
    started = None
    with _lock:
        every = CHECK_EVERY_SECONDS if _state["index"] is not None else min(CHECK_EVERY_SECONDS, FIRST_LOOK_SECONDS)
        if _state["worker"] is None and time.monotonic() - _state["checked"] >= every:
            _state["checked"] = time.monotonic()
            started = _refresh()
    wait = FIRST_BUILD_WAIT_SECONDS if wait is None else wait
    if started is not None and _state["index"] is None and wait > 0:
        started.join(wait)
    with _lock:
        return _state["index"], _state["ids"]


def _refresh() -> threading.Thread | None:
    """Load a newer file, or ask for a build when the journal has answers the index lacks. Under `_lock`."""
    on_disk = stored.stamp()
    if on_disk is not None and on_disk != _state["stamp"]:
        return _work(build=False)
    if on_disk is None or stored.newest_answer() != _state["signature"]:
        return _work(build=True)
    return None


def _work(build: bool) -> threading.Thread | None:
    if not REBUILD_IN_BACKGROUND:  # tests: built and loaded here, to see new answers in the same call
        if build:
            stored.build()
        _load()
        return None
    if build and not settings.CELERY_TASK_ALWAYS_EAGER:
        if time.monotonic() - _state["requested"] > BUILD_REQUEST_SECONDS:
            _state["requested"] = time.monotonic()
            from ..tasks import build_answer_index

            build_answer_index.delay()  # a Celery worker builds; the next look here loads the file
        return None
    # The embedded default runs its tasks in-process: there the build has this thread of its own.
    _state["worker"] = threading.Thread(target=_in_background, args=(build,), daemon=True, name="answer-index")
    _state["worker"].start()
    return _state["worker"]


def _in_background(build: bool) -> None:
    try:
        if build:
            stored.build()
        _load()
    finally:
        with _lock:
            _state["worker"] = None
        connections.close_all()  # this thread's own database connection


def _load() -> None:
    fresh = stored.load()
    if fresh is not None:
        with _lock:
            _state.update(fresh)


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
    earlier = stored.answered_appeals().select_related("reason", "applicant").in_bulk([ids[p] for p, _ in ranked])
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

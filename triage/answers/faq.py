"""A resident's question matched to the FAQ (A3), for the public site and for operators.

Each entry is read as several wordings — its question and each of its «other wordings» — and a
question is compared with every wording in two ways: TF-IDF over lemma keys (`appeals.search`, so
«счётчики» meets «счётчик» and «протекла» meets «протекает») and the cosine of SIF-averaged navec
vectors (`triage.semantic`), which lets «водомер» find «счётчик». An entry scores by its best wording;
below `MIN_SCORE` nothing is returned, so a question the FAQ does not cover gets no random answer.

The index lives in process memory and is rebuilt when the entries change (their count and latest
`updated_at` are checked on every call: one small aggregate query).
"""

import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from django.db.models import Count, Max
from scipy import sparse

from appeals.search import is_verb, search_keys, search_words, word_key

from ..models import FaqEntry
from ..semantic import one_blas_thread, sentence_vector, sentence_vectors

LEXICAL_WEIGHT = 0.5  # the rest is the semantic score; chosen with evaluation.faq on triage/data/faq_eval.jsonl
SEMANTIC_BASELINE = 0.3  # the cosine two unrelated questions still have: counted as no likeness at all
SAME_MEANING = 0.75  # a cosine at which a wording counts even without a shared word
MIN_SCORE = 0.2
VERB_WEIGHT = 0.5  # what a question is about is in its nouns: «вызвать такси» is not «вызвать сантехника»
# Words a question is made of whatever it asks: without them «как передать показания» and «как получить
# справку» do not look alike. «Квартира» is in nearly every resident's question and tells none apart.
STOP_WORDS = (
    "а и или но да же ли бы не ни нет то это этот тот так как что чтобы кто где куда когда откуда почему зачем "
    "сколько какой каков чей в во на с со к ко по о об от до из за для при без над под про у через после "
    "я мы вы ты он она они оно мой наш ваш твой свой его её ее их себя весь все всё уже еще ещё очень "
    "можно нужно надо должный мочь хотеть подсказать подскаж сказ пожалуйста здравствуйте добрый день "
    "быть есть делать сделать если там тут здесь вот ну квартира"
)
_lock = threading.Lock()
_cache: dict = {}


@dataclass(frozen=True)
class FaqMatch:
    entry: FaqEntry
    score: float


@lru_cache(maxsize=1)
def _stop_keys() -> frozenset[str]:
    return frozenset(search_keys(STOP_WORDS))


@lru_cache(maxsize=50_000)
def _key_weight(word: str) -> tuple[str, float]:
    word = word.lower().replace("ё", "е")
    return word_key(word), VERB_WEIGHT if is_verb(word) else 1.0


def weighted_keys(text: str) -> dict[str, float]:
    """Lemma keys of the text without the words every question has, each with its part-of-speech weight."""
    stop, keys = _stop_keys(), {}
    for word in search_words(text):
        key, weight = _key_weight(word)
        if key not in stop and len(key) > 1:
            keys[key] = max(keys.get(key, 0.0), weight)
    return keys


def wordings(entry) -> list[str]:
    parts = [entry.question] + (entry.keywords or "").replace("\n", ";").split(";")
    return [p.strip() for p in parts if p.strip()]


class FaqIndex:
    """Entries as wordings, with their TF-IDF rows and sentence vectors; `scores` rates every entry."""

    def __init__(self, entries, lexical_weight: float = LEXICAL_WEIGHT, semantic: bool = True):
        self.entries = list(entries)
        self.lexical_weight = lexical_weight if semantic else 1.0
        texts, owners = [], []
        for i, entry in enumerate(self.entries):
            for text in wordings(entry):
                texts.append(text)
                owners.append(i)
        self.owners = np.asarray(owners, dtype=np.int64)
        self.published = np.asarray([bool(e.is_published) for e in self.entries], dtype=bool)
        rows = [weighted_keys(t) for t in texts]
        self.vocabulary = {k: i for i, k in enumerate(sorted({k for row in rows for k in row}))}
        df = np.zeros(len(self.vocabulary))
        for row in rows:
            df[[self.vocabulary[k] for k in row]] += 1
        self.idf = np.log((1 + len(rows)) / (1 + df)) + 1  # smoothed, as scikit-learn's
        self.unknown_idf = float(np.log(1 + len(rows)) + 1)  # a word that no wording has
        self.lexical = sparse.vstack([self._row(row) for row in rows]).tocsr() if rows else None
        self.vectors = sentence_vectors(texts) if semantic else None

    def _row(self, keys: dict[str, float]) -> sparse.csr_matrix:
        """The l2-normalised TF-IDF row of `keys`, the unknown ones counted in the norm as the rarest:
        otherwise «купить квартиру в ипотеку» would shrink to «квартира» and match a flood at full strength."""
        row = np.zeros(len(self.vocabulary))
        norm = 0.0
        for key, weight in keys.items():
            position = self.vocabulary.get(key)
            value = weight * (self.idf[position] if position is not None else self.unknown_idf)
            norm += value * value
            if position is not None:
                row[position] = value
        return sparse.csr_matrix(row / np.sqrt(norm) if norm else row)

    def scores(self, question: str) -> np.ndarray:
        """A score in [0, 1] for every entry, from its best wording; 0 where no wording shares a word with the
        question or says nearly the same."""
        best = np.zeros(len(self.entries))
        keys = weighted_keys(question)
        if self.lexical is None or not keys:
            return best
        lexical = (self.lexical @ self._row(keys).T).toarray().ravel()
        combined = self.lexical_weight * lexical
        evidence = lexical > 0
        if self.vectors is not None:
            vector = sentence_vector(question)
            with one_blas_thread():
                cosine = self.vectors @ vector
            likeness = (cosine - SEMANTIC_BASELINE) / (1 - SEMANTIC_BASELINE)
            combined += (1 - self.lexical_weight) * np.clip(likeness, 0, 1)
            evidence |= cosine >= SAME_MEANING
        # A wording must share a word with the question or say nearly the same: a vague likeness of meaning
        # also joins «как продать машину» with «как заказать сантехника».
        combined[~evidence] = 0.0
        np.maximum.at(best, self.owners, combined)
        return best

    def match(self, question: str, limit: int = 3, published_only: bool = True,
              min_score: float = MIN_SCORE) -> list[FaqMatch]:
        scores = self.scores(question)
        if published_only:
            scores = np.where(self.published, scores, 0.0)
        order = np.argsort(-scores, kind="stable")[:limit]
        return [FaqMatch(self.entries[i], round(float(scores[i]), 4)) for i in order if scores[i] >= min_score]


def _current_index() -> FaqIndex:
    state = FaqEntry.objects.aggregate(count=Count("id"), changed=Max("updated_at"), last=Max("id"))
    key = (state["count"], state["changed"], state["last"])
    with _lock:
        if _cache.get("key") != key:
            entries = FaqEntry.objects.select_related("category").order_by("order", "id")
            _cache["index"] = FaqIndex(entries)
            _cache["key"] = key
        return _cache["index"]


def match_faq(question: str, limit: int = 3, published_only: bool = True) -> list[FaqMatch]:
    """The FAQ entries that answer `question`, best first; empty when none is close enough.

    `published_only=False` is for operators, who may also see entries hidden from the public site.
    """
    if not (question or "").strip():
        return []
    return _current_index().match(question, limit=limit, published_only=published_only)

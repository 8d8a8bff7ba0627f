"""The answer-draft index as a file: built by a task or a command, read by the web processes.

Building lemmatises and embeds every text it holds (minutes on a large journal): it runs in a Celery
worker (`triage.tasks.build_answer_index`, `manage.py build_answer_index`), and a web process only loads
the finished file. The index holds the newest `ANSWER_INDEX_PER_REASON` answered appeals of each reason:
its size, and the time a draft costs, stay the same whether the journal holds a thousand answers or a
million, and recent answers are the ones an operator would reuse. A rebuild lemmatises only appeals the
previous file did not hold. The file is written beside its final name and renamed over it, so a reader
sees the old index or the new one, never half of either.
"""

import os
import tempfile
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from appeals.models import Appeal
from appeals.search import index_text

from ..semantic import COMPACT_DIM, compact_vectors, sentence_vector
from ..tfidf import Tfidf

NO_REASON = -1


def path() -> Path:
    return Path(settings.ANSWER_INDEX_PATH)


def answered_appeals():
    from .suggestions import ANSWERED_STATUSES

    return Appeal.objects.filter(status__in=ANSWERED_STATUSES).exclude(answer_text="")


def newest_answer() -> tuple:
    """The newest answer's time and id: a new answer changes it. One row from the answered-appeals index;
    counting the answered appeals instead read the whole table (0.6 s at a million)."""
    newest = answered_appeals().filter(answered_at__isnull=False).order_by("-answered_at", "-id")
    found = newest.values_list("answered_at", "id").first()
    return (found[0].timestamp(), found[1]) if found else ()


def _kept() -> dict[int, int]:
    """id → reason id (NO_REASON for none) of the newest answered appeals of every reason, up to the cap."""
    ranked = answered_appeals().annotate(
        place=Window(RowNumber(), partition_by=[F("reason_id")], order_by=[F("received_at").desc(), F("id").desc()]))
    rows = ranked.filter(place__lte=settings.ANSWER_INDEX_PER_REASON).values_list("id", "reason_id")
    return {pk: NO_REASON if reason is None else reason for pk, reason in rows}


def _source() -> str:
    """Which database the index was built from: a server on another database never loads it."""
    db = settings.DATABASES["default"]
    return f"{db['ENGINE']}|{db.get('HOST') or ''}|{db.get('PORT') or ''}|{db['NAME']}"


def _blob(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    encoded = [t.encode() for t in texts]
    ends = np.cumsum([len(e) for e in encoded], dtype=np.int64)
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), ends


def _unblob(data: np.ndarray, ends: np.ndarray) -> list[str]:
    if not len(ends):
        return []
    raw = data.tobytes()
    starts = np.concatenate(([0], ends[:-1]))
    return [raw[s:e].decode() for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]


def _previous(where: Path) -> dict[int, tuple[str, np.ndarray]]:
    """id → (lemma keys, vector) of the index on disk, to be kept by the next build."""
    if not where.exists():
        return {}
    with np.load(where) as stored:
        if _unblob(stored["source"], stored["source_end"]) != [_source()]:
            return {}
        ids, vectors = stored["ids"].tolist(), stored["vectors"]
        lemmas = _unblob(stored["lemmas"], stored["lemma_ends"])
        return {pk: (lemmas[row], vectors[row]) for row, pk in enumerate(ids)}


def build(where: Path | None = None) -> dict:
    """Write the index for the journal as it is now; returns its size and what had to be read anew."""
    where = where or path()
    signature = newest_answer()
    reasons = _kept()
    ids = sorted(reasons)
    old = _previous(where)
    lemmas, vectors = [""] * len(ids), np.zeros((len(ids), COMPACT_DIM), dtype=np.float32)
    rows = {pk: row for row, pk in enumerate(ids)}
    missing = []
    for pk in ids:
        if pk in old:
            lemmas[rows[pk]], vectors[rows[pk]] = old[pk]
        else:
            missing.append(pk)
    del old
    for start in range(0, len(missing), 1000):
        for pk, text in Appeal.objects.filter(pk__in=missing[start:start + 1000]).values_list("id", "text"):
            lemmas[rows[pk]] = index_text(text)
            vectors[rows[pk]] = compact_vectors(sentence_vector(text))[0]
    parts = {"ids": np.asarray(ids, dtype=np.int64), "reasons": np.asarray([reasons[pk] for pk in ids], np.int64),
             "vectors": vectors, "signature": np.asarray(signature or (0.0, 0), dtype=np.float64)}
    parts["lemmas"], parts["lemma_ends"] = _blob(lemmas)
    parts["source"], parts["source_end"] = _blob([_source()])
    if any(lemmas):
        tfidf = Tfidf(lemmas)
        terms = sorted(tfidf.vocabulary_, key=tfidf.vocabulary_.get)
        parts["terms"], parts["term_ends"] = _blob(terms)
        parts.update(idf=tfidf.idf_, data=tfidf.matrix.data, indices=tfidf.matrix.indices,
                     indptr=tfidf.matrix.indptr)
    where.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=where.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez(out, **parts)
        os.replace(temporary, where)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return {"appeals": len(ids), "read": len(missing), "bytes": where.stat().st_size}


def load(where: Path | None = None) -> dict | None:
    """What a web process serves from: {index, ids, signature, stamp}, or None when there is no file yet.
    The lemma keys stay on disk: only a build needs them."""
    from .suggestions import AnswerIndex

    where = where or path()
    try:
        stamp = where.stat().st_mtime_ns
        stored = np.load(where)
    except FileNotFoundError:
        return None
    with stored:
        if "source" not in stored.files or _unblob(stored["source"], stored["source_end"]) != [_source()]:
            return None
        ids, reasons, vectors = stored["ids"].tolist(), stored["reasons"], stored["vectors"]
        tfidf = None
        if "terms" in stored.files:
            terms = _unblob(stored["terms"], stored["term_ends"])
            tfidf = Tfidf.restore({t: i for i, t in enumerate(terms)}, stored["idf"],
                                  (stored["data"], stored["indices"], stored["indptr"]), len(ids))
        signature = tuple(stored["signature"].tolist())
    signature = () if signature == (0.0, 0.0) else (signature[0], int(signature[1]))
    index = AnswerIndex([], vectors, [None if r == NO_REASON else r for r in reasons.tolist()], tfidf=tfidf)
    return {"index": index, "ids": ids, "signature": signature, "stamp": stamp}


def stamp(where: Path | None = None) -> int | None:
    try:
        return (where or path()).stat().st_mtime_ns
    except FileNotFoundError:
        return None


def remove(where: Path | None = None) -> None:
    (where or path()).unlink(missing_ok=True)

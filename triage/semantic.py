"""Sentence vectors from the navec news embeddings that ship inside the natasha package.

Nothing is downloaded: the model file is part of the installed package. A sentence is the SIF-weighted
average of its words' unit vectors (Arora et al., 2017): a word weighs a / (a + p(word)), so frequent
words («в», «нет», «дом») count little and rare, telling ones («сосулька», «дератизация») count much;
then the direction every sentence shares (the expected SIF-weighted word) is removed, so that
unrelated sentences are no longer alike merely by being Russian.
Loading takes about a second and some 110 MB of memory, once per process.
"""

import re
from functools import lru_cache

import numpy as np

from appeals.search import word_key
from priemnaya.matching import fold

DIM = 300
COMPACT_DIM = 64  # for large indexes: a fifth of the memory, the same neighbours (measured on the archive)
_SIF_A = 1e-3
_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)?", re.IGNORECASE)


_COMMON_WORDS = 20_000


@lru_cache(maxsize=1)
def _blas():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread():
    """For one product of a matrix and a vector: on a busy server more BLAS threads only wait for each other."""
    return _blas().limit(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def embedding():
    """natasha's navec news embedding, loaded once per process for every user (NER, sentence vectors)."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


@lru_cache(maxsize=1)
def _model():
    model = embedding()
    counts = np.asarray(model.vocab.counts, dtype=np.float64)
    return model, counts / counts.sum()


@lru_cache(maxsize=1)
def _word_space() -> tuple[np.ndarray, np.ndarray]:
    """From the most frequent words, SIF-weighted: the direction every sentence shares, and the principal
    directions onto which `compact_vectors` project."""
    model, share = _model()
    top = [i for i in np.argsort(-share)[:_COMMON_WORDS] if model.vocab.words[i] not in ("<unk>", "<pad>")]
    words = _unpack(top).astype(np.float64) * (_SIF_A / (_SIF_A + share[top]))[:, None]
    common = share[top] @ words
    values, directions = np.linalg.eigh(words.T @ words)
    principal = directions[:, np.argsort(-values)[:COMPACT_DIM]]
    return (common / np.linalg.norm(common)).astype(np.float32), principal.astype(np.float32)


def _unpack(ids: list[int]) -> np.ndarray:
    """Unit vectors of vocabulary ids (navec stores vectors product-quantised: unpacking rows at once is
    fast, and no per-word vector needs to be cached)."""
    pq = _model()[0].pq
    vectors = pq.codes[pq.qdims, pq.indexes[ids]].reshape(len(ids), DIM).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1)


@lru_cache(maxsize=100_000)
def _word(word: str) -> tuple[int, float] | None:
    """The vocabulary id and SIF weight of a word form; an unknown form falls back to its lemma."""
    model, share = _model()
    for form in (word, word_key(word)):
        index = model.vocab.get(form)
        if index is not None and index < len(share) and form not in ("<unk>", "<pad>"):
            return index, _SIF_A / (_SIF_A + share[index])
    return None


def sentence_vector(text: str) -> np.ndarray:
    """A unit vector for the text (zeros when no word is known), float32 of DIM."""
    found = [f for f in map(_word, _WORD.findall(fold(text))) if f is not None]
    if not found:
        return np.zeros(DIM, dtype=np.float32)
    weights = np.asarray([weight for _, weight in found], dtype=np.float32)
    total = weights @ _unpack([index for index, _ in found])
    common = _word_space()[0]
    total -= (total @ common) * common
    norm = float(np.linalg.norm(total))
    return total / norm if norm > 0 else total


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """Rows of `sentence_vector`, one per text."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.vstack([sentence_vector(t) for t in texts])


def compact_vectors(vectors: np.ndarray) -> np.ndarray:
    """Sentence vectors projected on the COMPACT_DIM principal directions of the word space, unit length."""
    projected = np.atleast_2d(vectors) @ _word_space()[1]
    norms = np.linalg.norm(projected, axis=1, keepdims=True)
    return projected / np.where(norms > 0, norms, 1)

"""TF-IDF for serving, as scikit-learn computes it, without importing scikit-learn.

Importing scikit-learn's text features alone holds some 65 MB in every web worker; serving needs only its
n-grams and its TF-IDF (smooth idf, sublinear tf, rows of unit length, float32). Training keeps scikit-learn;
tests hold both to give the same grams and the same rows.
"""

import re
from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp

_TOKEN = re.compile(r"\S+")  # TfidfVectorizer(token_pattern=r"\S+")
_SPACES = re.compile(r"\s\s+")


def word_grams(text: str) -> list[str]:
    """Words and pairs of neighbouring words (ngram_range=(1, 2) over `\\S+` tokens)."""
    tokens = _TOKEN.findall(text)
    return tokens + [" ".join(tokens[i:i + 2]) for i in range(len(tokens) - 1)]


def char_wb_grams(text: str, min_n: int = 2, max_n: int = 5) -> list[str]:
    """Character n-grams inside words padded with a space (analyzer="char_wb"); a word shorter than n
    counts once."""
    grams = []
    for word in _SPACES.sub(" ", text).split():
        word = f" {word} "
        for n in range(min_n, max_n + 1):
            grams += [word[i:i + n] for i in range(max(1, len(word) - n + 1))]
            if len(word) <= n:
                break
    return grams


class Tfidf:
    """TfidfVectorizer(analyzer=..., sublinear_tf=True, dtype=np.float32) fitted on `documents`, to the last
    bit: the terms of a row are summed in scikit-learn's order (while fitting, the order terms were first
    met in), in float32."""

    def __init__(self, documents: Sequence[str], analyze: Callable[[str], list[str]] = str.split):
        self.analyze = analyze
        grams = [analyze(d) for d in documents]
        met = {g: i for i, g in enumerate(dict.fromkeys(g for doc in grams for g in doc))}
        counts = self._counts(grams, met)
        self.vocabulary_ = {g: i for i, g in enumerate(sorted(met))}
        position = np.zeros(len(met), dtype=np.int32)
        for g, i in met.items():
            position[i] = self.vocabulary_[g]
        counts.indices = position[counts.indices]
        df = np.bincount(counts.indices, minlength=len(met)).astype(np.float32) + np.float32(1)
        self.idf_ = np.log(np.float32(len(documents) + 1) / df) + np.float32(1)
        self.matrix = self._weigh(counts)

    @classmethod
    def restore(cls, vocabulary: dict[str, int], idf: np.ndarray, matrix: tuple, rows: int,
                analyze: Callable[[str], list[str]] = str.split) -> "Tfidf":
        """A fitted TF-IDF as it was saved: its vocabulary, idf and the rows' (data, indices, indptr)."""
        tfidf = cls.__new__(cls)
        tfidf.analyze, tfidf.vocabulary_, tfidf.idf_ = analyze, vocabulary, idf
        tfidf.matrix = sp.csr_matrix(matrix, shape=(rows, len(vocabulary)), dtype=np.float32)
        return tfidf

    def transform(self, documents: Sequence[str]) -> sp.csr_matrix:
        return self._weigh(self._counts([self.analyze(d) for d in documents], self.vocabulary_))

    @staticmethod
    def _counts(grams: list[list[str]], vocabulary: dict[str, int]) -> sp.csr_matrix:
        indptr, indices, values = [0], [], []
        for doc in grams:
            row: dict[int, int] = {}
            for g in doc:
                k = vocabulary.get(g)
                if k is not None:
                    row[k] = row.get(k, 0) + 1
            columns = sorted(row)
            indices += columns
            values += [row[k] for k in columns]
            indptr.append(len(indices))
        return sp.csr_matrix((np.asarray(values, np.float32), np.asarray(indices, np.int32), indptr),
                             shape=(len(grams), len(vocabulary)), dtype=np.float32)

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        data = (np.log(counts.data) + np.float32(1)) * self.idf_[counts.indices]
        squares = (data * data).astype(np.float64)  # squared in float32, summed in float64, as scikit-learn
        for start, end in zip(counts.indptr[:-1], counts.indptr[1:], strict=True):
            if end > start:  # np.add.accumulate adds one after another, as scikit-learn's loop does
                data[start:end] = data[start:end] / np.sqrt(np.add.accumulate(squares[start:end])[-1])
        counts.data = data
        return counts

"""Classifying appeal texts: word lemmas and characters → a linear SVM → calibrated probabilities.

Two views of a text are read: lemma 1–2-grams (so word forms meet) and character 2–5-grams
(typos, glued words). A linear SVM scores every class; rare classes get a fixed lift (logit
adjustment, `rare_boost`); a temperature and a map of the top answer's confidence, both fitted on
held-out examples, turn scores into probabilities that mean what they say. Recent months weigh
more in training (`monthly_decay`): what residents write about follows the season.

Saving and loading live in `io`; the features of one text are computed here without
scikit-learn's per-call overhead, so one appeal takes well under a millisecond.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..text import char_text, lemma_text, letter_body
from ..tfidf import char_wb_grams, word_grams

FORMAT = 1  # the artifact layout; a model saved in another layout is refused with a clear message
VIEWS = ("words", "chars")
MIN_ANSWER_CHARS = 40  # shorter answers («Выполнено.») say nothing of the problem
ANSWER_CHARS = 300  # the start of an answer names the problem; the rest is procedure (and costs fitting time)
Progress = Callable[[str], None]
Map = tuple[float, float]  # (a, b) of σ(a·logit(p) + b)


class ModelError(Exception):
    """A model is missing, damaged, of another format or cannot be trained; the message is for people."""


@dataclass(frozen=True)
class Prediction:
    label: str
    score: float
    top3: tuple[tuple[str, float], ...]

    def as_dict(self) -> dict:
        return {"label": self.label, "score": round(self.score, 4),
                "top3": [[label, round(score, 4)] for label, score in self.top3]}


@dataclass
class Settings:
    """Hyper-parameters; the defaults are the ones measured best on the city portal's appeals."""

    min_df: int = 2
    C: float = 1.0
    monthly_decay: float = 0.3  # an example k months older than the newest weighs exp(-0.3·k)
    rare_boost: float = 0.2  # log-probabilities get −rare_boost·log(class share): rare classes are not drowned
    keep_weights: float = 0.8  # share of every class's |weight| mass kept; the rest is pruned (measured harmless)
    answer_weight: float = 0.6  # an answer given to an appeal is one more example of its label, weighing this much
    letters: bool = False  # the texts are formal letters: their frame (heading, greetings, closing) is read away


class View:
    """One view of a text (`words` or `chars`): its vocabulary and idf, tf-idf rows like scikit-learn's."""

    def __init__(self, name: str, vocabulary: dict[str, int], idf: np.ndarray):
        self.name, self.vocabulary, self.idf = name, vocabulary, idf.astype(np.float32)
        # The grams scikit-learn's vectorizer makes in training, without importing it to serve.
        if name not in _ANALYZERS:
            raise ModelError(f"Неизвестный вид признаков: {name}")
        self.analyze = _ANALYZERS[name]

    @classmethod
    def fit(cls, name: str, texts: Sequence[str], min_df: int) -> tuple["View", sp.csr_matrix]:
        vectorizer = _vectorizer(name, min_df)
        try:
            matrix = vectorizer.fit_transform(texts)
        except ValueError:  # scikit-learn's "no terms remain" / "empty vocabulary": too few texts
            raise ModelError(f"Слишком мало текста для обучения: ни один признак не встречается хотя бы в "
                             f"{min_df} примерах.") from None
        return cls(name, vectorizer.vocabulary_, vectorizer.idf_), matrix.tocsr()

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Sublinear tf × idf, each row of unit length (as TfidfVectorizer, without its per-call cost)."""
        indptr, indices, values = [0], [], []
        for text in texts:
            counts: dict[int, int] = {}
            for gram in self.analyze(text):
                k = self.vocabulary.get(gram)
                if k is not None:
                    counts[k] = counts.get(k, 0) + 1
            columns = np.fromiter(counts, np.int32, len(counts))
            row = (1 + np.log(np.fromiter(counts.values(), np.float32, len(counts)))) * self.idf[columns]
            norm = float(np.sqrt(row @ row))
            indices.append(columns)
            values.append(row / norm if norm else row)
            indptr.append(indptr[-1] + len(columns))
        return sp.csr_matrix((np.concatenate(values) if values else [], np.concatenate(indices) if indices else [],
                              indptr), shape=(len(texts), len(self.vocabulary)), dtype=np.float32)


_ANALYZERS = {"words": word_grams, "chars": char_wb_grams}


def _vectorizer(name: str, min_df: int = 1):
    from sklearn.feature_extraction.text import TfidfVectorizer  # training only: serving needs no scikit-learn

    common = {"sublinear_tf": True, "dtype": np.float32, "min_df": min_df, "lowercase": False}
    if name == "words":
        return TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"\S+", **common)
    if name == "chars":
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), **common)
    raise ModelError(f"Неизвестный вид признаков: {name}")


def _view_texts(name: str, texts: Sequence[str], lemmas: Sequence[str]) -> Sequence[str]:
    return lemmas if name == "words" else [char_text(t) for t in texts]


def _lemmatise(texts: Sequence[str], progress: Progress | None) -> list[str]:
    out = []
    for i, text in enumerate(texts, start=1):
        out.append(lemma_text(text))
        if progress and len(texts) > 2_000 and (i % 10_000 == 0 or i == len(texts)):
            progress(f"лемматизация: {i} из {len(texts)}")
    return out


def month_weights(dates: Sequence[dt.date | None], decay: float) -> np.ndarray:
    """exp(−decay × months before the newest dated example); undated examples weigh as the newest."""
    months = [d.year * 12 + d.month if d else None for d in dates]
    known = [m for m in months if m is not None]
    if not known or not decay:
        return np.ones(len(dates))
    newest = max(known)
    return np.exp([-decay * (newest - m) if m is not None else 0.0 for m in months])


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    np.exp(scores, out=scores)
    return scores / scores.sum(axis=1, keepdims=True)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _fit_temperature(scores: np.ndarray, target: np.ndarray, adjust: np.ndarray) -> float:
    def log_loss(t: float) -> float:
        p = _softmax(scores * t + adjust)[np.arange(len(target)), target]
        return float(-np.log(np.maximum(p, 1e-12)).mean())

    best = min(np.exp(np.linspace(np.log(0.05), np.log(200), 120)), key=log_loss)
    return float(min(np.linspace(best / 1.1, best * 1.1, 41), key=log_loss))


def _fit_map(confidence: np.ndarray, correct: np.ndarray) -> Map:
    """The top answer's confidence map: a softmax of SVM scores is too sure of its best guesses and
    too modest about its doubtful ones, which one temperature cannot fix."""
    if len(correct) < 50 or correct.all() or not correct.any():
        return (1.0, 0.0)
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=100.0).fit(_logit(confidence)[:, None], correct)
    return (float(model.coef_[0, 0]), float(model.intercept_[0]))


def _apply_map(proba: np.ndarray, confidence_map: Map) -> np.ndarray:
    """The top probability of each row mapped; the others scaled to keep the row's sum at one."""
    rows, top = np.arange(len(proba)), proba.argmax(axis=1)
    confidence = proba[rows, top]
    a, b = confidence_map
    mapped = 1 / (1 + np.exp(-(a * _logit(confidence) + b)))
    rest = proba.sum(axis=1) - confidence  # not 1 − confidence: float sums of near-certain rows overshoot
    second = np.partition(proba, -2, axis=1)[:, -2] if proba.shape[1] > 1 else np.zeros(len(proba))
    floor = np.divide(second, rest + second, out=np.zeros_like(rest), where=rest > 1e-9) + 1e-6
    mapped = np.minimum(np.maximum(mapped, floor), 1.0)  # the top answer stays on top
    scale = np.divide(1 - mapped, rest, out=np.zeros_like(rest), where=rest > 1e-9)
    proba = proba * scale[:, None]
    proba[rows, top] = mapped
    return proba


def _prune(coef: np.ndarray, keep: float) -> sp.csr_matrix:
    """Features × classes: per class, the largest weights holding `keep` of its |weight| mass."""
    if keep >= 1:
        return sp.csr_matrix(coef.T.astype(np.float32))
    pruned = np.zeros_like(coef, dtype=np.float32)
    for k, row in enumerate(coef):
        order = np.argsort(-np.abs(row))
        mass = np.cumsum(np.abs(row[order]))
        n = int(np.searchsorted(mass, keep * mass[-1])) + 1
        pruned[k, order[:n]] = row[order[:n]]
    return sp.csr_matrix(pruned.T)


@dataclass
class TextClassifier:
    """Train with `fit`, make its probabilities honest with `calibrate`, then `predict`."""

    settings: Settings = field(default_factory=Settings)
    classes: list[str] = field(default_factory=list)
    parents: dict[str, str] = field(default_factory=dict)  # label → its category, when labels form a tree
    label_ids: dict[str, list] = field(default_factory=dict)  # label → ids in the source's classification
    temperature: float = 5.0  # typical of a linear SVM on tf-idf; `calibrate` fits the real one
    confidence_map: Map = (1.0, 0.0)
    group_maps: dict[str, Map] = field(default_factory=dict)  # grouping name → the map of its top group
    meta: dict = field(default_factory=dict)
    views: list[View] = field(default_factory=list)
    weights: sp.csr_matrix | None = None  # features (all views, in order) × classes
    intercept: np.ndarray | None = None
    adjust: np.ndarray | None = None  # −rare_boost·log(class share), added to the tempered scores

    # Training -------------------------------------------------------------------------------------

    def fit(self, texts: Sequence[str], labels: Sequence[str], *, dates: Sequence[dt.date | None] | None = None,
            parents: dict[str, str] | None = None, answers: Sequence[str] | None = None,
            progress: Progress | None = None) -> "TextClassifier":
        """Learn from labelled texts; `dates` (when known) make recent months weigh more; `parents`
        (label → category) let `parent_proba` add the labels up to categories; `answers` (the answer each
        appeal got, "" for none) are more examples of the same labels, weighing `answer_weight` each: an
        answer names the problem in the words of whoever handled it (+0.02 macro-F1 on the portal's
        reasons). The vocabulary stays the appeals' own: the words of answers alone are no features."""
        if len(set(labels)) < 2:
            raise ModelError("Для обучения нужны примеры хотя бы двух классов.")
        if answers and len(answers) != len(texts):
            raise ModelError("Ответов должно быть столько же, сколько текстов (пустая строка — ответа нет).")
        say = progress or (lambda message: None)
        texts = self._prepared(texts)
        lemmas = _lemmatise(texts, progress)
        self.views, blocks = [], []
        for name in VIEWS:
            view, block = View.fit(name, _view_texts(name, texts, lemmas), self.settings.min_df)
            self.views.append(view)
            blocks.append(block)
            say(f"признаки «{name}»: {len(view.vocabulary)}")
        weights = month_weights(dates or [None] * len(texts), self.settings.monthly_decay)
        matrix, targets = sp.hstack(blocks, format="csr"), np.asarray(labels)
        answered = [i for i, answer in enumerate(answers or []) if len(answer) >= MIN_ANSWER_CHARS]
        if answered and self.settings.answer_weight > 0:
            said = [answers[i][:ANSWER_CHARS] for i in answered]
            matrix = sp.vstack([matrix, self._features(said, _lemmatise(said, progress))], format="csr")
            targets = np.concatenate([targets, targets[answered]])
            weights = np.concatenate([weights, self.settings.answer_weight * weights[answered]])
            say(f"ответы на обращения как примеры: {len(answered)}")
        say(f"обучение: {len(texts)} примеров, {len(set(labels))} классов (на больших данных — несколько минут)")
        from sklearn.svm import LinearSVC

        svm = LinearSVC(C=self.settings.C, tol=1e-3, max_iter=2000).fit(matrix, targets, sample_weight=weights)
        self.classes = [str(c) for c in svm.classes_]
        binary = len(self.classes) == 2
        coef = np.vstack([-svm.coef_[0], svm.coef_[0]]) if binary else svm.coef_
        self.intercept = (np.array([-svm.intercept_[0], svm.intercept_[0]]) if binary else svm.intercept_)
        self.intercept = self.intercept.astype(np.float32)
        counts = np.unique(np.asarray(labels), return_counts=True)[1].astype(float)  # in the order of classes
        self.adjust = (-self.settings.rare_boost * np.log(counts / counts.sum())).astype(np.float32)
        self.weights = _prune(coef, self.settings.keep_weights)
        self.parents = {c: parents[c] for c in self.classes if c in (parents or {})}
        say(f"обучено; весов после прореживания: {self.weights.nnz}")
        return self

    def calibrate(self, texts: Sequence[str], labels: Sequence[str],
                  groupings: dict[str, dict[str, str]] | None = None) -> float:
        """Fit, on held-out labelled texts, the temperature (minimum log-loss), the confidence map of the
        top class, and one of the top group for the categories and every named grouping of the labels
        (label → group; `group_proba`). Returns the temperature."""
        known = [i for i, label in enumerate(labels) if label in self.classes]
        if not known:
            return self.temperature
        scores = self.scores([texts[i] for i in known])
        index = {c: k for k, c in enumerate(self.classes)}
        target = np.array([index[labels[i]] for i in known])
        self.temperature = _fit_temperature(scores, target, self.adjust)
        proba = _softmax(scores * self.temperature + self.adjust)
        self.confidence_map = _fit_map(proba.max(axis=1), proba.argmax(axis=1) == target)
        proba = _apply_map(proba, self.confidence_map)
        groupings = ({"parent": self.parents} if self.parents else {}) | (groupings or {})
        for name, grouping in groupings.items():
            names, member = self.membership(grouping)
            sums = proba @ member
            truth = np.array([names.index(grouping.get(self.classes[t], self.classes[t])) for t in target])
            self.group_maps[name] = _fit_map(sums.max(axis=1), sums.argmax(axis=1) == truth)
        return self.temperature

    # Prediction -----------------------------------------------------------------------------------

    def features(self, texts: Sequence[str]) -> sp.csr_matrix:
        if self.weights is None:
            raise ModelError("Модель не обучена.")
        texts = self._prepared(texts)
        return self._features(texts, [lemma_text(t) for t in texts])

    def _prepared(self, texts: Sequence[str]) -> Sequence[str]:
        return [letter_body(t) for t in texts] if self.settings.letters else texts

    def _features(self, texts: Sequence[str], lemmas: Sequence[str]) -> sp.csr_matrix:
        return sp.hstack([view.transform(_view_texts(view.name, texts, lemmas)) for view in self.views],
                         format="csr")

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Raw class scores (texts × classes), before the temperature."""
        return (self.features(texts) @ self.weights).toarray() + self.intercept

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, texts × `classes`: the top one is its chance of being right."""
        return _apply_map(_softmax(self.scores(texts) * self.temperature + self.adjust), self.confidence_map)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        return [self._prediction(row) for row in self.predict_proba(texts)]

    def predict_one(self, text: str) -> Prediction:
        return self.predict([text])[0]

    def _prediction(self, row: np.ndarray) -> Prediction:
        top3 = tuple((self.classes[k], float(row[k])) for k in np.argsort(-row)[:3])
        return Prediction(top3[0][0], top3[0][1], top3)

    def membership(self, grouping: dict[str, str]) -> tuple[list[str], np.ndarray]:
        """The groups of `grouping` (label → group; a label not in it is its own group), sorted, and the
        classes × groups matrix that adds probabilities of labels up to them (for `group_proba`)."""
        names = sorted({grouping.get(c, c) for c in self.classes})
        index = {p: i for i, p in enumerate(names)}
        member = np.zeros((len(self.classes), len(names)), np.float32)
        for k, c in enumerate(self.classes):
            member[k, index[grouping.get(c, c)]] = 1.0
        return names, member

    def group_proba(self, texts: Sequence[str], member: np.ndarray, name: str = "") -> np.ndarray:
        """Probabilities of groups of labels (`membership`): the sums of their labels' probabilities, the top
        one calibrated when the grouping `name` was calibrated."""
        return self.grouped(self.predict_proba(texts), member, name)

    def grouped(self, proba: np.ndarray, member: np.ndarray, name: str = "") -> np.ndarray:
        """`group_proba` of label probabilities already computed (texts × classes)."""
        return _apply_map(proba @ member, self.group_maps.get(name, (1.0, 0.0)))

    def parent_proba(self, texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """Calibrated probabilities of the categories."""
        if not self.parents:
            raise ModelError("У классов модели нет категорий.")
        names, member = self.membership(self.parents)
        return names, self.group_proba(texts, member, "parent")

    # Versions and files ---------------------------------------------------------------------------

    def stamp(self, *, data: str, metrics: dict | None = None, name: str = "model") -> None:
        """Version the model: the date, a short hash of what it learned, the data and the metrics."""
        digest = hashlib.sha1(self.weights.data.tobytes() + json.dumps(self.classes).encode()).hexdigest()[:8]
        now = dt.datetime.now().replace(microsecond=0)
        self.meta = {"name": name, "version": f"{name}-{now:%Y%m%d}-{digest}", "trained_at": now.isoformat(),
                     "data": data, "metrics": metrics or {}, "settings": asdict(self.settings)}

    @property
    def version(self) -> str:
        return self.meta.get("version", "")

    def save(self, path: str | Path) -> Path:
        from .io import save

        return save(self, Path(path))

    @classmethod
    def load(cls, path: str | Path) -> "TextClassifier":
        from .io import load

        return load(Path(path))

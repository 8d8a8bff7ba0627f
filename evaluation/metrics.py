"""Quality of a classifier on held-out appeals: the numbers and their report for people."""

from collections import Counter
from dataclasses import asdict, dataclass, field

import numpy as np


@dataclass
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Evaluation:
    """Accuracy, macro-F1 over the classes present in the test set, calibration error, confusions."""

    accuracy: float
    macro_f1: float
    ece: float
    n: int
    classes: list[ClassScore] = field(default_factory=list)
    confused: list[tuple[str, str, int]] = field(default_factory=list)  # (true, predicted, count)

    def summary(self) -> dict:
        """The headline numbers, small enough to store inside a model."""
        return {"accuracy": round(self.accuracy, 4), "macro_f1": round(self.macro_f1, 4),
                "ece": round(self.ece, 4), "n": self.n}

    def as_dict(self) -> dict:
        return asdict(self)


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 15) -> float:
    """How far the stated confidence of the top answer is from its observed accuracy, averaged over bins."""
    confidence, correct = np.asarray(confidence, float), np.asarray(correct, float)
    if not len(confidence):
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    error = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            error += mask.mean() * abs(correct[mask].mean() - confidence[mask].mean())
    return float(error)


def per_class(true: list[str], predicted: list[str]) -> list[ClassScore]:
    """Precision, recall and F1 of every class present in `true`, most frequent first."""
    support = Counter(true)
    hits = Counter(t for t, p in zip(true, predicted, strict=True) if t == p)
    guessed = Counter(predicted)
    scores = []
    for label, n in support.most_common():
        precision = hits[label] / guessed[label] if guessed[label] else 0.0
        recall = hits[label] / n
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append(ClassScore(label, precision, recall, f1, n))
    return scores


def evaluate(true: list[str], predicted: list[str], confidence=None, top_confused: int = 10) -> Evaluation:
    """Compare predictions with the truth; `confidence` (the top probability) gives the calibration error."""
    if not true:
        raise ValueError("Нет примеров для оценки.")
    classes = per_class(true, predicted)
    correct = np.array([t == p for t, p in zip(true, predicted, strict=True)])
    pairs = Counter((t, p) for t, p in zip(true, predicted, strict=True) if t != p)
    ece = expected_calibration_error(confidence, correct) if confidence is not None else float("nan")
    return Evaluation(accuracy=float(correct.mean()), macro_f1=float(np.mean([c.f1 for c in classes])), ece=ece,
                      n=len(true), classes=classes,
                      confused=[(t, p, n) for (t, p), n in pairs.most_common(top_confused)])


def _short(label: str, width: int) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def report(evaluation: Evaluation, title: str = "", width: int = 60) -> str:
    """A plain-text report: headline numbers, the per-class table and the most confused pairs."""
    e = evaluation
    lines = [title] if title else []
    lines.append(f"Примеров: {e.n}; accuracy {e.accuracy:.3f}; macro-F1 {e.macro_f1:.3f} "
                 f"(по {len(e.classes)} классам из тестовой части); ECE {e.ece:.3f}")
    lines.append(f"{'класс':<{width}} {'точн.':>6} {'полн.':>6} {'F1':>6} {'прим.':>6}")
    for c in e.classes:
        lines.append(f"{_short(c.label, width):<{width}} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                     f"{c.support:6d}")
    if e.confused:
        lines.append("Чаще всего путаются (верный класс → предсказанный: сколько):")
        half = (width * 2) // 3
        lines.extend(f"  {_short(t, half)} → {_short(p, half)}: {n}" for t, p, n in e.confused)
    return "\n".join(lines)

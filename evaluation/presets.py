"""Choosing the preset of `triage.classifier.presets` for a data set by how each does on the data itself.

Each preset is fitted on the training data less a part held back — the latest month when the records are
dated, a random fifth with identical texts on one side otherwise — on a sample of at most `SAMPLE` records
(for time: a 50,000-record file trains within minutes), and scored there; the best macro-F1 wins, a tie goes
to the plain one. The bench gives its own validation month instead (`validation`).
"""

import random
import time
from dataclasses import dataclass

from triage.classifier import Settings, TextClassifier
from triage.classifier.datasets import Examples, grouped_split, temporal_split
from triage.classifier.model import Progress
from triage.classifier.presets import PRESETS

from .metrics import evaluate

SAMPLE, VALIDATION_SAMPLE = 12_000, 4_000


@dataclass
class Choice:
    name: str
    settings: Settings
    scores: dict[str, dict[str, float]]  # preset → its macro-F1 and accuracy (`score`) on the held-back part
    how: str  # the held-back part, in words

    def explain(self) -> str:
        table = "; ".join(f"{name} {s['macro_f1']:.3f} (точность {s['accuracy']:.3f})"
                          for name, s in self.scores.items())
        return f"выбрана предустановка «{self.name}» ({PRESETS[self.name][1]}): macro-F1 на {self.how}: {table}"


def dated(examples: Examples) -> bool:
    return len({(d.year, d.month) for d in examples.dates if d}) >= 2 and (
        sum(1 for d in examples.dates if d) > len(examples) // 2)


def _sample(indices: list[int], size: int, seed: int) -> list[int]:
    return sorted(random.Random(seed).sample(indices, size)) if len(indices) > size else indices


def score(settings: Settings, fit: Examples, held: Examples) -> dict[str, float]:
    """Macro-F1 and accuracy of a model with these settings fitted on `fit`, on `held`; of the categories
    too when the labels have them."""
    model = TextClassifier(settings=settings).fit(fit.texts, fit.labels, dates=fit.dates, parents=fit.parents,
                                                  answers=fit.answers)
    predictions = model.predict(held.texts)
    found = evaluate(held.labels, [p.label for p in predictions]).summary()
    result = {"macro_f1": found["macro_f1"], "accuracy": found["accuracy"]}
    if model.parents:
        parents, proba = model.parent_proba(held.texts)
        known = model.parents | held.parents
        truth = [known.get(label, label) for label in held.labels]
        categories = evaluate(truth, [parents[k] for k in proba.argmax(axis=1)]).summary()
        result |= {"category_macro_f1": categories["macro_f1"], "category_accuracy": categories["accuracy"]}
    return result


def choose(examples: Examples, progress: Progress | None = None, *, sample: int | None = SAMPLE,
           validation: Examples | None = None, names=tuple(PRESETS)) -> Choice:
    """The preset with the best macro-F1 on a held-back part of `examples` (or on `validation` when given)."""
    say = progress or (lambda message: None)
    if validation is not None:
        fit_part, held, how = list(range(len(examples))), validation, "проверочной части"
    else:
        if dated(examples):
            fit_part, held_part = temporal_split(examples)
            how = "последнем месяце обучающих данных"
        else:
            fit_part, held_part = grouped_split(examples, test_share=0.2, seed=2)
            how = "отложенной пятой части обучающих данных"
        held = examples.subset(_sample(held_part, VALIDATION_SAMPLE, seed=3) if sample else held_part)
    fit = examples.subset(_sample(fit_part, sample, seed=4) if sample else fit_part)
    scores = {}
    for name in names:
        started = time.monotonic()
        scores[name] = score(PRESETS[name][0], fit, held)
        say(f"предустановка «{name}»: macro-F1 {scores[name]['macro_f1']:.3f}, точность "
            f"{scores[name]['accuracy']:.3f} ({len(fit)} примеров, {time.monotonic() - started:.0f} с)")
    best = max(names, key=lambda name: (scores[name]["macro_f1"], name == "plain"))
    return Choice(best, PRESETS[best][0], scores, f"{how} ({len(held)} записей)")

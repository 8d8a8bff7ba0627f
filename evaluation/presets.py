"""Choosing the preset of `triage.classifier.presets` for a data set by how each does on the data itself.

Each preset is fitted on the training data less a part held back and scored there: the latest month when the
records are dated; otherwise a small file (at most `SMALL` records) is cross-validated in `FOLDS` folds and a
larger one holds back a random fifth — identical texts always on one side. A large file is sampled (at most
`SAMPLE` records to fit on) so that a 50,000-record file trains within minutes. The best macro-F1 wins, under
two guards: a preset less accurate than plain by more than `ACCURACY_SLACK` never wins (a lift for rare classes
can buy macro-F1 with accuracy), and plain is kept unless another beats it by `MARGIN` (what a preset adds must
be more than the noise). A preset that would read the texts as another one does is not tried: the letters preset
only where at least `LETTERS_SHARE` of the texts have a letter's frame. The bench gives its own validation month
instead (`validation`).
"""

import random
import time
from dataclasses import dataclass, field

from triage.classifier import Settings
from triage.classifier.datasets import Examples, grouped_folds, grouped_split, temporal_split
from triage.classifier.model import Progress
from triage.classifier.presets import PRESETS
from triage.classifier.training import measured_model
from triage.text import clean_text, letter_body

from .metrics import evaluate

SAMPLE, VALIDATION_SAMPLE = 12_000, 4_000
MIN_FIT = 10  # a part fitted on fewer records, or on one class, says nothing about a preset
SMALL, FOLDS = 5_000, 5  # below SMALL records one held-back part is too few texts per class to choose on
ACCURACY_SLACK = 0.005  # the noise between runs of one preset; more lost to plain is a real loss
MARGIN = 0.005  # macro-F1 another preset must gain over plain: the same noise
LETTERS_SHARE = 0.1  # below it the letters preset reads almost every text as plain does (the portal: 2.6 %)


@dataclass
class Choice:
    name: str
    settings: Settings
    scores: dict[str, dict[str, float]]  # preset → its macro-F1 and accuracy (`score`) on the held-back part
    how: str  # the held-back part, in words
    skipped: dict[str, str] = field(default_factory=dict)  # preset → why it was not tried

    def explain(self) -> str:
        table = "; ".join(f"{name} {s['macro_f1']:.3f} (точность {s['accuracy']:.3f})"
                          for name, s in self.scores.items())
        about = f"выбрана предустановка «{self.name}» ({PRESETS[self.name][1]})"
        if not self.scores:
            return f"{about}: {self.how}"
        text = f"{about}: macro-F1 на {self.how}: {table}"
        return text + "".join(f"; «{name}» не пробовали: {why}" for name, why in self.skipped.items())


def dated(examples: Examples) -> bool:
    return len({(d.year, d.month) for d in examples.dates if d}) >= 2 and (
        sum(1 for d in examples.dates if d) > len(examples) // 2)


def letter_share(texts) -> float:
    """The share of texts that have a letter's frame (a heading, greetings, a closing) to read away."""
    return sum(letter_body(t) != clean_text(t) for t in texts) / max(1, len(texts))


def _not_tried(examples: Examples, names) -> dict[str, str]:
    share = letter_share(examples.texts) if "letters" in names else 1.0
    if share < LETTERS_SHARE:
        return {"letters": f"рамка письма только у {share:.1%} текстов, он прочёл бы их как plain"}
    return {}


def winner(scores: dict[str, dict[str, float]]) -> str:
    """The best macro-F1 among the presets at most `ACCURACY_SLACK` less accurate than plain, if it beats plain
    by `MARGIN`; else plain."""
    plain = scores.get("plain")
    floor = plain["accuracy"] - ACCURACY_SLACK if plain else 0.0
    fair = [name for name, s in scores.items() if s["accuracy"] >= floor]
    if not fair:
        return "plain"
    best = max(fair, key=lambda name: scores[name]["macro_f1"])
    return "plain" if plain and scores[best]["macro_f1"] < plain["macro_f1"] + MARGIN else best


def _sample(indices: list[int], size: int | None, seed: int) -> list[int]:
    return sorted(random.Random(seed).sample(indices, size)) if size and len(indices) > size else indices


def score(settings: Settings, parts: list[tuple[Examples, Examples]]) -> dict[str, float]:
    """Macro-F1 and accuracy of models with these settings, each made from the first of a (fit, held) pair as
    training makes the measured one (`calibration_probe`: the calibration moves what a lift for rare classes
    does) and predicting the second, over all the held texts together; of the categories too when the labels
    have them."""
    truth, guessed, category_truth, category_guessed = [], [], [], []
    for fit, held in parts:
        model = measured_model(fit, settings)
        truth += held.labels
        guessed += [p.label for p in model.predict(held.texts)]
        if model.parents:
            parents, proba = model.parent_proba(held.texts)
            known = model.parents | held.parents
            category_truth += [known.get(label, label) for label in held.labels]
            category_guessed += [parents[k] for k in proba.argmax(axis=1)]
    found = evaluate(truth, guessed).summary()
    result = {"macro_f1": found["macro_f1"], "accuracy": found["accuracy"]}
    if category_truth:
        categories = evaluate(category_truth, category_guessed).summary()
        result |= {"category_macro_f1": categories["macro_f1"], "category_accuracy": categories["accuracy"]}
    return result


def _parts(examples: Examples, sample: int | None) -> tuple[list[tuple[Examples, Examples]], str]:
    """The (fit, held) pairs the presets are scored on, and where that is, in words."""
    if dated(examples):
        splits, where = [temporal_split(examples)], "последнем месяце обучающих данных"
    elif len(examples) <= SMALL:
        splits, where = grouped_folds(examples, FOLDS, seed=2), f"перекрёстной проверке в {FOLDS} частях"
    else:
        splits, where = [grouped_split(examples, test_share=0.2, seed=2)], "отложенной пятой части обучающих данных"
    held_size = VALIDATION_SAMPLE if sample else None
    return [(examples.subset(_sample(fit, sample, 4)), examples.subset(_sample(held, held_size, 3)))
            for fit, held in splits], where


def usable(fit: Examples, held: Examples) -> bool:
    return len(held) > 0 and len(fit) >= MIN_FIT and len(set(fit.labels)) >= 2


def choose(examples: Examples, progress: Progress | None = None, *, sample: int | None = SAMPLE,
           validation: Examples | None = None, names=tuple(PRESETS)) -> Choice:
    """The preset `winner` makes of the scores on held-back parts of `examples` (or on `validation` when given)."""
    say = progress or (lambda message: None)
    if validation is not None:
        parts, where = [(examples, validation)], "проверочной части"
    else:
        parts, where = _parts(examples, sample)
    parts = [(fit, held) for fit, held in parts if usable(fit, held)]
    if not parts:
        return Choice("plain", PRESETS["plain"][0], {}, "данных слишком мало, чтобы выбирать: взята простая модель")
    how = f"{where} ({sum(len(held) for _fit, held in parts)} записей)"
    skipped = _not_tried(examples, names)
    names = [name for name in names if name not in skipped]
    scores = {}
    for name in names:
        started = time.monotonic()
        scores[name] = score(PRESETS[name][0], parts)
        say(f"предустановка «{name}»: macro-F1 {scores[name]['macro_f1']:.3f}, точность "
            f"{scores[name]['accuracy']:.3f} (обучение на {len(parts[0][0])} примерах"
            f"{f' × {len(parts)}' if len(parts) > 1 else ''}, {time.monotonic() - started:.0f} с)")
    best = winner(scores)
    return Choice(best, PRESETS[best][0], scores, how, skipped)

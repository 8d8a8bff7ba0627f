"""The classifier measured as it is shipped: the shipped procedure on one part, scored on the held-out part.

`train` makes the calibration probe of `triage.classifier.training` on the training part of a split
(`grouped`: random, identical texts on one side; `temporal`: the latest month) — fitted on that part less
its latest tenth, calibrated on the tenth — and measures it on the test part; then it fits on every example
with the probe's calibration. The model measured is the shipped procedure's with a tenth less to learn from
(so its figures lean low), and one whole fit is saved: a 50,000-record file trains within ten minutes. The
plain preset beside it learns from the same records. `measure` scores any model on labelled examples (labels
and, when they have them, categories); the numbers are `evaluation.metrics`.
"""

import time
from dataclasses import dataclass

from triage.classifier import Settings, TextClassifier
from triage.classifier.datasets import Examples, grouped_split, temporal_split
from triage.classifier.model import Progress
from triage.classifier.presets import PLAIN
from triage.classifier.training import calibration_probe, fit_shipped, measured_model, probe_parts

from .metrics import Evaluation, evaluate
from .presets import Choice, choose

SPLITS = ("grouped", "temporal", "none")


@dataclass
class TrainingResult:
    model: TextClassifier
    evaluation: Evaluation | None  # of the labels (reasons)
    parent_evaluation: Evaluation | None  # of the categories, when the labels have them
    choice: Choice | None = None  # how the preset was chosen, when it was
    baseline: Evaluation | None = None  # the plain preset on the same held-out part, when another was chosen


def measure(model: TextClassifier, test: Examples) -> tuple[Evaluation, Evaluation | None]:
    """The model's evaluation on labelled examples, and of their categories when the labels have them."""
    predictions = model.predict(test.texts)
    evaluation = evaluate(test.labels, [p.label for p in predictions], [p.score for p in predictions])
    if not model.parents:
        return evaluation, None
    parents, proba = model.parent_proba(test.texts)
    known = model.parents | test.parents
    true = [known.get(label, label) for label in test.labels]
    best = proba.argmax(axis=1)
    return evaluation, evaluate(true, [parents[k] for k in best], proba.max(axis=1))


def train(examples: Examples, *, settings: Settings | None = None, split: str = "grouped",
          progress: Progress | None = None) -> TrainingResult:
    """Measure the shipped procedure on a held-out split (unless `split` is "none"), then fit on all.

    Without `settings` the preset is chosen on the training part alone (`evaluation.presets.choose`), and the
    plain preset, fitted on what the measured model was fitted on, is measured on the same held-out part."""
    say = progress or (lambda message: None)
    started = time.monotonic()
    if split == "none":
        choice = None if settings else choose(examples, progress)
        if choice:
            say(choice.explain())
        model = fit_shipped(examples, settings or choice.settings, progress)
        say(f"готово за {time.monotonic() - started:.0f} с")
        return TrainingResult(model, None, None, choice)
    train_part, test_part = temporal_split(examples) if split == "temporal" else grouped_split(examples)
    known, test = examples.subset(train_part), examples.subset(test_part)
    say(f"оценка: обучение на {len(known)}, проверка на {len(test)} ({split})")
    choice = None if settings else choose(known, progress)
    if choice:
        say(choice.explain())
        settings = choice.settings
    probe = calibration_probe(known, settings, progress)
    evaluation, parent_evaluation = measure(probe or measured_model(known, settings, progress), test)
    baseline = None
    if choice and choice.settings != PLAIN:
        say("для сравнения: простая модель (plain) на тех же данных")
        parts = probe_parts(known)
        same = parts[0] if parts else known
        plain = TextClassifier(settings=PLAIN).fit(same.texts, same.labels, dates=same.dates, parents=same.parents,
                                                   answers=same.answers, progress=progress)
        baseline, _ = measure(plain, test)  # uncalibrated: calibration moves no answer of the plain model
    say(f"оценка готова за {time.monotonic() - started:.0f} с; обучение на всех {len(examples)} примерах")
    # The measured probe calibrates the model on all examples too: the calibration shipped is the one measured.
    model = fit_shipped(examples, settings, progress, probe or calibration_probe(examples, settings, progress))
    say(f"готово за {time.monotonic() - started:.0f} с")
    return TrainingResult(model, evaluation, parent_evaluation, choice, baseline)

"""Training a `TextClassifier` the way it is shipped: calibrated on a probe, measured on held-out appeals.

Calibration needs examples the model has not seen, and the latest ones are the most like tomorrow's.
So a probe model is fitted on all but the latest tenth and calibrated on that tenth; the real model is
fitted on everything and takes the probe's calibration. With an evaluation split, the same is done
on the training part and measured on the test part (`grouped`: random, identical texts on one side;
`temporal`: the latest month), so the numbers printed are those of the procedure that is shipped.
"""

import time
from dataclasses import dataclass

from ..metrics import Evaluation, evaluate
from .datasets import Examples, grouped_split, temporal_split
from .model import Progress, Settings, TextClassifier
from .tree import tree_grouping

SPLITS = ("grouped", "temporal", "none")
MIN_FOR_CALIBRATION = 300  # below this, holding a tenth out costs more than calibration gives


@dataclass
class TrainingResult:
    model: TextClassifier
    evaluation: Evaluation | None  # of the labels (reasons)
    parent_evaluation: Evaluation | None  # of the categories, when the labels have them


def _calibration_split(examples: Examples, share: float = 0.1) -> tuple[list[int], list[int]]:
    if sum(1 for d in examples.dates if d) > len(examples) // 2:
        order = sorted(range(len(examples)), key=lambda i: (examples.dates[i] is not None, examples.dates[i]))
        cut = len(order) - max(1, round(len(order) * share))
        return order[:cut], order[cut:]
    return grouped_split(examples, test_share=share, seed=1)


def _fit(examples: Examples, settings: Settings, progress: Progress | None) -> TextClassifier:
    model = TextClassifier(settings=settings).fit(examples.texts, examples.labels, dates=examples.dates,
                                                  parents=examples.parents, answers=examples.answers,
                                                  progress=progress)
    model.label_ids = {label: sorted(ids, key=str) for label, ids in examples.label_ids.items()}
    return model


def calibration_probe(examples: Examples, settings: Settings,
                      progress: Progress | None = None) -> TextClassifier | None:
    """A model fitted on all but the latest tenth (a random tenth when undated) and calibrated on it;
    None for a set too small to spare a tenth (the defaults of `TextClassifier` are kept then)."""
    if len(examples) < MIN_FOR_CALIBRATION:
        return None
    fit_part, calibration_part = _calibration_split(examples)
    held = examples.subset(calibration_part)
    probe = _fit(examples.subset(fit_part), settings, progress)
    temperature = probe.calibrate(held.texts, held.labels, {"tree": tree_grouping(probe)})
    if progress:
        progress(f"калибровка на {len(held)} отложенных примерах: температура {temperature:.2f}")
    return probe


def fit_shipped(examples: Examples, settings: Settings, progress: Progress | None = None,
                probe: TextClassifier | None = None) -> TextClassifier:
    """Fit on every example and take the calibration of `probe` (made here when not given)."""
    probe = probe or calibration_probe(examples, settings, progress)
    model = _fit(examples, settings, progress)
    if probe is not None:
        model.temperature, model.confidence_map, model.group_maps = (probe.temperature, probe.confidence_map,
                                                                     dict(probe.group_maps))
    return model


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
    """Measure the shipped procedure on a held-out split (unless `split` is "none"), then fit on all."""
    settings = settings or Settings()
    say = progress or (lambda message: None)
    started = time.monotonic()
    if split == "none":
        model = fit_shipped(examples, settings, progress)
        say(f"готово за {time.monotonic() - started:.0f} с")
        return TrainingResult(model, None, None)
    train_part, test_part = temporal_split(examples) if split == "temporal" else grouped_split(examples)
    known, test = examples.subset(train_part), examples.subset(test_part)
    say(f"оценка: обучение на {len(known)}, проверка на {len(test)} ({split})")
    probe = calibration_probe(known, settings, progress)
    evaluation, parent_evaluation = measure(fit_shipped(known, settings, progress, probe), test)
    say(f"оценка готова за {time.monotonic() - started:.0f} с; обучение на всех {len(examples)} примерах")
    # The measured probe calibrates the model on all examples too: the calibration shipped is the one
    # measured, and one fit is saved.
    model = fit_shipped(examples, settings, progress, probe or calibration_probe(examples, settings, progress))
    say(f"готово за {time.monotonic() - started:.0f} с")
    return TrainingResult(model, evaluation, parent_evaluation)

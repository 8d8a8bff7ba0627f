"""Training a `TextClassifier` the way it is shipped: fitted on every example, calibrated on a probe.

Calibration needs examples the model has not seen, and the latest ones are the most like tomorrow's.
So a probe model is fitted on all but the latest tenth and calibrated on that tenth; the real model is
fitted on everything and takes the probe's calibration. How well this procedure does on held-out
appeals is measured in `evaluation.classifier`.
"""

from .datasets import Examples, grouped_split
from .model import Progress, Settings, TextClassifier
from .tree import tree_grouping

MIN_FOR_CALIBRATION = 300  # below this, holding a tenth out costs more than calibration gives


def _calibration_split(examples: Examples, share: float = 0.1) -> tuple[list[int], list[int]]:
    """The probe's (fit, calibration) indices: the latest tenth held out when most records are dated."""
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


def probe_parts(examples: Examples) -> tuple[Examples, Examples] | None:
    """The records the calibration probe is fitted on and those it is calibrated on: all but the latest tenth
    (a random tenth when undated) and that tenth; None for a set too small to spare a tenth."""
    if len(examples) < MIN_FOR_CALIBRATION:
        return None
    fit_part, calibration_part = _calibration_split(examples)
    return examples.subset(fit_part), examples.subset(calibration_part)


def calibration_probe(examples: Examples, settings: Settings,
                      progress: Progress | None = None) -> TextClassifier | None:
    """A model fitted and calibrated on `probe_parts`; None for a set too small to spare a tenth (the defaults of
    `TextClassifier` are kept then)."""
    parts = probe_parts(examples)
    if parts is None:
        return None
    fit, held = parts
    probe = _fit(fit, settings, progress)
    temperature = probe.calibrate(held.texts, held.labels, {"tree": tree_grouping(probe)})
    if progress:
        progress(f"калибровка на {len(held)} отложенных примерах: температура {temperature:.2f}")
    return probe


def measured_model(examples: Examples, settings: Settings, progress: Progress | None = None) -> TextClassifier:
    """The model training measures: the calibration probe, or for a set too small to spare a tenth, one fitted
    on every example."""
    return calibration_probe(examples, settings, progress) or _fit(examples, settings, progress)


def fit_shipped(examples: Examples, settings: Settings, progress: Progress | None = None,
                probe: TextClassifier | None = None) -> TextClassifier:
    """Fit on every example and take the calibration of `probe` (made here when not given)."""
    probe = probe or calibration_probe(examples, settings, progress)
    model = _fit(examples, settings, progress)
    if probe is not None:
        model.temperature, model.confidence_map, model.group_maps = (probe.temperature, probe.confidence_map,
                                                                     dict(probe.group_maps))
    return model

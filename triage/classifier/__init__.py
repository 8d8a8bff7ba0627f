"""The classifier: an appeal's text → reasons with calibrated probabilities.

What the rest of the project calls:
- `rank(text)`: our reasons for one text, best first, from the model in use (the TRIAGE_MODEL setting or
  the shipped `triage/trained/reasons.npz`, loaded once per process); `reset()` forgets it;
- `TextClassifier` (fit, predict, save, load), its `Settings` and `ModelError`; `TreeModel`, the model
  seen through the company's tree of reasons, and `DEFAULT_MODEL`, the shipped file.

Inside: `model` (features, linear SVM, calibration), `io` (the `.npz` file), `tree` (portal reasons added
up to ours), `predictor` (the model in use), `datasets` (labelled files and the journal as examples),
`training` (the shipped procedure: fit, and calibrate on the latest tenth).
"""

from importlib import import_module

from .predictor import Ranking, rank, reset

# The model's modules bring scikit-learn, which a process that never ranks need not load: they are
# imported when one of their names is first asked for.
_FROM_MODULE = {"TextClassifier": ".model", "Settings": ".model", "ModelError": ".model", "Prediction": ".model",
                "TreeModel": ".tree", "DEFAULT_MODEL": ".tree"}

__all__ = ["Ranking", "rank", "reset", *_FROM_MODULE]


def __getattr__(name: str):
    if name not in _FROM_MODULE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_FROM_MODULE[name], __name__), name)

"""The model's view of a text in the company's tree: reasons ranked with calibrated probabilities.

The model in use is the one named by the TRIAGE_MODEL setting (a path), or the default model that
ships with the project. It is loaded once per process. Without a model file triage still works on
its rules and keyword reasons, and says so in every decision ("model version" empty).
"""

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_loaded: dict = {}  # model path → its TreeModel, or None when there is no file


@dataclass(frozen=True)
class Ranking:
    version: str = ""
    options: list[tuple[str, float]] = field(default_factory=list)  # (reason code, probability), best first


def _model():
    # Imported here: the classifier brings scikit-learn, which a process that never ranks need not load.
    from .model import ModelError
    from .tree import DEFAULT_MODEL, TreeModel

    path = Path(settings.TRIAGE_MODEL or DEFAULT_MODEL)
    with _lock:
        if path not in _loaded:
            try:
                _loaded[path] = TreeModel.load(path) if path.exists() else None
            except ModelError:  # intake must go on; the system check names the file
                logger.exception("Triage model %s cannot be loaded: rules and keywords only", path)
                _loaded[path] = None
            if not path.exists():
                logger.warning("No triage model at %s: rules and keywords only", path)
        return _loaded[path]


def rank(text: str, limit: int = 3) -> Ranking:
    model = _model()
    if model is None:
        return Ranking()
    if not (text or "").strip():
        return Ranking(version=model.version)
    return Ranking(version=model.version, options=model.rank(text, limit))


def reset() -> None:
    """Forget the loaded model (after retraining, or in tests that switch models)."""
    with _lock:
        _loaded.clear()

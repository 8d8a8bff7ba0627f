"""The model's view of a text in the company's tree: reasons ranked with calibrated probabilities.

The model in use is the one named by the TRIAGE_MODEL setting (a path), or the default model that
ships with the project. It is loaded once per process. Without a model file triage still works on
its rules and keyword reasons, and says so in every decision ("model version" empty).
"""

import logging
import threading
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_loaded: dict = {}


@dataclass(frozen=True)
class Ranking:
    version: str = ""
    options: list[tuple[str, float]] = field(default_factory=list)  # (reason code, probability), best first


def _model():
    from django.conf import settings

    from .tree_model import load_tree_model

    path = getattr(settings, "TRIAGE_MODEL", "") or None
    with _lock:
        if path not in _loaded:
            try:
                _loaded[path] = load_tree_model(path)
            except FileNotFoundError:
                logger.warning("No triage model at %s: rules and keywords only", path or "the default path")
                _loaded[path] = None
        return _loaded[path]


def rank(text: str, limit: int = 3) -> Ranking:
    model = _model()
    if model is None or not (text or "").strip():
        return Ranking(version=getattr(model, "version", "") if model else "")
    return Ranking(version=model.version, options=model.rank(text, limit))


def reset() -> None:
    """Forget the loaded model (after retraining, or in tests that switch models)."""
    with _lock:
        _loaded.clear()

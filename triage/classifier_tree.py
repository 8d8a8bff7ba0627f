"""The classifier seen through the company's tree: our reasons, their categories, calibrated scores.

The shipped model knows the city portal's reasons; each of our reasons lists the portal reasons it
covers (`appeals.default_tree`), so the probabilities of portal reasons add up to ours, and what the
company does not handle (roads, traffic lights, advertising) adds up to manual triage (reason None).
A model trained on our own journal has our reason codes as labels and needs no mapping.
Emergency rules and keyword reasons are not here: `triage.services.propose` puts them together.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from appeals.default_tree import TREE
from appeals.reference import portal_reason_map

from .classifier import TextClassifier

DEFAULT_MODEL = Path(__file__).resolve().parent / "trained" / "reasons.npz"
# Our reason code → its category code, from the default tree.
CATEGORY_OF = {code: category for (category, _name), reasons in TREE.items() for code, *_rest in reasons}


@dataclass(frozen=True)
class Suggestion:
    reason: str | None  # our reason code; None: the company does not handle it (manual triage)
    category: str | None  # our category code
    score: float  # the probability that `reason` is right
    top3: tuple[tuple[str | None, float], ...]

    def as_dict(self) -> dict:
        return {"reason": self.reason, "category": self.category, "score": round(self.score, 4),
                "top3": [[code, round(p, 4)] for code, p in self.top3]}


def our_code(label: str, source_ids: Sequence, portal: dict[int, str]) -> str | None:
    """Our reason for a model label: the label itself when it is our code, else through the portal ids."""
    if label in CATEGORY_OF:
        return label
    mapped = Counter(portal[int(i)] for i in source_ids if str(i).isdigit() and int(i) in portal)
    return mapped.most_common(1)[0][0] if mapped else None


def tree_grouping(classifier: TextClassifier) -> dict[str, str]:
    """Model label → our reason code («» for what the company does not handle): the grouping calibrated
    as "tree"."""
    portal = portal_reason_map()
    return {label: our_code(label, classifier.label_ids.get(label, []), portal) or ""
            for label in classifier.classes}


class TreeModel:
    """A `TextClassifier` whose answers are our reason codes (None for what we do not handle)."""

    def __init__(self, classifier: TextClassifier):
        self.classifier = classifier
        self.grouping = tree_grouping(classifier)

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> "TreeModel":
        return cls(TextClassifier.load(path))

    @cached_property
    def version(self) -> str:
        return self.classifier.version

    def proba(self, texts: Sequence[str]) -> tuple[list[str | None], np.ndarray]:
        """Our reason codes (None: not ours) and their calibrated probabilities, texts × codes."""
        names, proba = self.classifier.group_proba(texts, self.grouping, "tree")
        return [name or None for name in names], proba

    def suggest_many(self, texts: Sequence[str]) -> list[Suggestion]:
        suggestions = []
        codes, proba = self.proba(texts)
        for row in proba:
            top3 = tuple((codes[k], float(row[k])) for k in np.argsort(-row)[:3])
            reason, score = top3[0]
            suggestions.append(Suggestion(reason, CATEGORY_OF.get(reason), score, top3))
        return suggestions

    def suggest(self, text: str) -> Suggestion:
        """Our reason and category for an appeal's text, with the probability and the top three."""
        return self.suggest_many([text])[0]

    def rank(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """Our reasons best first with their probabilities (what the company does not handle left out)."""
        codes, proba = self.proba([text])
        return [(codes[k], float(proba[0, k])) for k in np.argsort(-proba[0]) if codes[k]][:limit]

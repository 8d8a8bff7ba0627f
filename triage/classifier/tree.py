"""The classifier seen through the company's tree: our reasons with calibrated scores.

The shipped model knows the city portal's reasons; each of our reasons lists the portal reasons it
covers (`appeals.default_tree`), so the probabilities of portal reasons add up to ours, and what the
company does not handle (roads, traffic lights, advertising) adds up to manual triage (reason None).
A model trained on our own journal has our reason codes as labels and needs no mapping.
Emergency rules and keyword reasons are not here: `triage.services.propose` puts them together.
"""

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from appeals.default_tree import TREE
from appeals.reference import portal_reason_map

from .model import TextClassifier

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "trained" / "reasons.npz"
OUR_REASONS = frozenset(code for reasons in TREE.values() for code, *_rest in reasons)


def our_code(label: str, source_ids: Sequence, portal: dict[int, str]) -> str | None:
    """Our reason for a model label: the label itself when it is our code, else through the portal ids."""
    if label in OUR_REASONS:
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
        names, self.membership = classifier.membership(tree_grouping(classifier))
        self.codes: list[str | None] = [name or None for name in names]

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> "TreeModel":
        return cls(TextClassifier.load(path))

    @property
    def version(self) -> str:
        return self.classifier.version

    def proba(self, texts: Sequence[str]) -> tuple[list[str | None], np.ndarray]:
        """Our reason codes (None: not ours) and their calibrated probabilities, texts × codes."""
        return self.codes, self.classifier.group_proba(texts, self.membership, "tree")

    def rank_many(self, texts: Sequence[str], limit: int = 3) -> list[list[tuple[str, float]]]:
        """For each text, our reasons best first with their probabilities (what the company does not handle
        left out)."""
        return [[(self.codes[k], float(row[k])) for k in np.argsort(-row) if self.codes[k]][:limit]
                for row in self.proba(texts)[1]]

    def rank(self, text: str, limit: int = 3) -> list[tuple[str, float]]:
        """Our reasons for one text, best first, with their probabilities."""
        return self.rank_many([text], limit)[0]

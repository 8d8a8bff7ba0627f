"""The shipped classifier seen through the company's tree.

The default model is trained on the city portal's appeals and predicts the portal's reasons; the
company's tree (appeals/default_tree.py) lists, for each of its reasons, the portal reasons it covers.
A portal reason the company does not handle maps to nothing: its probability goes to no company reason.
The model and the mapping live in `classifier_tree`; this is the loader the predictor calls.
"""

from pathlib import Path

from .classifier_tree import DEFAULT_MODEL, TreeModel

DEFAULT_PATH = DEFAULT_MODEL


def load_tree_model(path: str | None = None) -> TreeModel:
    """The model at `path` (the shipped one by default): `.version` and `.rank(text, limit)`."""
    path = Path(path) if path else DEFAULT_PATH
    if not path.exists():
        raise FileNotFoundError(path)
    return TreeModel.load(path)

"""The shipped classifier seen through the company's tree.

The default model is trained on the city portal's appeals and predicts the portal's reasons; the
company's tree (appeals/default_tree.py) lists, for each of its reasons, the portal reasons it covers.
A portal reason the company does not handle maps to nothing: its probability goes to no company reason.
"""

from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent / "trained" / "default.joblib"


def load_tree_model(path: str | None = None):
    path = Path(path) if path else DEFAULT_PATH
    if not path.exists():
        raise FileNotFoundError(path)
    import joblib

    return joblib.load(path)

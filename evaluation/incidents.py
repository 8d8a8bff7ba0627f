"""Incident grouping measured pairwise against a reference grouping made from known reasons.

The reference (`truth_groups`) applies the product's definition to the reasons appeals really got:
one building, one reason, windows of `window_days` chained. A pair of appeals is predicted when the
grouping puts them in one incident, true when the reference does; `evaluate` gives precision, recall and
F1 over the pairs (the figures of `bench.intelligence`).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from triage.incidents import WINDOW_DAYS


def truth_groups(records: Iterable[Mapping], window_days: int = WINDOW_DAYS) -> dict[object, object]:
    """The reference grouping from known reasons: appeal id → group id.

    Appeals of one building with one reason form a group while each follows the previous one by at
    most `window_days` (chained windows); a longer gap starts a new group. Appeals with no building
    are alone.
    """
    runs: dict[tuple, list[tuple[datetime, object]]] = defaultdict(list)
    groups: dict[object, object] = {}
    for r in records:
        if r.get("building_id") in (None, ""):
            groups[r["id"]] = r["id"]
        else:
            runs[(r["building_id"], r["reason_id"])].append((_as_datetime(r["created"]), r["id"]))
    window = timedelta(days=window_days)
    for appeals in runs.values():
        appeals.sort(key=lambda pair: (pair[0], str(pair[1])))
        previous = None
        for created, appeal_id in appeals:
            if previous is None or created - previous > window:
                group = appeal_id
            groups[appeal_id], previous = group, created
    return groups


@dataclass(frozen=True)
class PairScore:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int


def evaluate(records: Iterable[Mapping], assignment: Mapping[object, object],
             window_days: int = WINDOW_DAYS) -> PairScore:
    """Pairwise precision, recall and F1 of `assignment` (appeal id → incident id) over the records' appeals.

    Records carry the truth: "id", "created", "building_id", "reason_id"; see `truth_groups`. A pair
    of appeals is predicted when they share an incident, true when they share a reference group.
    """
    truth = truth_groups(records, window_days)
    predicted = {appeal_id: assignment.get(appeal_id, appeal_id) for appeal_id in truth}

    def pairs(counts: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    true_pairs = pairs(Counter(truth.values()).values())
    predicted_pairs = pairs(Counter(predicted.values()).values())
    correct = pairs(Counter((truth[i], predicted[i]) for i in truth).values())
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScore(precision, recall, f1, true_pairs, predicted_pairs, correct)


def _as_datetime(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)

"""Pairwise scores of an incident grouping against building, reason and chained windows."""

import pytest

from evaluation import incidents
from evaluation.incidents import evaluate


def test_evaluate_counts_pairs_against_building_reason_and_chained_window():
    truth = [
        {"id": 1, "created": "2021-03-01T10:00:00", "building_id": 5, "reason_id": 189},
        {"id": 2, "created": "2021-03-10T10:00:00", "building_id": 5, "reason_id": 189},
        {"id": 3, "created": "2021-03-20T10:00:00", "building_id": 5, "reason_id": 189},  # chained via 2
        {"id": 4, "created": "2021-03-02T10:00:00", "building_id": 5, "reason_id": 122},
        {"id": 5, "created": "2021-03-02T10:00:00", "building_id": None, "reason_id": 122},
    ]
    assert set(incidents.truth_groups(truth).values()) == {1, 4, 5}
    score = evaluate(truth, {1: 1, 2: 1, 3: 3, 4: 1, 5: 5})  # pairs 1-2 right, 1-4 and 2-4 wrong
    assert (score.true_pairs, score.predicted_pairs, score.correct_pairs) == (3, 3, 1)
    assert score.precision == pytest.approx(1 / 3) and score.recall == pytest.approx(1 / 3)
    assert evaluate(truth, incidents.truth_groups(truth)).f1 == 1.0

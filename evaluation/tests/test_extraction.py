"""The evaluation of extraction on a labelled set: the report's shape, and the database left as it was."""

import io
import json

import pytest
from django.core.management import call_command

from conftest import create_building
from evaluation.extraction import EXAMPLES, evaluate_file, load_examples
from housing.models import Building
from triage.extraction import FIELDS

pytestmark = pytest.mark.django_db


def _write(path, examples):
    path.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in examples), encoding="utf-8")
    return path


def test_report_counts_right_wrong_and_missed_fields(tmp_path):
    empty = dict.fromkeys(["full_name", "phone", "email", "street", "house", "korpus", "litera", "flat", "building"])
    examples = [
        {"text": "Марата 7 кв 12", "hard": True,
         "expected": {**empty, "street": "улица Марата", "house": "7", "flat": "12", "building": "улица Марата, д. 7"}},
        {"text": "89211234567", "holdout": True, "expected": {**empty, "phone": "+79211234560"}},
        {"text": "Течёт крыша", "expected": {**empty, "full_name": "Иванов Иван"}},
    ]
    report = evaluate_file(_write(tmp_path / "set.jsonl", examples))
    assert report["examples"] == 3 and report["holdout"]["examples"] == 1 and report["hard"]["examples"] == 1
    assert set(report["fields"]) == set(FIELDS)
    assert report["fields"]["building_id"] == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert report["fields"]["phone"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert report["fields"]["full_name"]["fn"] == 1
    assert report["latency_ms"]["p50"] > 0 and report["latency_ms"]["p95"] >= report["latency_ms"]["p50"]
    assert {(m["line"], m["field"]) for m in report["mistakes"]} == {(2, "phone"), (3, "full_name")}
    assert report["all_fields_right"] == 1 and report["hard"]["all_fields_right"] == 1


def test_command_prints_the_table_and_the_mistakes(tmp_path):
    examples = [{"text": "89211234567", "expected": {"phone": "+79211234560"}}]
    out = io.StringIO()
    call_command("evaluate_extraction", str(_write(tmp_path / "set.jsonl", examples)), "--mistakes", stdout=out)
    assert "all: 1 examples, all fields right in 0" in out.getvalue()
    assert "phone        expected '+79211234560' got '+79211234567'" in out.getvalue()


def test_evaluation_uses_the_demo_registry_and_leaves_the_database_as_it_was(tmp_path):
    own = create_building("улица Марата", "9")
    examples = [{"text": "Марата 9", "expected": {"street": "улица Марата", "house": "9"}}]
    report = evaluate_file(_write(tmp_path / "set.jsonl", examples))
    assert report["fields"]["building_id"]["fp"] == 0  # «Марата 9» is not in the demo registry
    assert list(Building.objects.all()) == [own] and Building.objects.get().is_active


def test_a_building_missing_from_the_demo_registry_is_a_labelling_error(tmp_path):
    examples = [{"text": "Марата 99", "expected": {"building": "улица Марата, д. 99"}}]
    with pytest.raises(ValueError, match="Марата, д. 99"):
        evaluate_file(_write(tmp_path / "set.jsonl", examples))


def test_the_labelled_set_is_large_varied_and_well_formed():
    examples = load_examples(EXAMPLES)
    assert len(examples) >= 200
    assert 0.2 <= sum(e["hard"] for e in examples) / len(examples) <= 0.35
    assert sum(e["holdout"] for e in examples) >= 40
    assert all(set(e["expected"]) == set(FIELDS) - {"building_id"} | {"building"} for e in examples)
    assert len({e["text"] for e in examples}) == len(examples)

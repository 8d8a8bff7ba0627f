"""Measuring extraction on a labelled set: precision, recall and F1 per field, latency per text.

The set is JSON lines: {"text", "expected": {full_name, phone, email, street, house, korpus,
litera, flat, building}, "hard": bool, "holdout": bool}. "building" is the registry address
(«улица Марата, д. 7») in the demo registry (housing/data/central_buildings.csv), turned into
an id at evaluation time. The evaluation runs in a transaction that is rolled back: inside it
only the demo registry's buildings are active, so any database gives the same answer and is
left as it was.

A name is right with the same words in any order (the product files it surname first; a text may sign first
name first). A field counts as predicted when it is not None: a right value is a true positive, a wrong one
both a false positive and a false negative, a missed one a false negative.
"""

import json
import statistics
import time
from pathlib import Path

from django.db import transaction

from housing.importer import import_buildings
from housing.models import Building
from housing.services import forget_streets
from triage.extraction import FIELDS, extract

DEMO_REGISTRY = Path(__file__).resolve().parent.parent / "housing" / "data" / "central_buildings.csv"
EXAMPLES = Path(__file__).resolve().parent.parent / "triage" / "data" / "extraction_examples.jsonl"


def load_examples(path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _same(field: str, expected, got) -> bool:
    if field == "building_id":
        return expected == got
    fold = lambda value: " ".join(str(value).lower().replace("ё", "е").split())  # noqa: E731
    if field == "full_name":  # the same words in any order: «Ирина Котова» is «Котова Ирина»
        return sorted(fold(expected).replace(".", ". ").split()) == sorted(fold(got).replace(".", ". ").split())
    return fold(expected) == fold(got)


def _right(field: str, expected, got) -> bool:
    """Both absent, or both present and the same."""
    if expected is None or got is None:
        return expected is None and got is None
    return _same(field, expected, got)


def _scores(counts: dict) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {**counts, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _summary(rows: list[dict]) -> dict:
    counts = {field: {"tp": 0, "fp": 0, "fn": 0} for field in FIELDS}
    for row in rows:
        for field in FIELDS:
            expected, got = row["expected"][field], row["got"][field]
            right = expected is not None and got is not None and _same(field, expected, got)
            counts[field]["tp"] += right
            counts[field]["fp"] += got is not None and not right
            counts[field]["fn"] += expected is not None and not right
    latencies = sorted(row["ms"] for row in rows)
    return {
        "examples": len(rows),
        "all_fields_right": sum(all(_right(f, r["expected"][f], r["got"][f]) for f in FIELDS) for r in rows),
        "fields": {field: _scores(counts[field]) for field in FIELDS},
        "latency_ms": {"p50": round(statistics.median(latencies), 2) if latencies else 0.0,
                       "p95": round(latencies[int(0.95 * (len(latencies) - 1))], 2) if latencies else 0.0},
    }


def _expected(example: dict, building_ids: dict[str, int], line: int) -> dict:
    wanted = dict(example["expected"])
    building = wanted.pop("building", None)
    if building is not None and building not in building_ids:
        raise ValueError(f"Example {line}: no building «{building}» in the demo registry.")
    wanted["building_id"] = building_ids.get(building) if building else None
    return {field: wanted.get(field) for field in FIELDS}


def _run(examples: list[dict]) -> list[dict]:
    building_ids = {b.address: b.pk for b in Building.objects.filter(is_active=True)}
    extract("Звонила Петрова по поводу протечки, Марата 7")  # dictionaries and the NER load once, not in a timing
    rows = []
    for line, example in enumerate(examples, start=1):
        expected = _expected(example, building_ids, line)
        started = time.perf_counter()
        got = extract(example["text"]).as_dict()
        ms = (time.perf_counter() - started) * 1000
        rows.append({"line": line, "text": example["text"], "expected": expected, "got": got, "ms": ms,
                     "hard": bool(example.get("hard")), "holdout": bool(example.get("holdout"))})
    return rows


def evaluate_file(path=EXAMPLES) -> dict:
    """The report on the whole set, on its held-out and hard parts, and every mistake made."""
    examples = load_examples(path)
    try:
        with transaction.atomic():
            Building.objects.update(is_active=False)  # only the demo registry is active while measuring
            forget_streets()
            import_buildings(DEMO_REGISTRY)
            rows = _run(examples)
            transaction.set_rollback(True)
    finally:
        forget_streets()  # the streets seen while measuring were rolled back
    mistakes = [{"line": r["line"], "text": r["text"], "field": f, "expected": r["expected"][f], "got": r["got"][f]}
                for r in rows for f in FIELDS if not _right(f, r["expected"][f], r["got"][f])]
    return {
        **_summary(rows),
        "holdout": _summary([r for r in rows if r["holdout"]]),
        "hard": _summary([r for r in rows if r["hard"]]),
        "mistakes": mistakes,
    }

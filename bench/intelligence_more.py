"""The sections of `bench.intelligence` beyond classification: incidents, extraction, emergencies, FAQ and
answer suggestions. Each is `section(args) -> dict`; the shared data is read raw (JSONL, .gz) here."""

import datetime as dt
import gzip
import json
import time
from pathlib import Path

from evaluation.incidents import evaluate as evaluate_incidents
from triage.incidents import group_archive, place_key

DATA = Path(__file__).resolve().parent.parent / "triage" / "data"


def raw_records(path: str) -> list[dict]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _split(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """Every month before the latest, and the latest month: as the classification section splits."""
    last = max(r["created"][:7] for r in records)
    return [r for r in records if r["created"][:7] < last], [r for r in records if r["created"][:7] == last]


def _tree_predict(args):
    """The classifier of the classification section (trained on the earlier months), or --model, in our tree."""
    from triage.classifier import TextClassifier, TreeModel

    model = getattr(args, "trained_model", None) or (TextClassifier.load(args.model) if args.model else None)
    if model is None:
        raise SystemExit("incidents: run it with the classification section, or give --model (not trained on "
                         "the latest month)")
    return TreeModel(model).rank_many  # texts → our reasons, best three each, as the product ranks one text


def _float(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def incident_records(raw: list[dict]) -> list[dict]:
    """Raw records as `group_archive` reads them (and `evaluate` scores them)."""
    return [{**r, "created": dt.datetime.fromisoformat(r["created"]), "lat": _float(r.get("lat")),
             "lon": _float(r.get("lon")), "place": place_key(r.get("building_id"), r.get("address") or "")}
            for r in raw]


def grouping_score(records: list[dict], predict):
    """Pairwise P/R/F1 of the product's grouping of `records` with `predict` (texts → our reasons, best first)."""
    return evaluate_incidents(records, group_archive(records, predict))


def incidents(args) -> dict:
    """Pairwise P/R/F1 of the grouping on the latest month against (building, reason, 14 days, chained)."""
    _earlier, latest = _split(raw_records(args.data))
    records = incident_records(latest)
    started = time.monotonic()
    score = grouping_score(records, _tree_predict(args))
    seconds = time.monotonic() - started
    print(f"Инциденты, последний месяц: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} "
          f"(верных пар {score.true_pairs}), группировка {len(records)} обращений за {seconds:.1f} с", flush=True)
    return {"precision": round(score.precision, 3), "recall": round(score.recall, 3), "f1": round(score.f1, 3),
            "true_pairs": score.true_pairs, "predicted_pairs": score.predicted_pairs, "seconds": round(seconds, 1)}


def extraction(args) -> dict:
    """Precision, recall, F1 per field on the set written beside the rules and on the two independent ones, each
    written from the labelling conventions alone (evaluation/LABELLING.md) and held out: never looked at to change
    a rule."""
    from evaluation.extraction import evaluate_file

    result = {}
    for name in ("extraction_examples", "extraction_independent", "extraction_independent_2"):
        report = evaluate_file(DATA / f"{name}.jsonl")
        print(f"Извлечение данных, {name}, {report['examples']} текстов (поле: P / R / F1):", flush=True)
        for field, scores in report["fields"].items():
            print(f"  {field:12} {scores['precision']:.3f} / {scores['recall']:.3f} / {scores['f1']:.3f}", flush=True)
        result[name] = {"fields": {k: v["f1"] for k, v in report["fields"].items()},
                        "latency_ms": report.get("latency_ms"), "examples": report.get("examples")}
    return result


def emergencies(args) -> dict:
    """The emergency rules on the labelled set and on the held-out set written after the rules."""
    from triage.rules import detect

    result = {}
    for name in ("emergency_examples", "emergency_holdout"):
        rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").open(encoding="utf-8") if line.strip()]
        hits = [(r["emergency"], detect(r["text"], dt.date(2026, 12, 1))) for r in rows]
        caught = sum(1 for truth, hit in hits if truth and hit)
        raised = sum(1 for _truth, hit in hits if hit)
        positives = sum(1 for truth, _hit in hits if truth)
        right = sum(1 for truth, hit in hits if truth and hit and hit.reason == truth)
        result[name] = {"recall": round(caught / positives, 3), "precision": round(caught / max(raised, 1), 3),
                        "right_reason": round(right / max(caught, 1), 3), "examples": len(rows)}
        print(f"Аварийные правила, {name}: {result[name]}", flush=True)
    return result


def faq(args) -> dict:
    """hit@1 / hit@3 on paraphrased questions, false matches on questions the FAQ does not cover."""
    from evaluation.faq import evaluate_faq, load_cases
    from triage.models import FaqEntry

    cases, entries = load_cases(DATA / "faq_eval.jsonl"), list(FaqEntry.objects.all())
    result = {"with_vectors": evaluate_faq(cases, entries), "lemmas_only": evaluate_faq(cases, entries, semantic=False)}
    print(f"Частые вопросы: {result}", flush=True)
    return result


def answers(args) -> dict:
    """Answer suggestions: pool = earlier months' answered appeals, queries = the latest month."""
    from evaluation.answers import evaluate_on_archive

    earlier, latest = _split(raw_records(args.data))
    result = evaluate_on_archive(earlier, latest)
    print(f"Подсказки ответов: {json.dumps(result, ensure_ascii=False)}", flush=True)
    return result


"""FAQ matching measured on paraphrased questions and on questions the FAQ does not cover.

The set (triage/data/faq_eval.jsonl) is JSON lines {"question", "expected"}: the entry's question, or
null when no entry answers it. `evaluate_faq` indexes the given entries as `triage.answers.faq` does and
reports hit@1, hit@3, the false-match rate and latency.
"""

import json
import time
from pathlib import Path

import numpy as np

from triage.answers.faq import LEXICAL_WEIGHT, MIN_SCORE, FaqIndex


def load_cases(path) -> list[dict]:
    """The evaluation set: {"question": …, "expected": the entry's question, or null for «not in the FAQ»}."""
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate_faq(cases: list[dict], entries, semantic: bool = True, lexical_weight: float = LEXICAL_WEIGHT,
                 min_score: float = MIN_SCORE) -> dict:
    """hit@1 and hit@3 on questions the FAQ answers, false matches on those it does not, latency."""
    index = FaqIndex(entries, lexical_weight=lexical_weight, semantic=semantic)
    hits1 = hits3 = positives = false_matches = negatives = 0
    timings = []
    for case in cases:
        started = time.perf_counter()
        found = [m.entry.question for m in index.match(case["question"], limit=3, min_score=min_score)]
        timings.append(time.perf_counter() - started)
        if case["expected"] is None:
            negatives += 1
            false_matches += bool(found)
        else:
            positives += 1
            hits1 += found[:1] == [case["expected"]]
            hits3 += case["expected"] in found
    ms = np.asarray(timings) * 1000
    return {
        "positives": positives, "negatives": negatives,
        "hit@1": round(hits1 / max(positives, 1), 3), "hit@3": round(hits3 / max(positives, 1), 3),
        "false_match_rate": round(false_matches / max(negatives, 1), 3),
        "p50_ms": round(float(np.percentile(ms, 50)), 2), "p95_ms": round(float(np.percentile(ms, 95)), 2),
    }

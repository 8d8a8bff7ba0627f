"""Answer suggestions measured on an archive: would the drafts offered come from appeals of the same reason?

`evaluate_on_archive` builds the index of `triage.answers.suggestions` from plain records, then ranks and
picks the drafts for each query as the product does.
"""

import time

import numpy as np

from triage.answers.drafts import draft_from_answer
from triage.answers.suggestions import CANDIDATES, AnswerIndex, pick_distinct


def evaluate_on_archive(pool_records: list[dict], query_records: list[dict], *, semantic: bool = True,
                        reason_of=None, limit: int = 3) -> dict:
    """Suggest answers for each query from the pool, as the product does, and count how often the
    suggested earlier appeals share the query's reason.

    Records are plain dicts with `text`, `reason_id` and (in the pool) `answer`; pool records without an
    answer are skipped. `reason_of(record)` may give the reason a query is known by when it is asked
    (an operator's or a classifier's); by default none is known. Reports the share of queries whose top
    suggestion has the query's reason, whose `limit` suggestions all have it, and where at least one
    has it; the same on queries whose exact text is not in the pool; latency per query and index size.
    """
    pool = [r for r in pool_records if (r.get("answer") or "").strip()]
    started = time.perf_counter()
    index = AnswerIndex.from_texts([r["text"] for r in pool], [r["reason_id"] for r in pool], semantic=semantic)
    build_seconds = time.perf_counter() - started
    pool_texts = {r["text"] for r in pool}
    drafts: dict[int, str] = {}

    def draft_of(position: int) -> str:
        if position not in drafts:
            drafts[position] = draft_from_answer(pool[position]["answer"])
        return drafts[position]

    outcomes, timings = [], []
    for query in query_records:
        started = time.perf_counter()
        ranked = index.rank(query["text"], reason=reason_of(query) if reason_of else None, limit=CANDIDATES)
        picked = pick_distinct(ranked, draft_of, limit)
        timings.append(time.perf_counter() - started)
        same = [pool[p]["reason_id"] == query["reason_id"] for p, _, _ in picked]
        outcomes.append((query["text"] in pool_texts, bool(same), same[:1] == [True],
                         len(same) == limit and all(same), any(same)))
    return {
        "pool": len(pool), "queries": len(query_records), "semantic": semantic,
        "reason_known": reason_of is not None,
        **_shares(outcomes, limit),
        "novel_texts": {"queries": sum(1 for o in outcomes if not o[0]), **_shares([o for o in outcomes if not o[0]],
                                                                              limit)},
        "latency_ms_p50": round(float(np.percentile(timings, 50)) * 1000, 2) if timings else 0.0,
        "latency_ms_p95": round(float(np.percentile(timings, 95)) * 1000, 2) if timings else 0.0,
        "build_seconds": round(build_seconds, 1),
        "index_mb": round(index.nbytes / 2**20, 1),
    }


def _shares(outcomes: list[tuple], limit: int) -> dict:
    count = max(len(outcomes), 1)
    return {
        "with_suggestion": round(sum(o[1] for o in outcomes) / count, 3),
        "top1_same_reason": round(sum(o[2] for o in outcomes) / count, 3),
        f"all{limit}_same_reason": round(sum(o[3] for o in outcomes) / count, 3),
        f"any{limit}_same_reason": round(sum(o[4] for o in outcomes) / count, 3),
    }

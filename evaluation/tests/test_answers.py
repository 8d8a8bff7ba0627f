"""Answer suggestions measured on plain records, as the bench measures them on the archive."""

from evaluation.answers import evaluate_on_archive


def test_evaluation_on_plain_records():
    pool = [
        {"text": "Протекает крыша", "reason_id": 1, "answer": "Крыша отремонтирована."},
        {"text": "Течёт кровля над квартирой", "reason_id": 1, "answer": "Кровля починена."},
        {"text": "Не работает домофон", "reason_id": 2, "answer": "Домофон исправлен."},
        {"text": "Домофон сломан", "reason_id": 2, "answer": ""},  # no answer: not in the pool
    ]
    queries = [{"text": "Протекла крыша", "reason_id": 1}, {"text": "Сломался домофон", "reason_id": 2}]
    report = evaluate_on_archive(pool, queries, limit=2)
    assert report["pool"] == 3 and report["queries"] == 2
    assert report["top1_same_reason"] == 1.0 and report["any2_same_reason"] == 1.0
    assert report["latency_ms_p95"] >= report["latency_ms_p50"] > 0

"""Precision, recall and F1 per field of the extraction of applicants' details, and its latency.

manage.py evaluate_extraction [path] [--mistakes]

Runs on the configured database (migrated) inside a transaction that is rolled back, with the
demo registry as the only active buildings: nothing is left behind.
"""

from django.core.management.base import BaseCommand

from evaluation.extraction import EXAMPLES, evaluate_file
from triage.extraction import FIELDS


class Command(BaseCommand):
    help = "Измеряет извлечение ФИО, телефона, почты и адреса на размеченных примерах."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(EXAMPLES), help="JSON lines with text and expected")
        parser.add_argument("--mistakes", action="store_true", help="list every wrong or missed field")

    def handle(self, *args, path: str, mistakes: bool, **options):
        report = evaluate_file(path)
        for title, part in (("all", report), ("held out", report["holdout"]), ("hard", report["hard"])):
            self._table(title, part)
        if mistakes:
            for m in report["mistakes"]:
                self.stdout.write(f"{m['line']:>4} {m['field']:<12} expected {m['expected']!r} got {m['got']!r}"
                                  f"  | {m['text'][:90]!r}")

    def _table(self, title: str, part: dict) -> None:
        latency = part["latency_ms"]
        self.stdout.write(f"\n{title}: {part['examples']} examples, all fields right in {part['all_fields_right']}; "
                          f"latency p50 {latency['p50']} ms, p95 {latency['p95']} ms")
        self.stdout.write(f"{'field':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>4} {'FN':>4}")
        for field in FIELDS:
            s = part["fields"][field]
            self.stdout.write(f"{field:<12} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} "
                              f"{s['tp']:>5} {s['fp']:>4} {s['fn']:>4}")

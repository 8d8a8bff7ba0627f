import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from triage.classifier import DEFAULT_MODEL, ModelError, TextClassifier
from triage.classifier.datasets import DatasetError, field_key, read_records, record_id
from triage.text import clean_text

BATCH = 500


class Command(BaseCommand):
    help = ("Классифицировать записи файла JSONL/CSV (можно .gz): для каждой строка JSONL "
            '{"id", "label", "score", "top3"}; id — поле id записи или номер её строки.')

    def add_arguments(self, parser):
        parser.add_argument("--model", default=str(DEFAULT_MODEL), help="файл модели (по умолчанию поставляемая)")
        parser.add_argument("--input", required=True, help="файл JSONL или CSV с текстами")
        parser.add_argument("--output", required=True, help="куда записать результат (JSONL)")
        parser.add_argument("--text-field", default="text", help="поле с текстом (по умолчанию text)")

    def handle(self, *args, model: str, input: str, output: str, text_field: str, **options):
        try:
            classifier = TextClassifier.load(model)
            records = read_records(input)
        except (ModelError, DatasetError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Модель {classifier.version or Path(model).name}: {len(classifier.classes)} классов")
        key, started, done = field_key(text_field), time.monotonic(), 0
        with Path(output).open("w", encoding="utf-8") as out:
            batch = []
            try:
                for record in records:
                    batch.append(record)
                    if len(batch) == BATCH:
                        done += self._write(classifier, batch, key, out)
                        batch = []
                        self.stdout.write(f"  обработано {done} ({done / (time.monotonic() - started):.0f} в секунду)")
                done += self._write(classifier, batch, key, out)
            except DatasetError as error:
                raise CommandError(str(error)) from None
        self.stdout.write(f"Готово: {done} записей → {output}")

    @staticmethod
    def _write(classifier: TextClassifier, batch: list[dict], key: str, out) -> int:
        texts = [clean_text(str(record.get(key) or "")) for record in batch]
        with_text = [i for i, text in enumerate(texts) if text]
        predictions = dict(zip(with_text, classifier.predict([texts[i] for i in with_text]), strict=True))
        for i, record in enumerate(batch):
            line = {"id": record_id(record)} | (predictions[i].as_dict() if i in predictions
                                               else {"label": None, "score": 0.0, "top3": []})
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return len(batch)

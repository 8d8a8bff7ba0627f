import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from evaluation.classifier import SPLITS, train
from evaluation.metrics import report
from triage.classifier import DEFAULT_MODEL, ModelError
from triage.classifier.datasets import DatasetError, Examples, journal_examples, load_examples
from triage.classifier.presets import PRESETS


class Command(BaseCommand):
    help = ("Обучить классификатор обращений на файле JSONL/CSV (можно .gz) или, без --data, на журнале "
            "обращений с их причинами; напечатать оценку на отложенной части и сохранить модель.")

    def add_arguments(self, parser):
        parser.add_argument("--data", help="файл JSONL или CSV; без него — журнал обращений (метка — код причины)")
        parser.add_argument("--label", default="reason", help="поле с меткой (по умолчанию reason; "
                            "причина получает свою категорию впереди: «Кровля → Неубранный снег»)")
        parser.add_argument("--text-field", default="text", help="поле с текстом (по умолчанию text)")
        parser.add_argument("--out", help="куда сохранить модель (.npz)")
        parser.add_argument("--split", choices=SPLITS, default="grouped",
                            help="оценка: grouped — случайная часть, одинаковые тексты по одну сторону; "
                                 "temporal — последний месяц; none — без оценки")
        parser.add_argument("--preset", choices=["auto", *PRESETS], default="auto",
                            help="как учить: auto — выбрать по обучающим данным (по умолчанию); "
                                 + "; ".join(f"{name} — {about}" for name, (_s, about) in PRESETS.items()))
        parser.add_argument("--default", action="store_true",
                            help=f"собрать модель, которая поставляется с проектом ({DEFAULT_MODEL.name}): "
                                 "оценка по последнему месяцу, запись в triage/trained/")

    def handle(self, *args, data=None, label, text_field, out=None, split, preset="auto", default=False, **options):
        if default:
            if not data:
                raise CommandError("Для --default укажите --data: модель по умолчанию учится на данных портала.")
            out, split = out or str(DEFAULT_MODEL), "temporal"
            preset = "portal" if preset == "auto" else preset  # the shipped model is the portal's, as measured
        if not out:
            raise CommandError("Укажите, куда сохранить модель: --out ПУТЬ.")
        examples, source = self._examples(data, label, text_field)
        self._say(f"Данные: {source} — {examples.describe()}"
                  + (f"; пропущено записей без текста или метки: {examples.skipped}" if examples.skipped else ""))
        try:
            settings = None if preset == "auto" else PRESETS[preset][0]
            result = train(examples, settings=settings, split=split, progress=self._say)
        except (ModelError, DatasetError) as error:
            raise CommandError(str(error)) from None
        metrics = {"split": split, "preset": result.choice.name if result.choice else preset}
        if result.choice:
            metrics["preset_scores"], metrics["preset_skipped"] = result.choice.scores, result.choice.skipped
        if result.evaluation:
            self.stdout.write(report(result.evaluation, f"Оценка ({split}), метки «{label}»:"))
            metrics["labels"] = result.evaluation.summary()
        if result.baseline:
            e = result.baseline
            self.stdout.write(f"Простая модель (plain) на той же отложенной части: accuracy {e.accuracy:.3f}; "
                              f"macro-F1 {e.macro_f1:.3f}")
            metrics["plain"] = e.summary()
        if result.parent_evaluation:
            self.stdout.write(report(result.parent_evaluation, "Категории (суммы вероятностей причин):"))
            metrics["categories"] = result.parent_evaluation.summary()
        model = result.model
        model.stamp(data=f"{source}: {examples.describe()}", metrics=metrics, name=Path(out).stem)
        path = model.save(out)
        self.stdout.write(f"Модель {model.version} сохранена: {path} ({path.stat().st_size / 2**20:.1f} МБ)")

    def _examples(self, data: str | None, label: str, text_field: str) -> tuple[Examples, str]:
        try:
            if data:
                return load_examples(data, label_field=label, text_field=text_field), Path(data).name
            return journal_examples(), "журнал обращений"
        except DatasetError as error:
            raise CommandError(str(error)) from None

    def _say(self, message: str) -> None:
        self.stdout.write(f"[{time.strftime('%H:%M:%S')}] {message}")
        self.stdout.flush()

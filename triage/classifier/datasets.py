"""Reading labelled or unlabelled appeals from JSONL or CSV files (optionally gzipped).

CSV headers may be Russian («Текст обращения», «Причина», «Дата»): every field name, in a file or
on the command line, goes through `field_key`, so `--text-field Текст` and a JSONL key `text` meet.
A CSV file may be UTF-8 (with or without BOM) or Windows-1251, with «;», «,» or tab between cells.
The company's own journal is a data set too (`journal_examples`): the reason an appeal has now is
its corrected label, since an operator who changes a suggestion changes the reason. Where records carry
the answer given (`answer`), it is kept beside the text: the classifier learns from answers too.
"""

import csv
import datetime as dt
import gzip
import io
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from housing.importer import decode_text

from ..text import clean_text

# Known column titles → the names the code uses.
FIELD_ALIASES = {
    "id": {"id", "ид", "номер", "№", "номер обращения"},
    "text": {"text", "текст", "текст обращения", "содержание", "суть обращения", "обращение", "текст сообщения",
             "сообщение"},
    "category": {"category", "категория", "категория обращения"},
    "reason": {"reason", "причина", "тема", "причина обращения", "тематика", "тема обращения"},
    "category_id": {"category_id", "код категории"},
    "reason_id": {"reason_id", "код причины"},
    "created": {"created", "дата", "дата поступления", "дата создания", "создано", "received_at"},
    "answer": {"answer", "ответ", "текст ответа", "ответ заявителю"},
}
_ALIAS = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}
PATH_SEPARATOR = " → "  # between a category and its reason in a label


class DatasetError(ValueError):
    """The file cannot be read as a data set; the message is for people."""


def field_key(name: str) -> str:
    """A column title or field name in the form records are keyed by."""
    key = " ".join(str(name).lower().replace("ё", "е").strip(" .:\ufeff\"'").split())
    return _ALIAS.get(key, key)


def _open_text(path: Path) -> str:
    return decode_text(gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes())


def _format(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes if s.lower() != ".gz"]
    kind = suffixes[-1] if suffixes else ""
    if kind in (".jsonl", ".json", ".ndjson"):
        return "jsonl"
    if kind in (".csv", ".tsv", ".txt"):
        return "csv"
    raise DatasetError(f"Неизвестный формат файла {path.name}: нужен .jsonl или .csv (можно .gz).")


def _jsonl_records(text: str) -> Iterator[dict]:
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            raise DatasetError(f"Строка {line_no}: не JSON ({error.msg}).") from None
        if not isinstance(obj, dict):
            raise DatasetError(f"Строка {line_no}: ожидается объект JSON.")
        yield {"_line": line_no} | {field_key(k): v for k, v in obj.items()}


def _csv_records(text: str) -> Iterator[dict]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first.count) if any(d in first for d in ";,\t") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [field_key(title) for title in next(reader, [])]
    for cells in reader:
        if any(cell.strip() for cell in cells):
            yield {"_line": reader.line_num} | dict(zip(header, cells, strict=False))


def read_records(path: str | Path) -> Iterator[dict]:
    """Every record of a JSONL or CSV file as a dict keyed by `field_key`, with its line number in `_line`."""
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"Файл не найден: {path}")
    text = _open_text(path)
    return _jsonl_records(text) if _format(path) == "jsonl" else _csv_records(text)


def record_id(record: dict):
    """The record's `id` field, or its line number when it has none."""
    value = record.get("id")
    return record["_line"] if value in (None, "") else value


def _created(value) -> dt.date | None:
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})|(\d{2})\.(\d{2})\.(\d{4})", str(value).strip())
    if not match:
        return None
    y, m, d = (match[1], match[2], match[3]) if match[1] else (match[6], match[5], match[4])
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def label_of(record: dict, label_field: str) -> str:
    """The record's label. A reason is a leaf of its category (names repeat across categories), so a
    `reason` label carries its category in front when the record has one: «Кровля → Неубранный снег»."""
    key = field_key(label_field)
    value = " ".join(str(record.get(key) or "").split())
    if value and key == "reason" and record.get("category"):
        return " ".join(str(record["category"]).split()) + PATH_SEPARATOR + value
    return value


@dataclass
class Examples:
    """Texts with labels, ready for training; `dates` are None where a record has none."""

    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    dates: list[dt.date | None] = field(default_factory=list)
    label_ids: dict[str, set] = field(default_factory=dict)  # label → source ids (e.g. portal reason ids)
    parents: dict[str, str] = field(default_factory=dict)  # label → its category, for reasons
    skipped: int = 0
    answers: list[str] = field(default_factory=list)  # the answer each appeal got, "" where none (or none known)

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, indices) -> "Examples":
        return Examples([self.texts[i] for i in indices], [self.labels[i] for i in indices],
                        [self.dates[i] for i in indices], self.label_ids, self.parents,
                        answers=[self.answers[i] for i in indices] if self.answers else [])

    def describe(self) -> str:
        known = sorted(d for d in self.dates if d)
        span = f", {known[0]:%Y-%m-%d} – {known[-1]:%Y-%m-%d}" if known else ""
        return f"{len(self)} записей, {len(set(self.labels))} классов{span}"


def load_examples(path: str | Path, *, label_field: str, text_field: str = "text") -> Examples:
    """Labelled texts from a file; records without text or label are skipped and counted.

    When records carry `<label>_id` (the portal's `reason_id`), the ids behind every label are kept
    in `label_ids`, for mapping a model's labels to another classification tree.
    """
    text_key, id_key = field_key(text_field), f"{field_key(label_field)}_id"
    examples = Examples()
    for record in read_records(path):
        text, label = clean_text(str(record.get(text_key) or "")), label_of(record, label_field)
        if not text or not label:
            examples.skipped += 1
            continue
        examples.texts.append(text)
        examples.labels.append(label)
        examples.dates.append(_created(record.get("created")))
        examples.answers.append(clean_text(str(record.get("answer") or "")))
        if record.get(id_key) not in (None, ""):
            examples.label_ids.setdefault(label, set()).add(record[id_key])
        if PATH_SEPARATOR in label:
            examples.parents[label] = label.split(PATH_SEPARATOR, 1)[0]
    if not examples.texts:
        raise DatasetError(f"В файле нет записей с полями «{text_field}» и «{label_field}».")
    return examples


def group_key(text: str) -> str:
    """Texts that differ only in case, spacing and punctuation are one group: never on both sides of a split."""
    return " ".join(re.findall(r"\w+", text.lower().replace("ё", "е")))


def grouped_split(examples: Examples, test_share: float = 0.2, seed: int = 0) -> tuple[list[int], list[int]]:
    """Random train/test indices with identical texts kept on one side."""
    groups = sorted({group_key(t) for t in examples.texts})
    random.Random(seed).shuffle(groups)
    test_groups = set(groups[: round(len(groups) * test_share)])
    test = [i for i, t in enumerate(examples.texts) if group_key(t) in test_groups]
    train = [i for i, t in enumerate(examples.texts) if group_key(t) not in test_groups]
    return train, test


def grouped_folds(examples: Examples, k: int, seed: int = 0) -> list[tuple[list[int], list[int]]]:
    """k (train, test) index pairs of a cross-validation, identical texts always in one fold; fewer when there
    are fewer distinct texts than k (none for one)."""
    groups = sorted({group_key(t) for t in examples.texts})
    random.Random(seed).shuffle(groups)
    k = min(k, len(groups)) if len(groups) > 1 else 0
    fold = {g: n % k for n, g in enumerate(groups)} if k else {}
    of = [fold.get(group_key(t)) for t in examples.texts]
    return [([i for i, f in enumerate(of) if f != held], [i for i, f in enumerate(of) if f == held])
            for held in range(k)]


def temporal_split(examples: Examples) -> tuple[list[int], list[int]]:
    """Train on every month before the latest, test on the latest month (records without a date train)."""
    months = {(d.year, d.month) for d in examples.dates if d}
    if len(months) < 2:
        raise DatasetError("Для разбиения по времени нужны даты хотя бы за два месяца (поле created).")
    last = max(months)
    test = [i for i, d in enumerate(examples.dates) if d and (d.year, d.month) == last]
    # A text of the latest month seen earlier stays in training: that is how the product lives.
    train = [i for i, d in enumerate(examples.dates) if not d or (d.year, d.month) < last]
    return train, test


MIN_JOURNAL_EXAMPLES = 10


def journal_examples() -> Examples:
    """Appeals with a reason: text → reason code, with the received day and the category code as parent."""
    from appeals.models import Appeal

    examples = Examples()
    rows = (Appeal.objects.filter(reason__isnull=False).order_by("received_at", "id")
            .values_list("text", "reason__code", "reason__category__code", "received_at", "answer_text"))
    for text, code, category, received_at, answer in rows.iterator(chunk_size=2000):
        text = clean_text(text)
        if not text:
            examples.skipped += 1
            continue
        examples.texts.append(text)
        examples.labels.append(code)
        examples.dates.append(timezone.localtime(received_at).date())
        examples.answers.append(clean_text(answer))
        examples.parents[code] = category
    if len(examples) < MIN_JOURNAL_EXAMPLES or len(set(examples.labels)) < 2:
        raise DatasetError(f"В журнале мало обращений с причиной ({len(examples)}): нужно хотя бы "
                           f"{MIN_JOURNAL_EXAMPLES} и не меньше двух разных причин.")
    return examples

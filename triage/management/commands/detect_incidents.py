"""Groups an archive of appeals into mass incidents, by the same rule the product links new appeals with.

manage.py detect_incidents --input F.jsonl[.gz] --output G.jsonl [--model PATH] [--window-days 14]

Each input line: {"id", "text", "created" (ISO 8601), "building_id" or "address", optional "lat", "lon"}.
Each output line, in input order: {"id", "incident"}; an appeal in no incident is its own incident.
"""

import gzip
import json
import time
from collections import Counter
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from triage.incidents import WINDOW_DAYS, group_archive, place_key

REQUIRED = ("id", "text", "created")


class Command(BaseCommand):
    help = "Собирает обращения архива в инциденты: одна проблема в одном доме за окно дней."

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help="JSON lines, optionally .gz")
        parser.add_argument("--output", required=True, help="JSON lines {id, incident}")
        parser.add_argument("--model", default=None, help="classifier file; the shipped default when omitted")
        parser.add_argument("--window-days", type=int, default=WINDOW_DAYS)

    def handle(self, *args, input: str, output: str, model: str | None, window_days: int, **options):
        if window_days < 1:
            raise CommandError("Окно группировки должно быть не меньше одного дня.")
        started = time.monotonic()
        records = read_records(input)
        predict = load_predict(model)
        assignment = group_archive(records, predict, window_days=window_days, progress=self._progress(len(records)))
        with open(output, "w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps({"id": record["id"], "incident": assignment[record["id"]]}, ensure_ascii=False))
                out.write("\n")
        grouped = [n for n in Counter(assignment.values()).values() if n > 1]
        self.stderr.write(f"{len(records)} обращений, {len(grouped)} инцидентов из {sum(grouped)} обращений; "
                          f"{time.monotonic() - started:.1f} с")

    def _progress(self, total: int):
        def report(done: int, total: int = total) -> None:
            if total >= 5000:
                self.stderr.write(f"классифицировано {done} из {total}")
        return report


def load_predict(path: str | None):
    """The classifier as `texts → [(reason code, probability), …]`, best first, in the company's tree."""
    from triage.classifier import DEFAULT_MODEL, ModelError, TreeModel

    try:
        return TreeModel.load(path or DEFAULT_MODEL).rank_many  # as the product ranks one text: best three
    except ModelError as error:
        raise CommandError(str(error)) from None


def read_records(path: str) -> list[dict]:
    """Parsed and checked input lines; a bad line stops the run with its number and what is wrong."""
    opener = gzip.open if path.endswith(".gz") else open
    records, seen = [], set()
    try:
        with opener(path, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                record = _record(line, number)
                if record["id"] in seen:
                    raise CommandError(f"Строка {number}: id {record['id']!r} уже встречался.")
                seen.add(record["id"])
                records.append(record)
    except OSError as error:
        raise CommandError(f"Не удалось прочитать {path}: {error}") from None
    return records


def _record(line: str, number: int) -> dict:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        raise CommandError(f"Строка {number}: не JSON ({error.msg}).") from None
    if not isinstance(raw, dict):
        raise CommandError(f"Строка {number}: ожидался объект JSON.")
    missing = [name for name in REQUIRED if name not in raw or (name != "text" and raw[name] in (None, ""))]
    if missing:
        raise CommandError(f"Строка {number}: нет поля {', '.join(missing)}.")
    if "building_id" not in raw and "address" not in raw:
        raise CommandError(f"Строка {number}: нет ни building_id, ни address.")
    if not isinstance(raw["text"], str):
        raise CommandError(f"Строка {number}: text должен быть строкой.")
    return {
        "id": raw["id"], "text": raw["text"], "created": _created(raw["created"], number),
        "place": place_key(raw.get("building_id"), raw.get("address") or ""),
        "lat": _coordinate(raw, "lat", number), "lon": _coordinate(raw, "lon", number),
    }


def _created(value, number: int) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        raise CommandError(f"Строка {number}: дата created {value!r} не в формате ISO 8601.") from None
    if timezone.is_aware(moment):  # one clock for all lines: naive Moscow time, as the portal writes it
        moment = timezone.make_naive(moment, timezone.get_default_timezone())
    return moment


def _coordinate(raw: dict, name: str, number: int) -> float | None:
    value = raw.get(name)
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise CommandError(f"Строка {number}: {name} {value!r} — не число.") from None

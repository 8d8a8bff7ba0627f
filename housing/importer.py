"""Import of the building registry from a CSV file.

Columns street, house, korpus, litera, district (or «улица, дом, корпус, литера, район»), and optionally
latitude, longitude («широта, долгота»; decimal degrees, a comma or a point);
UTF-8 with or without BOM (a file saved by Excel in Windows-1251 is read too); «;», «,» or tab
as the delimiter. Valid rows are saved (updated or created), every bad row is reported with its
number, field and a message in Russian.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .addresses import building_search_key, normalize_house, normalize_street
from .models import Building

MAX_ROWS = 10_000
DEFAULT_DISTRICT = "Центральный"
FIELD_LABELS = {"street": "улица", "house": "дом", "korpus": "корпус", "litera": "литера", "district": "район",
                "latitude": "широта", "longitude": "долгота"}
HEADER_ALIASES = {
    "street": {"street", "улица"},
    "house": {"house", "дом", "номер дома"},
    "korpus": {"korpus", "корпус", "корп"},
    "litera": {"litera", "литера", "лит", "литер"},
    "district": {"district", "район"},
    "latitude": {"latitude", "lat", "широта"},
    "longitude": {"longitude", "lon", "lng", "долгота"},
}
# The city and its suburbs: a coordinate outside is a typo (or latitude and longitude swapped).
COORDINATE_RANGES = {"latitude": (59.0, 61.0), "longitude": (29.0, 31.5)}
_HOUSE_RE = re.compile(r"^\d{1,4}[А-Я]?(?:[/-]\d{1,4}[А-Я]?)?$")
_KORPUS_RE = re.compile(r"^\d{1,3}$")
_LITERA_RE = re.compile(r"^[А-Я]$")
_LOOKALIKES = str.maketrans("ABCEHKMOPTX", "АВСЕНКМОРТХ")


@dataclass(frozen=True)
class RowError:
    row: int  # the line of the file, the header being line 1
    field: str
    message: str

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, "")

    def __str__(self) -> str:
        if self.row == 0:
            return self.message
        label = FIELD_LABELS.get(self.field)
        return f"Строка {self.row}" + (f", {label}" if label else "") + f": {self.message}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows_with_errors(self) -> int:
        return len({e.row for e in self.errors})

    def summary(self) -> str:
        return (f"Добавлено домов: {self.created}, обновлено: {self.updated}, без изменений: {self.unchanged}, "
                f"строк с ошибками: {self.rows_with_errors}.")


@dataclass
class _Row:
    line: int
    street: str
    house: str
    korpus: str
    litera: str
    district: str
    latitude: float | None = None
    longitude: float | None = None

    @property
    def key(self) -> str:
        return building_search_key(self.street, self.house, self.korpus, self.litera)


def decode_text(data: bytes) -> str:
    """A text file as people save it: UTF-8 with or without BOM, UTF-16 from Excel, or Windows-1251."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251")


def _read_text(source) -> str:
    if isinstance(source, (str, Path)):
        return decode_text(Path(source).read_bytes())
    data = source.read()
    return decode_text(data) if isinstance(data, bytes) else data.lstrip("\ufeff")


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(";,\t", key=first.count) if any(d in first for d in ";,\t") else ","


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, title in enumerate(header):
        title = " ".join(title.lower().replace("ё", "е").strip(" .:\ufeff").split())
        for name, aliases in HEADER_ALIASES.items():
            if title in aliases and name not in found:
                found[name] = index
    return found


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return " ".join(cells[index].split()) if index is not None and index < len(cells) else ""


def _validate(line: int, cells: list[str], columns: dict[str, int]) -> tuple[_Row, list[RowError]]:
    raw_house = _cell(cells, columns, "house")
    row = _Row(line, normalize_street(_cell(cells, columns, "street")), normalize_house(raw_house),
               _cell(cells, columns, "korpus"), _cell(cells, columns, "litera").upper().translate(_LOOKALIKES),
               _cell(cells, columns, "district"))
    errors = []
    if not row.street:
        errors.append(RowError(line, "street", "Не указана улица."))
    elif len(row.street) > 200 or not re.search("[а-яА-ЯёЁ]", row.street):
        errors.append(RowError(line, "street", f"Неверное название улицы «{row.street[:60]}»: "
                                               "нужно полное название по-русски, например «улица Марата»."))
    if not row.house:
        errors.append(RowError(line, "house", "Не указан номер дома."))
    elif not _HOUSE_RE.match(row.house):
        errors.append(RowError(line, "house", f"Неверный номер дома «{raw_house[:20]}»: "
                                              "ожидается число, например 7, 7А или 100/2."))
    if row.korpus and not _KORPUS_RE.match(row.korpus):
        errors.append(RowError(line, "korpus", "Корпус указывается числом, например 2."))
    if row.litera and not _LITERA_RE.match(row.litera):
        errors.append(RowError(line, "litera", "Литера — одна русская буква, например А."))
    if len(row.district) > 100:
        errors.append(RowError(line, "district", "Название района длиннее 100 знаков."))
    for name, (low, high) in COORDINATE_RANGES.items():
        raw = _cell(cells, columns, name).replace(",", ".")
        if not raw:
            continue
        try:
            value = float(raw)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            errors.append(RowError(line, name, f"Неверная координата «{raw[:20]}»: нужны градусы с дробной частью, "
                                               f"для Санкт-Петербурга от {low} до {high}."))
        else:
            setattr(row, name, value)
    if (row.latitude is None) != (row.longitude is None) and not errors:
        errors.append(RowError(line, "longitude" if row.longitude is None else "latitude",
                               "Укажите обе координаты: широту и долготу."))
    return row, errors


def _parse(text: str, report: ImportReport) -> list[_Row]:
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    header = next(reader, None)
    columns = _columns(header or [])
    missing = [name for name in ("street", "house") if name not in columns]
    if missing:
        for name in missing:
            report.errors.append(RowError(1, name, f"В первой строке нет столбца «{FIELD_LABELS[name]}» ({name})."))
        return []
    rows, seen, count = [], {}, 0
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            report.errors.append(RowError(reader.line_num, "", f"В файле больше {MAX_ROWS} строк; разделите его."))
            break
        row, errors = _validate(reader.line_num, cells, columns)
        if not errors and row.key in seen:
            errors.append(RowError(row.line, "house", f"Этот дом уже указан в строке {seen[row.key]}."))
        report.errors.extend(errors)
        if not errors:
            seen[row.key] = row.line
            rows.append(row)
    return rows


def _save(rows: list[_Row], report: ImportReport) -> None:
    existing = {b.search_key: b for b in Building.objects.all()}
    for row in rows:
        building = existing.get(row.key)
        if building is None:
            Building.objects.create(street=row.street, house=row.house, korpus=row.korpus, litera=row.litera,
                                    district=row.district or DEFAULT_DISTRICT, latitude=row.latitude,
                                    longitude=row.longitude)
            report.created += 1
            continue
        moved = row.latitude is not None and (row.latitude, row.longitude) != (building.latitude, building.longitude)
        changed = (row.district and row.district != building.district) or not building.is_active or moved
        if changed:
            building.district = row.district or building.district
            building.is_active = True
            if moved:
                building.latitude, building.longitude = row.latitude, row.longitude
            building.save()
            report.updated += 1
        else:
            report.unchanged += 1


def import_buildings(source) -> ImportReport:
    """Import a CSV file (a path, or a file object in binary or text mode); valid rows are saved.

    Returns the report: how many were created, updated, left unchanged, and every row's error.
    """
    report = ImportReport()
    try:
        text = _read_text(source)
    except OSError as exc:
        report.errors.append(RowError(0, "", f"Не удалось прочитать файл: {exc.strerror or exc}."))
        return report
    rows = _parse(text, report)
    with transaction.atomic():
        _save(rows, report)
    return report

"""Import of call-detail records (CDR) from an Asterisk PBX: its cdr_csv `Master.csv`.

The columns, in cdr_csv's order: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
lastdata, start, answer, end, duration, billsec, disposition, amaflags, and, when cdr.conf logs them,
uniqueid and userfield. Times are the PBX's local time (its `usegmtime` option makes them UTC).

A file is read in steps from a byte offset kept on its `CdrImport`, so a long file is never read whole and
the back office can show how far it got. A row already imported (the same uniqueid, or for a row without
one the same fields) adds nothing. The operator is found by the extension in the answering channel
(`SIP/101-0000002a` → 101) or the destination, through `OperatorExtension`; the caller by phone among the
applicants."""

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import BinaryIO

from django.db import transaction
from django.utils import timezone

from appeals.contacts import normalize_phone
from appeals.errors import AppealError
from appeals.models import Applicant

from . import summary
from .models import Call, CdrImport, OperatorExtension, Outcome

COLUMNS = ("accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
           "start", "answer", "end", "duration", "billsec", "disposition", "amaflags", "uniqueid", "userfield")
REQUIRED = 16  # uniqueid and userfield are written only when cdr.conf asks for them
MISSED = {"NO ANSWER", "BUSY", "FAILED", "CONGESTION"}
DISPOSITIONS = MISSED | {"ANSWERED"}
BATCH = 1000
MAX_ERRORS_KEPT = 500
_EXTENSION = re.compile(r"^[A-Za-z0-9]+/([^-@/]+)")


class RowError(ValueError):
    """What is wrong with one row, for people."""


@dataclass(frozen=True)
class Record:
    pbx_id: str
    caller: str
    extension: str
    ringing_at: dt.datetime
    answered_at: dt.datetime | None
    ended_at: dt.datetime | None
    missed: bool


def _moment(value: str, name: str, tz) -> dt.datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        moment = dt.datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise RowError(f"поле {name}: «{value[:40]}» — не дата и время вида ГГГГ-ММ-ДД ЧЧ:ММ:СС") from None
    return timezone.make_aware(moment, tz)


def _extension(fields: dict[str, str]) -> str:
    match = _EXTENSION.match(fields["dstchannel"].strip())
    return match.group(1) if match else fields["dst"].strip()


def _stable_key(row: list[str]) -> str:
    return "cdr-" + hashlib.sha256("\x1f".join(cell.strip() for cell in row[:REQUIRED]).encode()).hexdigest()[:40]


def parse_row(row: list[str], tz) -> Record:
    """One CSV row as a Record, or RowError saying what is wrong."""
    if len(row) < REQUIRED:
        raise RowError(f"в строке {len(row)} полей, а нужно не меньше {REQUIRED} (формат Master.csv)")
    fields = dict(zip(COLUMNS, row, strict=False))
    disposition = fields["disposition"].strip().upper()
    if disposition not in DISPOSITIONS:
        raise RowError(f"поле disposition: неизвестное значение «{fields['disposition'][:40]}»")
    start = _moment(fields["start"], "start", tz)
    if start is None:
        raise RowError("не указано время начала звонка (start)")
    answer = _moment(fields["answer"], "answer", tz)
    end = _moment(fields["end"], "end", tz)
    missed = disposition in MISSED
    if missed:
        answer = None
    elif answer is None:
        raise RowError("звонок отвечен (ANSWERED), но время ответа (answer) не указано")
    if answer is not None and answer < start:
        raise RowError("время ответа раньше начала звонка")
    if end is not None and end < start:
        raise RowError("время окончания раньше начала звонка")
    pbx_id = (fields.get("uniqueid") or "").strip()[:150] or _stable_key(row)
    return Record(pbx_id, fields["src"].strip(), _extension(fields), start, answer, end or start, missed)


def read_records(stream: BinaryIO, limit: int):
    """Up to `limit` CSV records from the stream's position, each with the offset just after it: a field in
    quotes may hold a line break, so a record ends where its quotes are closed."""
    count = 0
    while count < limit:
        line = stream.readline()
        if not line:
            return
        while line.count(b'"') % 2:
            more = stream.readline()
            if not more:
                break
            line += more
        count += 1
        text = line.decode("utf-8", errors="replace").lstrip("\ufeff")
        yield next(csv.reader([text]), []), stream.tell()


class _Matcher:
    """The operators by extension and the applicants by phone, looked up once per batch."""

    def __init__(self):
        self.operators = dict(OperatorExtension.objects.values_list("extension", "operator_id"))

    def applicants(self, phones: set[str]) -> dict[str, int]:
        found = {}
        for phone, pk in Applicant.objects.filter(phone__in=phones).order_by("-pk").values_list("phone", "pk"):
            found[phone] = pk
        return found


def _phone(raw: str) -> str:
    try:
        return normalize_phone(raw)
    except AppealError:
        return ""


def _save(records: list[Record], matcher: _Matcher) -> tuple[int, int]:
    """Insert the records not yet known; (added, already known)."""
    unique = {record.pbx_id: record for record in records}
    known = set(Call.objects.filter(pbx_id__in=unique).values_list("pbx_id", flat=True))
    fresh = [record for pbx_id, record in unique.items() if pbx_id not in known]
    phones = {record.caller: _phone(record.caller) for record in fresh}
    applicants = matcher.applicants({phone for phone in phones.values() if phone})
    calls = [Call(
        caller_number=phones[r.caller] or r.caller[:40], applicant_id=applicants.get(phones[r.caller]),
        operator_id=None if r.missed else matcher.operators.get(r.extension),
        ringing_at=r.ringing_at, answered_at=r.answered_at, ended_at=r.ended_at,
        outcome=Outcome.MISSED if r.missed else "", source=Call.Source.PBX, pbx_id=r.pbx_id) for r in fresh]
    Call.objects.bulk_create(calls, batch_size=BATCH, ignore_conflicts=True)
    summary.refresh_calls(calls)  # bulk_create bypasses Call.save
    return len(calls), len(records) - len(calls)


def _is_header(row: list[str]) -> bool:
    return len(row) > 9 and row[9].strip().lower() == "start"


def import_step(record: CdrImport, stream: BinaryIO, limit: int = BATCH) -> CdrImport:
    """Read and store the next `limit` rows of the file from where the import stopped; mark it finished at
    the end of the file. The stream is the import's file, opened for reading in binary."""
    tz = dt.UTC if record.in_utc else timezone.get_default_timezone()
    stream.seek(record.offset)
    parsed: list[Record] = []
    errors: list[dict] = []
    rows = 0
    offset = record.offset
    for row, after in read_records(stream, limit):
        rows += 1
        offset = after
        number = record.rows_done + rows
        if not any(cell.strip() for cell in row) or (number == 1 and _is_header(row)):
            continue
        try:
            parsed.append(parse_row(row, tz))
        except RowError as error:
            errors.append({"row": number, "message": f"Строка {number}: {error}."})
    with transaction.atomic():
        added, known = _save(parsed, _Matcher()) if parsed else (0, 0)
        record.offset = offset
        record.rows_done += rows
        record.rows_added += added
        record.rows_known += known
        record.error_count += len(errors)
        record.errors = (record.errors + errors)[:MAX_ERRORS_KEPT]
        if rows < limit:
            record.finished_at = timezone.now()
        record.save()
    return record


def import_file(record: CdrImport, stream: BinaryIO, batch: int = BATCH, progress=None) -> CdrImport:
    """The whole file, batch after batch (the management command)."""
    while not record.is_finished:
        import_step(record, stream, batch)
        if progress:
            progress(record)
    return record


def start_import(name: str, size: int, *, user=None, file=None, in_utc: bool = False) -> CdrImport:
    return CdrImport.objects.create(name=name[:255], size=size, started_by=user, file=file or "", in_utc=in_utc)

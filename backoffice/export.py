"""The journal as a spreadsheet in the form of table 5.3.2, written row by row."""

import tempfile
from collections.abc import Iterable

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font

HEADER = ["№ п/п", "Номер обращения", "Дата поступления", "Классификация", "ФИО и адрес заявителя",
          "Адрес проблемы", "Краткое содержание", "Результат", "В чью пользу решено", "Статус"]
WIDTHS = [7, 12, 17, 40, 40, 32, 60, 40, 14, 20]
TITLE = "Журнал жалоб и обращений"
# Excel holds 1 048 576 rows; three are the company, the title and the header, one the note on the limit.
MAX_ROWS = 1_048_576 - 4
CHUNK = 2000

_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


def complexity_letter(appeal) -> str:
    return appeal.get_complexity_display()[:1]


def classification_name(appeal) -> str:
    parts = [appeal.category.name if appeal.category_id else "", appeal.reason.name if appeal.reason_id else ""]
    return " → ".join(p for p in parts if p)


def classification_text(appeal) -> str:
    name = classification_name(appeal)
    return f"{name} (кат. {complexity_letter(appeal)})" if name else "не классифицировано"


def applicant_address(appeal) -> str:
    """The applicant's own address (home or postal), never the problem's: that is `problem_address`."""
    return appeal.applicant.address if appeal.applicant_id else ""


def applicant_text(appeal) -> str:
    name = appeal.applicant.full_name if appeal.applicant_id else "без указания ФИО"
    address = applicant_address(appeal)
    return f"{name}, {address}" if address else name


def _text(ws, value: str, alignment=_WRAP) -> WriteOnlyCell:
    """A cell that is always text: a leading = + - @ never turns into a formula.

    Line breaks become the \n a spreadsheet cell uses (XML would turn a bare \r into \n anyway)."""
    value = ILLEGAL_CHARACTERS_RE.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n"))
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    cell.alignment = alignment
    return cell


def _date(ws, moment) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=timezone.localtime(moment).replace(tzinfo=None, microsecond=0))
    cell.number_format = "DD.MM.YYYY HH:MM"
    cell.alignment = _TOP
    return cell


def _int(ws, value: int) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.alignment = _TOP
    return cell


def journal_row(ws, index: int, appeal) -> list[WriteOnlyCell]:
    """Row `index` (1, 2, 3…: «№ п/п») of the journal."""
    return [_int(ws, index), _text(ws, appeal.number, _TOP), _date(ws, appeal.received_at),
            _text(ws, classification_text(appeal)), _text(ws, applicant_text(appeal)),
            _text(ws, appeal.problem_address), _text(ws, appeal.short_content), _text(ws, appeal.decided_result),
            _text(ws, appeal.decided_in_favour_of, _TOP), _text(ws, appeal.get_status_display())]


def _bold(ws, value: str, size: int = 11, alignment=_TOP) -> WriteOnlyCell:
    cell = _text(ws, value, alignment)
    cell.font = Font(bold=True, size=size)
    return cell


def write_journal(appeals: Iterable, *, company: str, title: str, max_rows: int = MAX_ROWS):
    """Write the journal into a temporary file and return it rewound; memory stays flat for any size."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Журнал")
    for index, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    ws.freeze_panes = "A4"
    ws.append([_bold(ws, company, 12)])
    ws.append([_bold(ws, title, 12)])
    ws.append([_bold(ws, name, alignment=_WRAP) for name in HEADER])  # the titles above run on unwrapped
    written = 0
    for appeal in appeals:
        if written == max_rows:
            ws.append([_text(ws, f"Выгружены первые {max_rows} строк. Уточните отбор, чтобы получить остальные.")])
            break
        written += 1
        ws.append(journal_row(ws, written, appeal))
    out = tempfile.TemporaryFile()
    wb.save(out)
    out.seek(0)
    return out


def journal_title(filters: str) -> str:
    """«Журнал жалоб и обращений: статус «В работе», с 01.11.2026 по 30.11.2026»."""
    return f"{TITLE}: {filters}" if filters else f"{TITLE} за всё время"

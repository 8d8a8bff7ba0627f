"""A statistics table as data (what the page shows, the XLSX holds and the monthly report prints), and its chart:
server-side SVG geometry of horizontal bars, one per row, beside the same table."""

import re
import tempfile
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font

from backoffice.export import _text

BAR_HEIGHT, GAP, LABEL_WIDTH, WIDTH = 18, 6, 230, 640
SPLIT_ROOM = 18  # the room the split line and its label take between two bars
CHART_ROWS = 20


@dataclass
class Table:
    slug: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    chart_column: int | None = 1  # the column the bars show; None: no chart
    summary: str = ""  # the chart's text alternative
    numeric_from: int = 1  # the first column of figures (aligned right); those before it are text
    chart_rows: int = CHART_ROWS  # the bars drawn at most
    split_at: int | None = None  # a line across the chart before this row (a measure's day), the rows after tinted
    split_label: str = ""
    links: list[tuple[str, str]] | None = None  # per row (address, words): a last column on the page only

    @property
    def linked_rows(self) -> list[tuple[list, tuple[str, str] | None]]:
        """Each row with its link (None without links), for the page's last column."""
        return list(zip(self.rows, self.links or [None] * len(self.rows), strict=True))

    def chart(self) -> dict | None:
        if self.chart_column is None or not self.rows:
            return None
        rows = self.rows[:self.chart_rows]
        values = [row[self.chart_column] if isinstance(row[self.chart_column], int | float) else 0 for row in rows]
        top = max(values + [1])
        room = WIDTH - LABEL_WIDTH - 60
        bars = []
        split_at = self.split_at if self.split_at is not None and 0 < self.split_at < len(rows) else None
        for index, (row, value) in enumerate(zip(rows, values, strict=True)):
            y = index * (BAR_HEIGHT + GAP) + 4 + (SPLIT_ROOM if split_at is not None and index >= split_at else 0)
            label = str(row[0])
            w = round(room * value / top, 1)
            bars.append({"y": y, "text_y": y + BAR_HEIGHT - 5, "w": w, "value_x": round(LABEL_WIDTH + w + 4, 1),
                         "value": value, "label": label if len(label) <= 34 else label[:33] + "…",
                         "full": label, "after": split_at is not None and index >= split_at})
        height = len(rows) * (BAR_HEIGHT + GAP) + 8
        split = None
        if split_at is not None:
            y = split_at * (BAR_HEIGHT + GAP) + 3
            split = {"y": y, "text_y": y + 13, "label": self.split_label}
            height += SPLIT_ROOM
        return {"width": WIDTH, "height": height, "left": LABEL_WIDTH, "bars": bars, "bar_h": BAR_HEIGHT,
                "shown": len(rows), "total": len(self.rows), "split": split}


def sheet_name(title: str, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", title)[:28].strip() or "Лист"
    base, n = name, 2
    while name in taken:
        name, n = f"{base[:25]} {n}", n + 1
    taken.add(name)
    return name


def write_xlsx(heading: str, tables: list[Table]):
    """Every table on a sheet of its own; texts as text (a leading = + - @ never becomes a formula)."""
    book = Workbook(write_only=True)
    taken: set[str] = set()
    for table in tables:
        ws = book.create_sheet(sheet_name(table.title, taken))
        ws.column_dimensions["A"].width = 50
        title = _text(ws, f"{heading}. {table.title}")
        title.font = Font(bold=True)
        ws.append([title])
        ws.append([_bold(ws, name) for name in table.columns])
        for row in table.rows:
            ws.append([_text(ws, value) if isinstance(value, str) else value for value in row])
        if not table.rows:
            ws.append([_text(ws, "Нет данных за период.")])
    out = tempfile.TemporaryFile()
    book.save(out)
    out.seek(0)
    return out


def _bold(ws, value: str):
    cell = _text(ws, value)
    cell.font = Font(bold=True)
    return cell

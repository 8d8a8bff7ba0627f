"""The journal as a PDF in the form of table 5.3.2 (WeasyPrint with the system's fonts), for printing and filing.

The rows are the spreadsheet's (`export`): the same columns, the same words. A PDF is read by people, so it holds
at most `MAX_ROWS`; a longer selection ends with a line saying so (the spreadsheet has them all)."""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from deadlines.calendar import moment_words

from .export import HEADER, applicant_text, classification_text

STYLESHEET = Path(__file__).with_name("journal.css")
MAX_ROWS = 1000  # about 35 pages; WeasyPrint lays out some 100 rows a second, a print job stays within seconds


def journal_rows(appeals, max_rows: int = MAX_ROWS) -> tuple[list[list[str]], bool]:
    """The rows of the table as text, and whether the selection went on past `max_rows`."""
    rows = []
    for appeal in appeals:
        if len(rows) == max_rows:
            return rows, True
        rows.append([str(len(rows) + 1), appeal.number, f"{timezone.localtime(appeal.received_at):%d.%m.%Y %H:%M}",
                     classification_text(appeal), applicant_text(appeal), appeal.problem_address,
                     appeal.short_content, appeal.decided_result, appeal.decided_in_favour_of,
                     appeal.get_status_display()])
    return rows, False


def journal_pdf(appeals, *, company: str, title: str, max_rows: int = MAX_ROWS) -> bytes:
    from weasyprint import CSS, HTML  # loads pango: only where a PDF is made

    rows, cut = journal_rows(appeals, max_rows)
    html = render_to_string("backoffice/journal_pdf.html", {
        "company": company, "title": title, "header": HEADER, "rows": rows, "cut": cut, "max_rows": max_rows,
        "made": moment_words(timezone.now())})
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])

"""A 任务分工表 as a file: a real ``.xlsx`` (openpyxl: header row, wrapped
text, one row per task) and CSV with a byte-order mark (so Excel on Windows
reads the Chinese as UTF-8)."""
from __future__ import annotations

import csv
import io

from .pages import site_words
from .plans import PLAN_FIELDS, PlanRow

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"

#: column widths in characters, by field (the task text is the wide one)
WIDTHS = {"path": 10, "task": 70, "deadline": 14, "targets": 40, "document": 30}
ROLE_WIDTH = 22


def table_fields(with_document: bool) -> list[str]:
    """The fields of the table: a department's table says which plan each task is from."""
    return (["document"] if with_document else []) + list(PLAN_FIELDS)


def headers(fields: list[str]) -> list[str]:
    return [site_words().plan_columns[f] for f in fields]


def to_xlsx(rows: list[PlanRow], title: str, with_document: bool = False) -> bytes:
    """The table as an .xlsx workbook: Chinese headers, wrapped text, frozen header row."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    fields = table_fields(with_document)
    book = Workbook()
    sheet = book.active
    sheet.title = site_words().messages["sheet_title"]
    sheet.append(headers(fields))
    for row in rows:
        cells = row.cells()
        sheet.append([cells[f] for f in fields])
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows():
        for cell in line:
            cell.alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, f in enumerate(fields, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(f, ROLE_WIDTH)
    sheet.freeze_panes = "A2"
    book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rows_to_xlsx(columns: list[str], rows) -> bytes:
    """Any table or query as a workbook: Chinese column headers (site.yml), wrapped text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    labels = site_words().columns
    sheet.append([labels.get(c, c) for c in columns])
    for row in rows:
        sheet.append([row[c] if not isinstance(row[c], bytes) else None for c in columns])
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(rows: list[PlanRow], with_document: bool = False) -> bytes:
    """The table as CSV, UTF-8 with a byte-order mark.

    >>> to_csv([])[:3] == b"\\xef\\xbb\\xbf"
    True
    """
    fields = table_fields(with_document)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers(fields))
    for row in rows:
        cells = row.cells()
        writer.writerow([cells[f] for f in fields])
    return out.getvalue().encode("utf-8-sig")


def download_name(stem: str, extension: str) -> str:
    """A Content-Disposition value for a file name with Chinese in it (RFC 6266).

    >>> download_name("cq-2022-39", "xlsx")
    'attachment; filename="cq-2022-39.xlsx"; filename*=UTF-8\\'\\'cq-2022-39.xlsx'
    """
    from urllib.parse import quote

    ascii_name = "".join(ch if ch.isascii() and ch not in '"\\/' else "_" for ch in stem)
    return f"attachment; filename=\"{ascii_name}.{extension}\"; filename*=UTF-8''{quote(stem, safe='')}.{extension}"

"""A PDF with a text layer: pdfplumber's lines, repaired into paragraphs.

A printed plan's text layer is a stream of lines: page numbers (— 3 —),
running headers and footers, and paragraphs broken wherever the line or the
page ended. This module reads the lines (:mod:`.pdflines` groups characters
into them), renders ruled tables, drops the furniture, and hands the rest to
:mod:`.paragraphs`, which joins a broken heading or paragraph back whole.
"""
from __future__ import annotations

import io
import re

from ..models import PolicyKBError, Source
from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .normalize import close_number_blanks
from .paragraphs import Line, join_lines
from .pdflines import text_lines
from .tables import find_task_header, render_table

# pdfplumber writes a space for a gap between characters wider than this
# share of the type size: justified Chinese text is letter-spaced, and Word
# puts a quarter-em between Chinese and Latin (到 2025 年); neither is a space
# in the text, while a tab stop or typed spaces (中共辽宁省委  辽宁省人民政府) are
GAP_AS_SPACE = 0.5
# points a running header or footer may drift up or down from page to page
RUNNING_DRIFT = 3.0
# a glyph whose font has no Unicode mapping: pdfminer writes its font code
_CID = re.compile(r"\(cid:\d+\)")


def _inside(obj, box) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _cell_text(text: str | None) -> str:
    return "".join((text or "").split("\n")).strip()


def table_rows(table) -> list[list[str]]:
    """A pdfplumber table's rows as cell texts, a merged cell repeated in
    every grid position it covers (pdfplumber leaves those None)."""
    texts = table.extract(x_tolerance_ratio=GAP_AS_SPACE)
    cells = [(box, text) for row, row_texts in zip(table.rows, texts)
             for box, text in zip(row.cells, row_texts) if box is not None]
    columns = [column.bbox for column in table.columns]
    rows = []
    for row, row_texts in zip(table.rows, texts):
        out = []
        for c, (box, text) in enumerate(zip(row.cells, row_texts)):
            if box is None and c < len(columns):
                point = {"x0": columns[c][0], "x1": columns[c][2], "top": row.bbox[1], "bottom": row.bbox[3]}
                text = next((t for b, t in cells if _inside(point, b)), None)
            out.append(_cell_text(text))
        rows.append(out)
    return rows


def _page_lines(page, number: int, vocab, task_tables: list) -> list[Line]:
    """The page's text lines, and a line for each row of each ruled table."""
    tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
    lines = []
    for table in tables:
        rows = table_rows(table)
        rendered, is_task = render_table(rows, vocab)
        if is_task:
            task_tables.append(rows[find_task_header(rows, vocab):])
        x0, top, x1, bottom = table.bbox
        for i, text in enumerate(rendered):
            lines.append(Line(text, x0, x1, top + i * 0.01, bottom, number, whole=True))
    if tables:
        boxes = [t.bbox for t in tables]
        page = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)
                           if "x0" in obj and "top" in obj else True)
    han = compile_patterns(vocab).read.han
    for raw in text_lines(page, han, vocab.read.line_overlap, x_tolerance_ratio=GAP_AS_SPACE):
        text = raw["text"].strip()
        if text:
            lines.append(Line(text, raw["x0"], raw["x1"], raw["top"], raw["bottom"], number))
    return sorted(lines, key=lambda line: line.top)


def is_page_number(text: str, vocab=None) -> bool:
    """Whether a line is only a page number.

    >>> [is_page_number(t) for t in ["— 3 —", "- 12 -", "第3页 共10页", "14%", "一、总体要求"]]
    [True, True, True, False, False]
    """
    return any(p.match(text.strip()) for p in compile_patterns(default_vocabulary(vocab)).read.page_number)


def is_print_furniture(text: str, vocab=None) -> bool:
    """Whether a margin line is what a browser prints around a web page: the
    print date and time, the page's address.

    >>> [is_print_furniture(t) for t in ["2024/5/6 10:21 某市人民政府网", "https://www.example.gov.cn/a.html 1/3",
    ...                                  "到2025年", "（网址：https://www.example.gov.cn）"]]
    [True, True, False, False]
    """
    return any(p.match(text.strip()) for p in compile_patterns(default_vocabulary(vocab)).read.print_furniture)


def _margin(lines: list[Line], vocab) -> list[Line]:
    lines = [line for line in lines if not line.whole]
    k = vocab.read.margin_lines
    return lines if len(lines) <= 2 * k else lines[:k] + lines[-k:]


def drop_page_furniture(pages: list[list[Line]], vocab=None) -> list[list[Line]]:
    """Remove page numbers, running headers and footers, and what a browser
    prints in the margin (the print date, the page's address), on a single
    page too.

    A running header or footer is a line at the top or bottom of a page that
    recurs, digits aside, at the same height on many pages; a line of the
    text that happens to recur near a page's foot (完成时限：…月底前 under
    every task) stands at a different height on each page, and stays.
    """
    vocab = default_vocabulary(vocab)
    seen: dict[str, list[tuple[int, float]]] = {}
    for number, lines in enumerate(pages):
        for line in _margin(lines, vocab):
            seen.setdefault(_running_key(line.text), []).append((number, line.top))

    def running(line: Line) -> bool:
        pages_there = {n for n, top in seen.get(_running_key(line.text), ()) if abs(top - line.top) <= RUNNING_DRIFT}
        return len(pages) >= 2 and len(pages_there) >= max(2, vocab.read.running_share * len(pages))

    kept = []
    for lines in pages:
        furniture = {id(line) for line in _margin(lines, vocab)
                     if is_page_number(line.text, vocab) or running(line) or is_print_furniture(line.text, vocab)}
        kept.append([line for line in lines if id(line) not in furniture])
    return kept


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def read_pdf(path, data: bytes, vocab=None) -> Source:
    """Read a PDF's text layer into a :class:`Source` (``norm`` is filled in by
    :func:`policykb.read.read_document`)."""
    import pdfplumber

    if not data.lstrip()[:5] == b"%PDF-":
        raise PolicyKBError(path, "not a PDF file (no %PDF header)")
    try:
        vocab = default_vocabulary(vocab)
        tables: list = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_page_lines(page, i, vocab, tables) for i, page in enumerate(pdf.pages, 1)]
    except PolicyKBError:
        raise
    except Exception as e:  # pdfminer raises many kinds on damaged files
        detail = str(e).splitlines()[0][:80] if str(e) else type(e).__name__
        raise PolicyKBError(path, f"cannot read the PDF: corrupt, truncated or encrypted ({detail})") from None
    if not any(pages):
        raise PolicyKBError(path, "the PDF has no text layer (a scan? run OCR first)")
    text = close_number_blanks("\n".join(join_lines(drop_page_furniture(pages, vocab), vocab)), vocab)
    warnings = []
    unmapped = len(_CID.findall(text))
    if unmapped:
        if unmapped > len(compile_patterns(vocab).read.han.findall(text)):
            raise PolicyKBError(path, "the PDF's fonts carry no Unicode mapping, so its text cannot be read "
                                      "(run OCR on it)")
        text = _CID.sub("", text)
        warnings.append(f"{unmapped} characters in fonts without a Unicode mapping were left out")
    return Source(path=str(path), text=text, norm="", format="pdf", tables=tables, warnings=warnings)

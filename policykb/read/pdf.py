"""A PDF with a text layer: pdfplumber's lines, repaired into paragraphs.

A printed plan's text layer is a stream of lines: page numbers (— 3 —),
running headers and footers, and paragraphs broken wherever the line or the
page ended. This module drops the furniture and joins a line to the one
before it when the one before fills the text width and the new line neither
is indented nor starts a numbered heading, so a heading or paragraph broken
at the line or page end comes back whole.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from ..models import PolicyKBError, Source
from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .normalize import close_number_blanks, fold_punctuation
from .pdflines import text_lines
from .tables import find_task_header, render_table

# pdfplumber writes a space for a gap between characters wider than this
# share of the type size: justified Chinese text is letter-spaced, and Word
# puts a quarter-em between Chinese and Latin (到 2025 年); neither is a space
# in the text, while a tab stop or typed spaces (中共辽宁省委  辽宁省人民政府) are
GAP_AS_SPACE = 0.5
# a glyph whose font has no Unicode mapping: pdfminer writes its font code
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    # a line written from a table row: a paragraph of its own, never joined
    whole: bool = False


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


def _margin(lines: list[Line], vocab) -> list[Line]:
    lines = [line for line in lines if not line.whole]
    k = vocab.read.margin_lines
    return lines if len(lines) <= 2 * k else lines[:k] + lines[-k:]


def drop_page_furniture(pages: list[list[Line]], vocab=None) -> list[list[Line]]:
    """Remove page numbers and running headers and footers (a line at the top
    or bottom of a page that recurs, digits aside, on many pages)."""
    vocab = default_vocabulary(vocab)

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text)

    seen = Counter()
    for lines in pages:
        seen.update({key(line.text) for line in _margin(lines, vocab)})
    running = {k for k, n in seen.items()
               if len(pages) >= 2 and n >= 2 and n >= vocab.read.running_share * len(pages)}
    kept = []
    for lines in pages:
        furniture = {id(line) for line in _margin(lines, vocab)
                     if is_page_number(line.text, vocab) or key(line.text) in running}
        kept.append([line for line in lines if id(line) not in furniture])
    return kept


def _edge(values: list[float], tolerance: float, largest: bool) -> float:
    """The outermost x reached by at least two lines (one overlong or
    outdented line does not move the margin)."""
    ordered = sorted(values, reverse=largest)
    for v in ordered:
        if sum(1 for w in values if abs(w - v) <= tolerance) >= 2:
            return v
    return ordered[0]


def _measure_edge(values: list[float], tolerance: float) -> float:
    """The right margin: where most lines end, the furthest such x.

    A full line does not always reach the measure's edge: a closing mark may
    not open a line, so the character before it moves down with it, and a
    run of digits or Latin letters is never split, so lines end up to a
    character or two short (ragged in a web print); lines that end in a mark
    or a figure run a little past the edge. The outermost x two lines reach
    is therefore not the margin, and judging against it would end a
    paragraph at every such line (inside a name, a note, a quantity). The
    margin is the end the most lines share (within ``tolerance``).

    >>> _measure_edge([500, 516, 516.2, 515.8, 524.4, 524.3, 300], 6)
    516.2
    """
    def shared(v: float) -> int:
        return sum(1 for w in values if abs(w - v) <= tolerance)

    return max(values, key=lambda v: (shared(v), v))


def join_lines(pages: list[list[Line]], vocab=None) -> list[str]:
    """Rebuild paragraphs from the body lines of each page, in order.

    >>> a = Line("到2025年，全市单位地区生产总值能源消耗比", 72, 300, 100, 112, 1)
    >>> b = Line("2020年下降14%。", 72, 150, 116, 128, 1)
    >>> c = Line("三、实施节能减排重点工程", 96, 240, 132, 144, 1)
    >>> join_lines([[a, b, c]])
    ['到2025年，全市单位地区生产总值能源消耗比2020年下降14%。', '三、实施节能减排重点工程']
    """
    body = [line for lines in pages for line in lines]
    text = [line for line in body if not line.whole] or body
    if not body:
        return []
    size = median(line.bottom - line.top for line in text) or 10.0
    left = _edge([line.x0 for line in text], size / 4, largest=False)
    right = _measure_edge([line.x1 for line in text], size / 2)
    gaps = [b.top - a.bottom for a, b in zip(text, text[1:]) if a.page == b.page and b.top > a.bottom]
    gap = median(gaps) if gaps else size
    # where paragraphs open indented, indentation alone tells a new paragraph
    # and a label at the margin is an inline list running on (企业；（3）符合…)
    openings = [b for a, b in zip(text, text[1:]) if a.x1 < right - 1.5 * size]
    indented = bool(openings) and sum(b.x0 > left + 0.9 * size for b in openings) >= 0.5 * len(openings)
    page = Measure(left, right, size, gap, indented)
    paragraphs: list[str] = []
    prev: Line | None = None
    for line in body:
        if prev is not None and _continues(Join(prev, line, page, _unclosed(paragraphs[-1]), vocab)):
            glue = " " if prev.text[-1:].isascii() and prev.text[-1:].isalpha() and line.text[:1].isascii() \
                and line.text[:1].isalpha() else ""
            paragraphs[-1] += glue + line.text
        else:
            paragraphs.append(line.text)
        prev = line
    return paragraphs


def _unclosed(text: str) -> bool:
    """Whether a bracket is open at the end of ``text``.

    >>> _unclosed("推进节能改造。（责任单位："), _unclosed("（一）总体要求：")
    (True, False)
    """
    return text.count("（") + text.count("(") + text.count("〔") > text.count("）") + text.count(")") + text.count("〕")


def _opens_heading(text: str, vocab=None) -> bool:
    """Whether a line opens with a heading label of the ladder
    (``data/numbering.yml``), as structure reads it on folded text.

    >>> [_opens_heading(t) for t in ["(三)加强领导", "1．推进", "1.5万吨标准煤", "到2025年"]]
    [True, True, False, False]
    """
    return bool(compile_patterns(default_vocabulary(vocab)).read.opening.match(fold_punctuation(text)))


@dataclass(frozen=True)
class Measure:
    """The body's geometry: its margins, the type size, the usual gap between
    lines, and whether its paragraphs open indented."""

    left: float
    right: float
    size: float
    gap: float
    indented: bool = False


@dataclass(frozen=True)
class Join:
    """One question of :func:`join_lines`: does ``line`` carry on the paragraph
    that ``prev`` ends? (``in_brackets``: a bracket is open in that paragraph.)"""

    prev: Line
    line: Line
    page: Measure
    in_brackets: bool = False
    vocab: object = None


def _from_table(j: Join) -> bool:
    """A line written from a table row is a paragraph of its own.

    >>> _from_table(Join(Line("指标　2025年", 72, 300, 0, 12, 1, whole=True), Line("到2025年", 72, 300, 16, 28, 1),
    ...                  Measure(72, 300, 12, 4)))
    True
    """
    return j.prev.whole or j.line.whole


def _stops_short(j: Join) -> bool:
    """The line before stops short of the right margin: its paragraph ended.

    A line that ends in a paragraph's closing mark (。；：） and the like,
    ``read.yml`` ``paragraph_end_marks``) counts as short a character and a
    half before the margin. A line that ends mid-clause (on a character, a
    figure, 、 or ，) is allowed ``ragged_chars``: line breaking leaves such a
    line short when the next character may not open a line (a closing mark
    pulls the character before it down), when a figure or a bracketed group
    (〔市〕) is not split, and at every line of a web print's ragged edge; a
    paragraph seldom ends there (a heading or a title ends far shorter, or is
    set off).

    >>> m = Measure(72, 300, 12, 4)
    >>> _stops_short(Join(Line("2020年下降14%。", 72, 150, 0, 12, 1), Line("三、实施", 96, 240, 16, 28, 1), m))
    True
    >>> _stops_short(Join(Line("各省直管县", 72, 270, 0, 12, 1), Line("〔市〕政府", 72, 240, 16, 28, 1), m))
    False
    >>> _stops_short(Join(Line("2020年下降14%。", 72, 270, 0, 12, 1), Line("三、实施", 72, 240, 16, 28, 1), m))
    True
    """
    words = default_vocabulary(j.vocab).read
    ended = j.prev.text.endswith(tuple(words.paragraph_end_marks))
    allowance = 1.5 if ended else max(1.5, words.ragged_chars)
    return j.prev.x1 < j.page.right - allowance * j.page.size


def _set_off(j: Join) -> bool:
    """The line before is centred or set right (a title, a signature).

    It starts more than four characters in from the left margin and is
    shorter than a paragraph's first line can be. A first line under the deepest
    indent (``read.yml`` ``deepest_indent``: a numbered item set five
    characters in) that ends a ragged allowance (``ragged_chars``) short of
    the margin spans the measure less those two; it carries on.

    >>> m = Measure(72, 300, 12, 4)
    >>> _set_off(Join(Line("重庆市人民政府", 200, 300, 0, 12, 1), Line("2022年9月18日", 200, 300, 16, 28, 1), m))
    True
    >>> _set_off(Join(Line("13.推进公共机构节能。到年底前县级以上机关创", 122, 290, 0, 12, 1),
    ...               Line("建成节约型机关。", 72, 170, 16, 28, 1), m))
    False
    """
    prev, page, words = j.prev, j.page, default_vocabulary(j.vocab).read
    first_line = page.right - page.left - (words.deepest_indent + words.ragged_chars) * page.size
    return prev.x0 > page.left + 4 * page.size and prev.x1 - prev.x0 < first_line


def _indented(j: Join) -> bool:
    """The line is indented (a paragraph's first line) or centred.

    >>> _indented(Join(Line("全市单位地区生产总值能源消耗比", 72, 300, 0, 12, 1), Line("一、总体要求", 96, 240, 16, 28, 1),
    ...                Measure(72, 300, 12, 4)))
    True
    """
    return j.line.x0 > j.page.left + 0.9 * j.page.size


def _opens_at_margin(j: Join) -> bool:
    """Where paragraphs open unindented: a heading label opens one, and a
    colon outside brackets (addressees, 意见如下：) ends one; a colon in a note
    (（责任单位：) does not.

    >>> _opens_at_margin(Join(Line("全市单位地区生产总值能源消耗比", 72, 300, 0, 12, 1), Line("（一）加强领导", 72, 240, 16, 28, 1),
    ...                       Measure(72, 300, 12, 4)))
    True
    """
    if j.page.indented:
        return False
    colon = j.prev.text.endswith(("：", ":")) and not j.in_brackets
    return _opens_heading(j.line.text, j.vocab) or colon


def _blank_between(j: Join) -> bool:
    """A blank line's worth of space lies between the two lines.

    >>> _blank_between(Join(Line("全市单位地区生产总值能源消耗比", 72, 300, 0, 12, 1), Line("到2025年", 72, 300, 30, 42, 1),
    ...                     Measure(72, 300, 12, 4)))
    True
    """
    return j.line.page == j.prev.page and j.line.top - j.prev.bottom > 1.8 * j.page.gap + 2


# What ends a paragraph before ``line``: any one rule does, so the order does
# not change the answer; it runs from the cheapest test to the costliest.
PARAGRAPH_END_RULES = (
    ("from_table", _from_table),  # a table row is never joined, whatever its geometry
    ("stops_short", _stops_short),  # the commonest end: a short last line
    ("set_off", _set_off),  # titles and signatures are centred or set right
    ("indented", _indented),  # a first-line indent opens a paragraph
    ("opens_at_margin", _opens_at_margin),  # the one regex: a label or a colon, unindented layouts only
    ("blank_between", _blank_between),  # extra space: the layout's own paragraph break
)


def _continues(j: Join) -> bool:
    """Whether ``j.line`` carries on the paragraph that ``j.prev`` ends."""
    return not any(rule(j) for _, rule in PARAGRAPH_END_RULES)


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

"""Printed lines rebuilt into paragraphs.

A printed plan's paragraphs are broken wherever the line or the page ended.
:func:`join_lines` joins a line to the one before it unless one of
:data:`PARAGRAPH_END_RULES` says the paragraph ended there: the line before
stops short of the margin, is set off (a title, a signature), the line is
indented, opens a heading, or stands after extra space. The margins and the
type size are measured on the document itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .normalize import fold_punctuation

@dataclass
class Line:
    """One printed line: its text, its box, its page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    # a line written from a table row: a paragraph of its own, never joined
    whole: bool = False


def _edge(values: list[float], tolerance: float, largest: bool) -> float:
    """The outermost x reached by at least two lines (one overlong or
    outdented line does not move the margin)."""
    ordered = sorted(values, reverse=largest)
    for v in ordered:
        if sum(1 for w in values if abs(w - v) <= tolerance) >= 2:
            return v
    return ordered[0]


def _measure_edge(values: list[float], size: float) -> float:
    """The right margin: where most lines end, the furthest such x.

    A full line does not always reach the measure's edge: a closing mark may
    not open a line, so the character before it moves down with it, and a
    run of digits or Latin letters is never split, so lines end up to a
    character or two short (ragged in a web print); lines that end in a mark
    or a figure run a little past the edge. The outermost x two lines reach
    is therefore not the margin, and judging against it would end a
    paragraph at every such line (inside a name, a note, a quantity). The
    margin is the end the most lines share (within half a character), among
    the ends within four characters of that outermost x (so that many short
    lines of one length, a column of a table, do not make the margin).

    >>> _measure_edge([500, 516, 516.2, 515.8, 524.4, 524.3, 300], 12)
    516.2
    >>> _measure_edge([200, 200.1, 200.2, 200.3, 516, 515.8, 524.4], 12)
    516
    """
    outer = _edge(values, size / 2, largest=True)
    near = [v for v in values if v >= outer - 4 * size]

    def shared(v: float) -> int:
        return sum(1 for w in near if abs(w - v) <= size / 2)

    return max(near, key=lambda v: (shared(v), v))


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
    right = _measure_edge([line.x1 for line in text], size)
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
    set off). A page's last line may stop anywhere (a footnote, a figure, the
    page's own end); when it stops mid-clause inside an open bracket (a note
    not yet closed), the paragraph goes on overleaf.

    >>> m = Measure(72, 300, 12, 4)
    >>> _stops_short(Join(Line("2020年下降14%。", 72, 150, 0, 12, 1), Line("三、实施", 96, 240, 16, 28, 1), m))
    True
    >>> _stops_short(Join(Line("各省直管县", 72, 270, 0, 12, 1), Line("〔市〕政府", 72, 240, 16, 28, 1), m))
    False
    >>> _stops_short(Join(Line("2020年下降14%。", 72, 270, 0, 12, 1), Line("三、实施", 72, 240, 16, 28, 1), m))
    True
    >>> _stops_short(Join(Line("（省发展改革委、省商务厅等按职", 72, 200, 700, 712, 1), Line("责分工负责）", 72, 150, 80, 92, 2),
    ...                   m, in_brackets=True))
    False
    """
    words = default_vocabulary(j.vocab).read
    ended = j.prev.text.endswith(tuple(words.paragraph_end_marks))
    if not ended and j.in_brackets and j.line.page != j.prev.page:
        return False  # a page's last line, cut short mid-note: the note carries on overleaf
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
    """A heading label at the margin opens a paragraph where paragraphs open
    unindented, and a colon outside brackets (addressees, 意见如下：) ends
    one; a colon in a note (（责任单位：) does not. Where paragraphs open
    indented, a label at the margin opens one only after a sentence's end
    (a heading set flush left); after a comma or a semicolon it is a list
    running on inline (企业；（3）符合…).

    >>> m = Measure(72, 300, 12, 4)
    >>> _opens_at_margin(Join(Line("全市单位地区生产总值能源消耗比", 72, 300, 0, 12, 1), Line("（一）加强领导", 72, 240, 16, 28, 1), m))
    True
    >>> deep = Measure(72, 300, 12, 4, indented=True)
    >>> [_opens_at_margin(Join(Line(end, 72, 300, 0, 12, 1), Line("二、重点任务", 72, 150, 16, 28, 1), deep))
    ...  for end in ["节能减排取得明显成效。", "推动重点企业；"]]
    [True, False]
    """
    if j.page.indented:
        ended = j.prev.text.endswith(tuple(default_vocabulary(j.vocab).read.sentence_end_marks))
        return ended and _opens_heading(j.line.text, j.vocab)
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

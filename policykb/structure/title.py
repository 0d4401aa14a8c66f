"""The title block: the masthead above it, the title printed over a few
lines, and the plan title a cover notice transmits.

A title block is a run of short lines that no rule of :data:`NOT_TITLE_RULES`
rules out, ending with the document's kind (…方案, …的通知). The words are
data (``data/structure.yml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..patterns import compile_patterns
from ..vocab import load_vocabulary  # noqa: F401  (the doctests of the rules use it)
from .jurisdiction import find_jurisdiction
from .lines import Line, has_sentence_end, split_lines  # noqa: F401  (doctests)
from .signature import is_date_line

# a line of the title block is short; a longer line is a paragraph
TITLE_LINE_MAX = 60

# （2021—2025年） or （试行） under a title
_TITLE_NOTE = re.compile(r"（[^（）]{1,16}）")
# a title may open with a quotation: “十四五”…, 《…》
_OPENING_QUOTES = ("“", "《", "\"")
# what a title is compared without: spaces, title and quotation marks
_NOT_IN_PLAIN = re.compile(r"[\s《》“”\"'‘’〈〉<>]")


@dataclass
class TopTitle:
    """The title block at the top of a document (a cover notice's or the plan's)."""

    first: int  # index of its first line
    end: int  # index after its last line
    lines: list[Line]
    norm: str  # folded, joined
    text: str  # as written, joined
    cut: bool = False  # cut from a line that runs on into the 主送
    red_head: tuple[str, ...] = ()  # issuer names printed above a title that is not theirs


def _kind_end(text: str, layout) -> bool:
    return text.rstrip("》”").endswith(layout.title_kinds)


def _too_long(line: str, vocab) -> bool:
    """A long line or one with a sentence end is a paragraph.

    >>> _too_long("到2025年，全市单位地区生产总值能源消耗比2020年下降14%。", None)
    True
    """
    return len(line) > TITLE_LINE_MAX or has_sentence_end(line)


def _addresses(line: str, vocab) -> bool:
    """A line ending in a colon addresses the readers (主送).

    >>> _addresses("各区县（自治县）人民政府，市政府各部门，有关单位：", None)
    True
    """
    return line.endswith("：")


def _date_or_number(line: str, vocab) -> bool:
    """The 成文日期 or the document number printed under a title.

    >>> _date_or_number("渝府发〔2022〕39号", load_vocabulary()), _date_or_number("2022年9月18日", load_vocabulary())
    (True, True)
    """
    return is_date_line(line, vocab) or bool(compile_patterns(vocab).structure.doc_number.fullmatch(line.strip("（）")))


def _numbered(line: str, vocab) -> bool:
    """A numbered heading of the body (a 第一部分 line may still be a title's).

    >>> _numbered("一、总体要求", load_vocabulary()), _numbered("第一部分 总体要求", load_vocabulary())
    (True, False)
    """
    m = compile_patterns(vocab).structure.label.match(line)
    return bool(m) and m.group("part") is None


def _appendix(line: str, vocab) -> bool:
    """An 附件 line starts an attachment, not a title.

    >>> _appendix("附件", load_vocabulary())
    True
    """
    return line.startswith(vocab.layout.appendix_words)


# What a title line is not. Any one rule rules a line out, so the order does
# not change the answer; the cheap shape tests come before the regexes.
NOT_TITLE_RULES = (
    ("too_long", _too_long),  # most body lines fail here first
    ("addresses", _addresses),  # the 主送 line under a cover notice's title
    ("date_or_number", _date_or_number),  # 成文日期 and 发文字号 lines close a title block
    ("numbered", _numbered),  # the body has begun
    ("appendix", _appendix),  # 附件 lines under a signature
)


def _is_title_line(line: str, vocab) -> bool:
    """Whether ``line`` can be a line of a title block (no rule rules it out)."""
    return not any(rule(line, vocab) for _, rule in NOT_TITLE_RULES)


def issuer_line(line: str, vocab) -> bool:
    """A line of issuer names only: a joint notice prints one issuer a line
    (or several, spaced) above its 关于印发….

    >>> issuer_line("中共某市委办公室  某市人民政府办公室", load_vocabulary())
    True
    >>> issuer_line("某市人民政府关于印发某市节水方案的通知", load_vocabulary())
    False
    """
    layout = vocab.layout
    parts = line.split()
    return bool(parts) and layout.about not in line and not transmits(line, layout) \
        and all(part.endswith(layout.issuer_suffixes) for part in parts)


def title_block(lines: list[Line], i: int, vocab, limit: int = 5) -> int:
    """Index after the title printed from ``lines[i]``, over up to ``limit``
    lines (the issuer lines of a joint notice above it not counted)."""
    layout = vocab.layout
    j, names = i, 0
    while j < len(lines) and j - i - names < limit and _is_title_line(lines[j].norm, vocab):
        names += j - i == names and issuer_line(lines[j].norm, vocab)
        j += 1
        block = "".join(line.norm for line in lines[i:j])
        if transmits(block, layout) and not block.endswith(layout.notice_kinds):
            continue  # 关于印发X…方案 goes on to 的通知
        if _kind_end(block, layout) and not _goes_on(block, lines[j].norm if j < len(lines) else "", vocab):
            # a title ends with its kind (…方案, …的通知) but for a (2021—2025年) or (试行) line
            while j < len(lines) and _is_title_note(lines[j].norm, vocab):
                j += 1
            break
    return j


def _goes_on(block: str, nxt: str, vocab) -> bool:
    """A kind inside a cited title (贯彻落实《某规划》 / 实施方案) or before
    a line that opens with 的 (…的意见 / 的实施方案) does not end the title
    when the next line is a title line that ends with a kind of its own.

    >>> _goes_on("某市贯彻落实《某省节水规划》", "实施方案", load_vocabulary())
    True
    >>> _goes_on("某市节水行动方案", "实施细则", load_vocabulary()), _goes_on("某市节水规划》", "为推进节水，制定本方案。", load_vocabulary())
    (False, False)
    """
    layout = vocab.layout
    if not nxt or not (block.endswith(("》", "”")) or nxt.startswith(layout.notice_of)):
        return False
    return _is_title_line(nxt, vocab) and _kind_end(nxt, layout) and not transmits(block, layout)


def _is_title_note(line: str, vocab) -> bool:
    """（2021—2025年） or （试行） under a title, but not a （国发〔2017〕12号） or a
    （2022年9月18日） line."""
    patterns = compile_patterns(vocab).structure
    return bool(_TITLE_NOTE.fullmatch(line)) and not patterns.doc_number.search(line) \
        and not patterns.date.search(line)


def _plain(s: str) -> str:
    return _NOT_IN_PLAIN.sub("", s)


def _title_named(lines: list[Line], start: int, hint: str | None) -> tuple[int, int] | None:
    """Lines (up to four) equal to the title a cover notice names; of two such
    places, the first unless the second is far below it."""
    want = _plain(hint) if hint else ""
    match = None
    for k in range(start, min(len(lines), start + 80)):
        joined = ""
        for j in range(k, min(k + 4, len(lines))):
            joined += _plain(lines[j].norm)
            if want and joined == want:
                if match and k > match[1] + 3:
                    return match
                match = (k, j + 1)
                break
            if len(joined) >= len(want):
                break
    return match


def find_plan_title(lines: list[Line], start: int, hint: str | None, vocab) -> tuple[int, int] | None:
    """The printed plan title after the cover notice: lines equal to the
    title the notice names, or else the title block under the signature."""
    match = _title_named(lines, start, hint)
    if match:
        a, b = match
        while b < len(lines) and _is_title_note(lines[b].norm, vocab):
            b += 1  # the notice names 《X》, the plan prints X and its （2030—2032年） under it
        return a, b
    # under the signature: 成文日期, then （此件公开发布） and 附件 lines, then the title
    for k in range(start, len(lines)):
        if is_date_line(lines[k].norm, vocab):
            t = k + 1
            while t < len(lines) and is_notice_tail(lines[t].norm, vocab.layout):
                t += 1
            end = title_block(lines, t, vocab, limit=3)
            return (t, end) if end > t else (t, t)
    return None


def is_notice_tail(line: str, layout) -> bool:
    """（此件公开发布） or an 附件 line under a signature's date."""
    inner = line.strip("（）()")
    if line.startswith("（") and inner.startswith(layout.publication_notes):
        return True
    return line.startswith(layout.appendix_words) and len(line) < 30


def read_top_title(lines: list[Line], text: str, vocab) -> TopTitle:
    """The title block under the masthead, or the title cut from a first line
    that runs on into the number and the 主送 (a web print)."""
    first = _skip_masthead(lines, vocab)
    end = title_block(lines, first, vocab)
    title_lines, cut = lines[first:end], False
    if not title_lines and first < len(lines):
        m = compile_patterns(vocab).structure.title_run.search(lines[first].norm)
        if m:
            title_lines, cut = [Line(lines[first].start, lines[first].start + m.end(), m.group())], True
    heads = _red_head(title_lines, vocab)
    names = _masthead_names(lines[:first], vocab) + tuple(n for line in title_lines[:heads] for n in line.norm.split())
    title_lines = title_lines[heads:]
    return TopTitle(first, end, title_lines, "".join(line.norm for line in title_lines),
                    "".join(text[line.start:line.end] for line in title_lines), cut, names)


def _masthead_names(head: list[Line], vocab) -> tuple[str, ...]:
    """The issuers a red-head masthead names: 某市人民政府办公室文件, or one
    issuer a line above 文件.

    >>> _masthead_names(split_lines("中共某市委办公室 某市人民政府办公室文件\\n某委办发〔2030〕3号"), load_vocabulary())
    ('中共某市委办公室', '某市人民政府办公室')
    """
    layout = vocab.layout
    names = []
    for line in head:
        s = line.norm
        for word in layout.mastheads:
            s = s.removesuffix(word)
        if issuer_line(s, vocab):
            names += s.split()
    return tuple(dict.fromkeys(names))


def _red_head(title_lines: list[Line], vocab) -> int:
    """How many issuer lines open the block above a title that does not go on
    from them (关于…, 印发…, 某厅关于…): a red head of issuer names, not the
    title's own 发文机关 (GB/T 9704 titles name their issuers before 关于)."""
    k = 0
    while k < len(title_lines) - 1 and issuer_line(title_lines[k].norm, vocab):
        k += 1
    if k == 0 or k == len(title_lines):
        return 0
    rest = title_lines[k].norm
    layout = vocab.layout
    if layout.about in rest or transmits(rest, layout):
        return 0  # the names go on into the title's own 发文机关: A B C关于…
    # a title of its own names its place or opens with a quotation (“十四五”…);
    # …城市行 / 动方案 is one title broken after a letter that ends names
    return k if rest.startswith(_OPENING_QUOTES) or find_jurisdiction([None, rest], vocab) else 0


def _masthead(line: str, vocab) -> bool:
    """A red-head masthead: 重庆市人民政府文件.

    >>> _masthead("某市人民政府文件", load_vocabulary())
    True
    """
    return line.endswith(vocab.layout.mastheads) and len(line) <= TITLE_LINE_MAX


def _masthead_number(line: str, vocab) -> bool:
    """The document number printed under the masthead.

    >>> _masthead_number("渝府发〔2022〕39号", load_vocabulary())
    True
    """
    return bool(compile_patterns(vocab).structure.doc_number.fullmatch(line.strip("（）")))


def _web_field(line: str, vocab) -> bool:
    """A web page's field above the title: 来源：…, 发布日期：….

    >>> _web_field("来源：某市人民政府网", load_vocabulary()), _web_field("各区县人民政府：", load_vocabulary())
    (True, False)
    """
    return bool(compile_patterns(vocab).structure.web_field.match(line)) and not line.endswith("：")


def _appendix_label(line: str, vocab) -> bool:
    """An attachment printed on its own starts with its 附件 label.

    >>> _appendix_label("附件2", load_vocabulary())
    True
    """
    return bool(compile_patterns(vocab).structure.appendix_label.fullmatch(line))


# What stands above a title and is skipped; any one rule skips a line.
MASTHEAD_RULES = (
    ("masthead", _masthead),  # the red head comes first on the page
    ("number", _masthead_number),  # then the number printed under it
    ("web_field", _web_field),  # web prints put their fields where the red head would be
    ("appendix_label", _appendix_label),  # an attachment extracted on its own
)


def _skip_masthead(lines: list[Line], vocab) -> int:
    """Index of the first line after a red-head masthead (重庆市人民政府文件)
    and the document number printed under it (of the first four lines)."""
    i = _names_over_masthead(lines, vocab)
    while i < min(len(lines), 4) and any(rule(lines[i].norm, vocab) for _, rule in MASTHEAD_RULES):
        i += 1
    return i if i < len(lines) else 0


def _names_over_masthead(lines: list[Line], vocab) -> int:
    """Index after a red head printed over several lines, one issuer a line
    and 文件 on the last (中共某市委办公室 / 某市人民政府办公室 / 文件); else 0."""
    j = 0
    while j < len(lines) - 1 and issuer_line(lines[j].norm, vocab):
        j += 1
    return j + 1 if j and _masthead(lines[j].norm, vocab) else 0


def transmits(title: str, layout) -> bool:
    return any(word in title for word in layout.transmit)


def transmitted_title(head_title: str, layout) -> str | None:
    """The plan a cover notice transmits: 关于印发《X》的通知 -> X.

    >>> from policykb.vocab import load_vocabulary
    >>> transmitted_title("国务院关于印发《2035年城乡节水行动方案》的通知", load_vocabulary().layout)
    '2035年城乡节水行动方案'
    """
    found = [(head_title.find(w), w) for w in layout.transmit if w in head_title]
    if not found:
        return None
    i, word = min(found)
    rest = head_title[i + len(word):]
    for kind in layout.notice_kinds:
        if rest.endswith(layout.notice_of + kind):
            rest = rest[: -len(kind) - len(layout.notice_of)]
            break
    rest = rest.strip()
    if rest.startswith("《") and rest.endswith("》"):
        rest = rest[1:-1]
    return rest or None


def title_span(title_lines: list[Line], text: str) -> tuple[int, int]:
    start, end = title_lines[0].start, title_lines[-1].end
    while start < end and text[start] in "《":
        start += 1
    while end > start and text[end - 1] in "》":
        end -= 1
    return start, end


def join_title(title_lines: list[Line], text: str) -> str:
    joined = "".join(text[line.start:line.end].strip() for line in title_lines)
    if joined.startswith("《") and joined.endswith("》"):
        joined = joined[1:-1]
    return joined

"""The head of a document: title block, cover notice, document number,
issuer, date and signature, and where the numbered body starts.

How a head is laid out: an optional red-head masthead (重庆市人民政府文件);
an optional **cover notice** (国务院关于印发X的通知, 文号, 主送, a few lines,
signature, 成文日期, （此件公开发布）) that transmits the plan; the **plan
title**, often printed over two or three lines. The words are data
(``data/structure.yml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Document, Source
from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .jurisdiction import find_jurisdiction, guess_jurisdiction
from .lines import Line, has_sentence_end
from .signature import find_doc_numbers, is_date_line, number_text, signature_at

# a line of the title block is short; a longer line is a paragraph
TITLE_LINE_MAX = 60

# （2021—2025年） or （试行） under a title
_TITLE_NOTE = re.compile(r"（[^（）]{1,16}）")
# what a title is compared without: spaces, title and quotation marks
_NOT_IN_PLAIN = re.compile(r"[\s《》“”\"'‘’〈〉<>]")


@dataclass
class Head:
    """What the head of a document says, before the body is parsed."""

    document: Document
    body_index: int  # index into lines where the body starts
    notice: bool = False


@dataclass
class TopTitle:
    """The title block at the top of a document (a cover notice's or the plan's)."""

    first: int  # index of its first line
    end: int  # index after its last line
    lines: list[Line]
    norm: str  # folded, joined
    text: str  # as written, joined
    cut: bool = False  # cut from a line that runs on into the 主送


def _kind_end(text: str, layout) -> bool:
    return text.rstrip("》”").endswith(layout.title_kinds)


def _is_title_line(line: str, vocab) -> bool:
    layout, patterns = vocab.layout, compile_patterns(vocab).structure
    if len(line) > TITLE_LINE_MAX or has_sentence_end(line):
        return False
    if line.endswith("："):
        return False
    if is_date_line(line, vocab) or patterns.doc_number.fullmatch(line.strip("（）")):
        return False
    m = patterns.label.match(line)
    if m and m.group("part") is None:
        return False
    return not line.startswith(layout.appendix_words)


def title_block(lines: list[Line], i: int, vocab, limit: int = 5) -> int:
    """Index after the title printed from ``lines[i]``, over up to ``limit`` lines."""
    layout = vocab.layout
    j = i
    while j < len(lines) and j - i < limit and _is_title_line(lines[j].norm, vocab):
        j += 1
        block = "".join(line.norm for line in lines[i:j])
        if _transmits(block, layout) and not block.endswith(layout.notice_kinds):
            continue  # 关于印发X…方案 goes on to 的通知
        if _kind_end(block, layout):
            # a title ends with its kind (…方案, …的通知) but for a (2021—2025年) or (试行) line
            while j < len(lines) and _is_title_note(lines[j].norm, vocab):
                j += 1
            break
    return j


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


def _find_plan_title(lines: list[Line], start: int, hint: str | None, vocab) -> tuple[int, int] | None:
    """The printed plan title after the cover notice: lines equal to the
    title the notice names, or else the title block under the signature."""
    match = _title_named(lines, start, hint)
    if match:
        return match
    # under the signature: 成文日期, then （此件公开发布） and 附件 lines, then the title
    for k in range(start, len(lines)):
        if is_date_line(lines[k].norm, vocab):
            t = k + 1
            while t < len(lines) and _is_notice_tail(lines[t].norm, vocab.layout):
                t += 1
            end = title_block(lines, t, vocab, limit=3)
            return (t, end) if end > t else (t, t)
    return None


def _is_notice_tail(line: str, layout) -> bool:
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
    return TopTitle(first, end, title_lines, "".join(line.norm for line in title_lines),
                    "".join(text[line.start:line.end] for line in title_lines), cut)


def _notice_body(doc: Document, lines: list[Line], body_index: int, top: TopTitle, text: str, vocab) -> int:
    """Under a cover notice: the plan's title (found, or the one the notice
    names) into ``doc``; returns where the plan's body starts."""
    hint = _transmitted_title(top.text, vocab.layout)
    found = _find_plan_title(lines, body_index, hint, vocab)
    if found and found[1] > found[0]:
        a, b = found
        doc.title = _join_title(lines[a:b], text)
        doc.title_start, doc.title_end = _title_span(lines[a:b], text)
        return a
    doc.title = hint
    return found[0] if found else body_index


def _plan_body(doc: Document, lines: list[Line], body_index: int, top: TopTitle, text: str, layout) -> int:
    """A document with no cover notice: its own title into ``doc``; returns
    where its body starts (0: everything is body)."""
    doc.title = top.text or None
    if top.lines:
        doc.title_start, doc.title_end = _title_span(top.lines, text)
        doc.title = _join_title(top.lines, text)
    # a notice or opinion addressed to its readers: the body follows the 主送 line
    for k in range(body_index, min(body_index + 3, len(lines))):
        if lines[k].norm.endswith("：") and not has_sentence_end(lines[k].norm):
            body_index = k + 1
            break
    if not top.norm or not (layout.about in top.norm or top.norm.endswith(layout.notice_kinds)):
        body_index = 0  # a plan with no notice: everything is body
    return body_index


def read_head(lines: list[Line], source: Source, vocab=None) -> Head:
    """Title, doc number, issuer, date and where the body starts."""
    vocab = default_vocabulary(vocab)
    layout, doc = vocab.layout, Document()
    if not lines:
        return Head(doc, 0)
    text = source.text
    top = read_top_title(lines, text, vocab)
    notice = _transmits(top.norm, layout) and top.norm.endswith(layout.notice_kinds)
    doc.doc_number = _own_number(lines, source.norm, top.end, vocab)
    body_index = top.end if top.lines and not top.cut else top.first + 1
    if notice:
        body_index = _notice_body(doc, lines, body_index, top, text, vocab)
    else:
        body_index = _plan_body(doc, lines, body_index, top, text, layout)
    doc.issued_date, signature = _signature(lines, body_index if notice else len(lines), notice, vocab, top.end)
    doc.issuer = _head_issuer(top.lines, layout) or signature
    doc.body_start = lines[body_index].start if body_index < len(lines) else len(text)
    if not notice and body_index == 0:
        doc.body_start = 0
    doc.jurisdiction = find_jurisdiction([doc.issuer, doc.title, top.norm], vocab)
    if doc.jurisdiction is None:
        doc.jurisdiction = guess_jurisdiction(source.norm, vocab)
    doc.cites = list(dict.fromkeys(n for _, _, n in find_doc_numbers(source.norm, vocab) if n != doc.doc_number))
    return Head(doc, body_index, notice)


def _own_number(lines: list[Line], norm: str, title_end: int, vocab) -> str | None:
    """The document's own 发文字号: under the title, before the first sentence
    (a number cited as 《…》（国发〔2021〕33号） is not it)."""
    head_end = next((ln.start for ln in lines if has_sentence_end(ln.norm)), len(norm))
    for start, _, number in find_doc_numbers(norm[:head_end], vocab):
        if not _is_citation(norm, start):
            return number
    for ln in lines[: title_end + 3]:
        m = compile_patterns(vocab).structure.bare_doc_number.match(ln.norm)
        if m:
            return number_text(m, vocab.layout)
    return None


def _skip_masthead(lines: list[Line], vocab) -> int:
    """Index of the first line after a red-head masthead (重庆市人民政府文件)
    and the document number printed under it."""
    layout, patterns = vocab.layout, compile_patterns(vocab).structure
    i = 0
    while i < min(len(lines), 4) and (
        lines[i].norm.endswith(layout.mastheads) and len(lines[i].norm) <= TITLE_LINE_MAX
        or patterns.doc_number.fullmatch(lines[i].norm.strip("（）"))
        # web-page fields above the title: 来源：…  发布日期：…
        or patterns.web_field.match(lines[i].norm) and not lines[i].norm.endswith("：")
        # an attachment printed on its own starts with its 附件 label
        or patterns.appendix_label.fullmatch(lines[i].norm)
    ):
        i += 1
    return i if i < len(lines) else 0


def _is_citation(norm: str, start: int) -> bool:
    """A number in （…） right after a cited title is a citation, not the own number."""
    return norm[max(0, start - 2):start].endswith(("》（", "）（", "》"))


def _head_issuer(title_lines: list[Line], layout) -> str | None:
    """Issuers before 关于 in the head title; one per printed line or space-separated part."""
    parts = []
    for line in title_lines:
        s = line.norm
        for word in (layout.about, *layout.transmit):
            i = s.find(word)
            if i >= 0:
                break
        if i < 0:
            parts.append(s)
            continue
        parts.append(s[:i])
        break
    else:
        return None
    names = [p for part in parts for p in part.split() if p]
    if names and all(name.endswith(layout.issuer_suffixes) for name in names):
        return "、".join(names)
    return None


def _transmits(title: str, layout) -> bool:
    return any(word in title for word in layout.transmit)


def _transmitted_title(head_title: str, layout) -> str | None:
    """The plan a cover notice transmits: 关于印发《X》的通知 -> X.

    >>> from policykb.vocab import load_vocabulary
    >>> _transmitted_title("国务院关于印发《2035年城乡节水行动方案》的通知", load_vocabulary().layout)
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


def _title_span(title_lines: list[Line], text: str) -> tuple[int, int]:
    start, end = title_lines[0].start, title_lines[-1].end
    while start < end and text[start] in "《":
        start += 1
    while end > start and text[end - 1] in "》":
        end -= 1
    return start, end


def _join_title(title_lines: list[Line], text: str) -> str:
    joined = "".join(text[line.start:line.end].strip() for line in title_lines)
    if joined.startswith("《") and joined.endswith("》"):
        joined = joined[1:-1]
    return joined


def _signature(lines, limit, notice, vocab, title_end=0) -> tuple[str | None, str | None]:
    """成文日期 and the issuer lines above it: under the cover notice when
    there is one, else the first signed date of the document, or a date
    printed right under the title, or one at the very end."""
    for k in range(0, limit if notice else len(lines)):
        found = signature_at(lines, k, vocab)
        if found and (notice or found[1] or k >= len(lines) - 3 or k <= title_end + 1):
            return found
    return None, None

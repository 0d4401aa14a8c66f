"""The numbered body as a tree of sections.

The body is numbered down the ladder (``data/numbering.yml``); a heading goes
where its style stands on the stack of open headings, and the body ends at an
附件 line, the 版记 (抄送) or the signature.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Section, Source
from ..vocab import default_vocabulary, load_vocabulary  # noqa: F401  (doctests)
from .labels import heading_title, is_heading_tail, match_digit_label, match_label, strip_note
from .lines import Line, has_sentence_end, split_lines  # noqa: F401  (doctests)
from .signature import signature_at

# a numbered heading may skip a number or two (a heading lost inside a joined
# PDF line) but a bigger jump means the label is not the next heading
MAX_GAP = 3

# only a line as long as a printed line can have been broken
WRAPPED_LINE_MIN = 18


@dataclass
class _Open:
    """A heading on the stack while the body is read."""

    style: str
    number: int
    section: Section


@dataclass
class _Reading:
    """The state of one pass over the body."""

    styles: tuple[str, ...]
    stack: list[_Open] = field(default_factory=list)
    last: dict[str, int] = field(default_factory=dict)  # style -> last number seen
    sections: list[Section] = field(default_factory=list)


def _place(reading: _Reading, style: str, number: int) -> int | None:
    """Depth at which a heading goes, or None when it does not continue the numbering."""
    order = reading.styles
    for i, item in enumerate(reading.stack):
        if item.style == style:
            return i if item.number < number <= item.number + MAX_GAP else None
    if number == 1 or number == reading.last.get(style, 0) + 1:
        if order.index(style) <= order.index("paren_cn"):
            # 一、 or （一） never stands under a 1． or （1）: close those first
            return sum(order.index(item.style) < order.index(style) for item in reading.stack)
        return len(reading.stack)
    return None


def _continuing_digit_label(reading: _Reading, line: str, vocab):
    """``12.135工程`` is item 12 only right after an open item 11: a label
    that runs into digits must continue its siblings' numbering."""
    found = match_digit_label(line, vocab)
    if found and any(o.style == found[0] and o.number == found[1] - 1 for o in reading.stack):
        return found
    return None


def _heading_words(lines: list[Line], k: int, label_end: int, text: str, vocab) -> str:
    """The words after a label, as written, with a heading that PDF extraction
    broke over two lines joined again (or the next line's words when the
    label stands alone)."""
    line = lines[k]
    words = text[label_end:line.end].strip()
    if k + 1 >= len(lines) or has_sentence_end(line.norm, "：；"):
        return words
    nxt = lines[k + 1]
    if match_label(nxt.norm, vocab) or nxt.norm.startswith(("（", "——", "-")):
        return words
    if not words:
        return text[nxt.start:nxt.end]
    if len(line.norm) >= WRAPPED_LINE_MIN and is_heading_tail(nxt.norm):
        return words + text[nxt.start:nxt.end]
    return words


def _appendix_line(lines: list[Line], k: int, vocab) -> bool:
    """A short 附件 line: the attachments begin.

    >>> _appendix_line(split_lines("附件：重点任务分工表"), 0, load_vocabulary())
    True
    """
    s = lines[k].norm
    return s.startswith(vocab.layout.appendix_words) and len(s) < 60 and "。" not in s


def _closing_line(lines: list[Line], k: int, vocab) -> bool:
    """The 版记 under the body: 抄送：…, 公开方式：….

    >>> _closing_line(split_lines("抄送：市委各部门"), 0, load_vocabulary())
    True
    """
    s = lines[k].norm
    return s.startswith(vocab.layout.closing_words) and "：" in s[:8]


def _signed(lines: list[Line], k: int, vocab) -> bool:
    """The signature's date, under its issuer or among the last lines.

    >>> _signed(split_lines("某市人民政府\\n2022年9月18日"), 1, load_vocabulary())
    True
    """
    found = signature_at(lines, k, vocab)
    return bool(found and (found[1] or k >= len(lines) - 3))


# Where the numbered body ends; any one rule ends it. The line tests come
# before the signature, which reads the lines above.
BODY_END_RULES = (
    ("appendix", _appendix_line),  # 附件 after the last section
    ("closing", _closing_line),  # the 版记 of a document without a signature
    ("signed", _signed),  # the 成文日期 under the issuer
)


def _body_end(lines: list[Line], k: int, vocab) -> bool:
    """True where the numbered body ends (:data:`BODY_END_RULES`)."""
    return any(rule(lines, k, vocab) for _, rule in BODY_END_RULES)


def _signature_start(lines: list[Line], k: int) -> int:
    """Index of the first signature line above the date line ``lines[k]``."""
    j = k
    while j - 1 >= 0 and len(lines[j - 1].norm) <= 40 and not has_sentence_end(lines[j - 1].norm, "，：；）"):
        j -= 1
        if k - j >= 8:
            break
    return j


def _open_section(reading: _Reading, lines: list[Line], k: int, found, text: str, vocab) -> None:
    """Put the heading ``found`` on ``lines[k]`` into the tree."""
    style, number, length = found
    line = lines[k]
    label_end = line.start + length
    title = strip_note(heading_title(_heading_words(lines, k, label_end, text, vocab)), vocab)
    parent = reading.stack[-1].section if reading.stack else None
    section = Section(
        id=len(reading.sections) + 1,
        parent_id=parent.id if parent else None,
        level=len(reading.stack) + 1,
        label=text[line.start:label_end].strip(),
        path=".".join([str(o.number) for o in reading.stack] + [str(number)]),
        title=title,
        text="",
        start=line.start,
        end=line.end,
        number=number,
        style=style,
        text_start=label_end,
    )
    reading.sections.append(section)
    reading.stack.append(_Open(style, number, section))
    reading.last[style] = number


def parse_sections(lines: list[Line], source: Source, body_index: int, vocab=None) -> list[Section]:
    """Numbered headings of the body, each with its text, as a tree."""
    vocab = default_vocabulary(vocab)
    reading = _Reading(vocab.layout.styles)
    stop = len(lines)
    for k in range(body_index, len(lines)):
        if reading.sections and _body_end(lines, k, vocab):
            stop = _signature_start(lines, k) if signature_at(lines, k, vocab) else k
            break
        found = match_label(lines[k].norm, vocab) or _continuing_digit_label(reading, lines[k].norm, vocab)
        if not found:
            continue
        if k > body_index and lines[k - 1].norm.endswith(("，", "、")):
            continue  # a wrapped line of a paragraph, not a heading
        style, number, _ = found
        depth = _place(reading, style, number)
        if depth is None:
            stack = reading.stack
            if stack and stack[0].style == style and number == 1 and stack[0].number > 1:
                stop = k  # the top numbering restarts: an appendix
                break
            continue
        del reading.stack[depth:]
        _open_section(reading, lines, k, found, source.text, vocab)
    _fill_texts(reading.sections, lines, stop, source.text)
    return reading.sections


def _fill_texts(sections: list[Section], lines: list[Line], stop: int, text: str) -> None:
    """Each section's own text runs from its label to the next heading."""
    body_end = lines[stop - 1].end if 0 < stop <= len(lines) else len(text)
    for i, section in enumerate(sections):
        end = sections[i + 1].start if i + 1 < len(sections) else body_end
        end = max(end, section.text_start)
        raw = text[section.text_start:end]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        section.text_start += lead
        section.text = body
        section.end = section.text_start + len(body)

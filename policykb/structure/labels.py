"""Heading labels (GB/T 9704) and the title that follows them.

The ladder of label styles, highest first, is data (``data/numbering.yml``):
``第一部分`` > ``一、`` > ``（一）`` > ``1.`` > ``（1）`` > ``①``. Labels are
matched on folded text, so ``(一)`` and ``（一）`` are one label.
"""
from __future__ import annotations

import re

from ..numerals import parse_chinese_number, parse_circled
from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .lines import SENTENCE_END

# a heading broken over two printed lines leaves a short second line
HEADING_TAIL_MAX = 16

# how the number of each kind of label is read (``number`` in numbering.yml)
NUMBER_READERS = {
    "arabic": lambda raw, numerals: int(raw),
    "chinese": parse_chinese_number,
    "circled": parse_circled,
}

_SENTENCE_END = re.compile(f"[{SENTENCE_END}]")
_CLAUSE_MARK = re.compile(f"[{SENTENCE_END}，；：、]")
# a closing parenthesis at the end of a title: a note, or the title's own words
_CLOSING_PAREN = re.compile(r"[（(]([^（）()]*)[）)]$")


def styles(vocab=None) -> tuple[str, ...]:
    """The label styles, highest first.

    >>> styles()
    ('part', 'cn', 'paren_cn', 'arabic', 'paren_arabic', 'circled')
    """
    return default_vocabulary(vocab).layout.styles


def match_label(line: str, vocab=None):
    """(style, number, label length) of a heading label starting ``line``, or None.

    >>> match_label("（一）重点行业绿色升级工程。"), match_label("1.着力提升"), match_label("第二章 总体要求")
    (('paren_cn', 1, 3), ('arabic', 1, 2), ('part', 2, 4))
    >>> match_label("2025年，全市") is None, match_label("1.5万吨") is None
    (True, True)
    """
    vocab = default_vocabulary(vocab)
    m = compile_patterns(vocab).structure.label.match(line)
    if not m:
        return None
    rung = next(rung for rung in vocab.layout.ladder if m.group(rung.style) is not None)
    number = NUMBER_READERS[rung.number](m.group("n_" + rung.style), vocab.numerals)
    if not number:
        return None
    return rung.style, number, m.end()


def match_digit_label(line: str, vocab=None):
    """(``arabic``, number, label length) for an arabic label whose title
    starts with digits (``12.135工程``: item 12, titled 135工程), or None when
    what follows the point makes a decimal quantity (``1.5万吨``, ``2.5%``).
    Such a label is only a heading where it continues its siblings (the
    caller checks that).

    >>> match_digit_label("12.135工程建设"), match_digit_label("3.5G网络覆盖")
    (('arabic', 12, 3), ('arabic', 3, 2))
    >>> match_digit_label("1.5万吨以上"), match_digit_label("2.5%"), match_digit_label("2.1.3")
    (None, None, None)
    """
    vocab = default_vocabulary(vocab)
    patterns = compile_patterns(vocab)
    m = patterns.structure.digit_label.match(line)
    if not m:
        return None
    quantity = patterns.quantity.quantity.match(line)
    if quantity and "." in quantity.group("num") and quantity.group("unit"):
        return None  # a decimal with its unit
    number = int(m.group("n"))
    return ("arabic", number, m.end()) if number else None


def heading_title(rest: str) -> str:
    """The title of a heading from the text after its label: its first
    sentence, without the final 。 or ：.

    >>> heading_title("着力提升重点行业能效水平。拟建项目应对照能效标杆水平高起点设计建设")
    '着力提升重点行业能效水平'
    >>> heading_title("总体要求"), heading_title("基本原则：")
    ('总体要求', '基本原则')
    """
    m = _SENTENCE_END.search(rest)
    title = rest[: m.start()] if m else rest
    return title.strip().rstrip("：:；;，, ").strip()


def strip_note(title: str, vocab=None) -> str:
    """A title without the responsibility note that closes it, but with its
    own parenthesised words.

    >>> strip_note("推进节能改造（责任单位：市经济信息委）"), strip_note("创建试点园区（企业）")
    ('推进节能改造', '创建试点园区（企业）')
    """
    note_words = default_vocabulary(vocab).layout.note_words
    m = _CLOSING_PAREN.search(title)
    if m and m.start() > 0 and any(word in m.group(1) for word in note_words):
        return title[: m.start()].rstrip()
    return title


def is_heading_tail(line: str) -> bool:
    """A short line that finishes a broken heading: no clause marks, at most a
    final 。.

    >>> is_heading_tail("费"), is_heading_tail("工程。"), is_heading_tail("各地要加强领导，抓好落实。")
    (True, True, False)
    """
    body = line[:-1] if line.endswith(tuple(SENTENCE_END)) else line
    return len(line) <= HEADING_TAIL_MAX and not _CLAUSE_MARK.search(body)

"""The read patterns: page numbers and page furniture (``data/read.yml``),
the Han class the readers count by, and the heading ladder as the PDF reader
and the table renderer see it (``data/numbering.yml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import HAN, HAN_WITH_COMPAT
from .structure import ladder_regex

# punctuation a Chinese line is set with (quotes, dashes, ellipsis, CJK
# symbols, full-width forms): a source line break next to it is formatting
_CJK_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2014\u2026\u3001-\u303f"
_FULL_WIDTH = "\uff01-\uff5e"


@dataclass(frozen=True)
class ReadPatterns:
    """Regexes of stage 1, built once from a vocabulary."""

    drop_lines: tuple[re.Pattern, ...]
    page_number: tuple[re.Pattern, ...]
    print_furniture: tuple[re.Pattern, ...]
    han: re.Pattern
    han_with_compat: re.Pattern
    break_in_cjk: re.Pattern
    opening: re.Pattern
    number_blank: re.Pattern


def compile(vocab) -> ReadPatterns:
    """The read patterns of ``vocab`` (a :class:`~policykb.vocab.Vocabulary`)."""
    words = vocab.read
    cjk = _CJK_PUNCTUATION + HAN + _FULL_WIDTH
    return ReadPatterns(
        drop_lines=tuple(re.compile(p) for p in words.drop_line_patterns),
        page_number=tuple(re.compile(p) for p in words.page_number_patterns),
        print_furniture=tuple(re.compile(p) for p in words.print_furniture_patterns),
        han=re.compile(f"[{HAN}]"),
        # the script detector counts compatibility ideographs too
        han_with_compat=re.compile(f"[{HAN_WITH_COMPAT}]"),
        # a marked source line break (NUL) between Chinese characters
        break_in_cjk=re.compile(rf"(?<=[{cjk}])[ \x00]*\x00[ \x00]*(?=[{cjk}])"),
        # a folded line that opens with a heading label of the ladder
        opening=re.compile(rf"\s*(?:{ladder_regex(vocab.layout)})"),
        # blanks a PDF's text layer puts between Chinese and a figure (到 2025),
        # and between a figure and what follows it: its unit, 年, % (150 个, 70 %);
        # an ideographic space is kept (it separates a table row's cells)
        number_blank=re.compile(rf"(?<=[{cjk}])[ \xa0]+(?=\d)|(?<=\d)[ \xa0]+(?=[{cjk}%‰])"),
    )

"""Fold punctuation to one form, character for character.

Plans mix full-width and half-width punctuation (``(一)`` and ``（一）``,
``1.`` and ``1．``, ``责任单位:`` and ``责任单位：``). Every later stage matches on
the folded text, so one regex covers both; because each character maps to
exactly one character, an offset into the folded text is an offset into the
text as read, and evidence is sliced from the original.
"""
from __future__ import annotations

import re

# Chinese punctuation is the canonical form for brackets and clause marks
# (notes are written （…） and split on ，；、), ASCII for what sits inside
# numbers (4.32, 50%, 1/2) and for full-width digits and letters.
_FOLD = {
    "(": "（",
    ")": "）",
    ";": "；",
    ":": "：",
    "!": "！",
    "?": "？",
    "[": "〔",
    "]": "〕",
    "［": "〔",
    "］": "〕",
    "﹝": "〔",
    "﹞": "〕",
    "．": ".",
    "％": "%",
    "＋": "+",
    "－": "-",
    "／": "/",
    "＜": "<",
    "＞": ">",
    "＝": "=",
    "～": "~",
    "\u3000": " ",
    "\xa0": " ",
    "\t": " ",
}
_FOLD.update({chr(0xFF10 + i): str(i) for i in range(10)})
_FOLD.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FOLD.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_TABLE = str.maketrans(_FOLD)

# a comma between digits is a thousands separator (1,000万), not a clause mark
_CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d{3})")


def fold_punctuation(text: str) -> str:
    """Return ``text`` with punctuation folded; the length never changes.

    >>> fold_punctuation("(一)总体要求:1．到2025年达到４.32%,共1,000家")
    '（一）总体要求：1.到2025年达到4.32%，共1,000家'
    """
    folded = text.translate(_TABLE)
    folded = _CLAUSE_COMMA.sub("，", folded)
    assert len(folded) == len(text)
    return folded


def close_number_blanks(text: str, vocab=None) -> str:
    """Remove the blanks a PDF's text layer puts inside quantities and years.

    Word sets a quarter-em between Chinese and Western characters, and a
    justified line widens it; the text layer then holds a space there
    (到 2025 年, 达到 70 %, 2.5 万吨) that the plan does not have. A blank
    between Chinese and a figure, or between a figure and the character, %
    or ‰ after it, goes; blanks between Chinese characters (中共某某省委  某某省人民政府),
    between figures, and ideographic spaces (a table row's cells) stay.

    >>> close_number_blanks("到 2025 年，占比达到 70 %，新增 2.5 万吨，中共甲省委  甲省人民政府，PM 2.5")
    '到2025年，占比达到70%，新增2.5万吨，中共甲省委  甲省人民政府，PM 2.5'
    >>> close_number_blanks("指标\u30002025年")
    '指标\u30002025年'
    """
    from ..patterns import compile_patterns
    from ..vocab import default_vocabulary

    return compile_patterns(default_vocabulary(vocab)).read.number_blank.sub("", text)

"""Named regex building blocks, each written once, with why it is so.

In the manner of eyecite's ``regexes.py``: the parts every pattern of the
project is built from. No Chinese cue word, number word or unit stands here:
those are data (``policykb/data/``), and enter a regex only through
:func:`words` (a literal alternation) or :func:`char_class`.
"""
from __future__ import annotations

import re
from typing import Iterable

#: Han characters: CJK Unified Ideographs and Extension A. Rare characters in
#: place and department names are Ext-A, so both ranges count as Han.
HAN = r"\u3400-\u4dbf\u4e00-\u9fff"

#: Han plus the compatibility ideographs (U+F900-FAFF): only the script
#: detector needs them, since conversion tables carry a few of them.
HAN_WITH_COMPAT = HAN + r"\uf900-\ufaff"

#: A plan year. Plans are dated 19xx-20xx; any other four-digit number (a
#: count, a standard's number) is not a year.
YEAR = r"(?:19|20)\d\d"


def longest_first(ws: Iterable[str]) -> tuple[str, ...]:
    """Words ordered so a regex alternation tries the longest first.

    >>> longest_first(["局", "市局", "市发展改革委"])
    ('市发展改革委', '市局', '局')
    """
    return tuple(sorted(set(ws), key=lambda w: (-len(w), w)))


def words(ws: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first: the one way data
    words enter a regex (longest first, so 及以上 wins over 以上).

    >>> words(["以上", "及以上", "1.5"])
    '1\\\\.5|及以上|以上'
    """
    return "|".join(re.escape(w) for w in longest_first(ws))


def char_class(chars: Iterable[str]) -> str:
    """A character class of literal characters.

    >>> char_class("（〔")
    '[（〔]'
    """
    return "[" + re.escape("".join(chars)) + "]"

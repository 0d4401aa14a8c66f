"""Traditional script: detect it and convert it to Simplified for parsing.

Later stages match Simplified vocabulary (牵头, 责任单位, department names), so
a Traditional document is parsed in its Simplified form; the record keeps the
text as written in ``Source.original_text``. Detection counts how many Han
characters OpenCC's Traditional-to-Simplified conversion changes: Simplified
text is left as it is (conversion would only risk altering it).

Every entry of OpenCC's Traditional-to-Simplified dictionaries maps a string
to one of the same length, so the converted text is as long as the original
and an offset into ``Source.text`` is an offset into ``original_text`` too.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..patterns import compile_patterns
from ..vocab import default_vocabulary


@lru_cache(maxsize=None)
def _t2s():
    import opencc  # opencc-python-reimplemented: pure Python, dictionaries shipped

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=None)
def _traditional_chars() -> re.Pattern:
    """The characters OpenCC's character table changes, as one class."""
    table = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text("utf-8")
    chars = {key for key, _, values in (line.partition("\t") for line in table.splitlines())
             if len(key) == 1 and values.split() and values.split()[0] != key}
    return re.compile("[" + "".join(sorted(map(re.escape, chars))) + "]")


def may_be_traditional(text: str, vocab=None) -> bool:
    """Cheap first look: False when too few characters of ``text`` are ones
    the conversion changes for :func:`is_traditional` ever to say True.

    >>> may_be_traditional("节能减排综合工作实施方案"), may_be_traditional("節能減排綜合工作實施方案")
    (False, True)
    """
    words = default_vocabulary(vocab).read
    marked = len(_traditional_chars().findall(text))
    return marked >= words.traditional_min_chars and marked / max(len(text), 1) >= words.traditional_share / 4


def to_simplified(text: str) -> str:
    """Convert Traditional script to Simplified.

    >>> to_simplified("市發展改革委牽頭，各區縣負責落實")
    '市发展改革委牵头，各区县负责落实'
    """
    return _t2s().convert(text)


def is_traditional(text: str, converted: str | None = None, vocab=None) -> bool:
    """Whether ``text`` is written in Traditional script.

    >>> is_traditional("節能減排綜合工作實施方案")
    True
    >>> is_traditional("节能减排综合工作实施方案")
    False
    """
    vocab = default_vocabulary(vocab)
    words, han_class = vocab.read, compile_patterns(vocab).read.han_with_compat
    converted = to_simplified(text) if converted is None else converted
    han = len(han_class.findall(text))
    if not han:
        return False
    if len(converted) == len(text):
        changed = sum(1 for a, b in zip(text, converted) if a != b)
    else:  # a phrase conversion changed the length: count differing Han characters
        before, after = han_class.findall(text), han_class.findall(converted)
        changed = abs(len(before) - len(after)) + sum(1 for a, b in zip(before, after) if a != b)
    return changed >= words.traditional_min_chars and changed / han >= words.traditional_share


def simplify_script(text: str, vocab=None) -> tuple[str, str | None]:
    """Return the text to parse and the original when it was Traditional.

    >>> simplify_script("二、主要目標")
    ('二、主要目标', '二、主要目標')
    >>> simplify_script("二、主要目标")
    ('二、主要目标', None)
    """
    if not may_be_traditional(text, vocab):
        return text, None
    converted = to_simplified(text)
    if converted != text and is_traditional(text, converted, vocab):
        return converted, text
    return text, None

"""The gazetteer's patterns: the aside a department's name may carry."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import char_class


@dataclass(frozen=True)
class GazetteerPatterns:
    aside: re.Pattern  # an aside inside a name: 万盛经开区（以下统称区县）, 各市〔州〕人民政府


def compile(vocab) -> GazetteerPatterns:
    """The gazetteer's patterns from ``vocab`` (a :class:`~policykb.vocab.Vocabulary`).

    >>> from policykb.vocab import load_vocabulary
    >>> compile(load_vocabulary()).aside.sub("", "各市〔州〕人民政府")
    '各市人民政府'
    """
    rules = vocab.departments.rules
    brackets = rules.aside_open + rules.aside_close
    # one level of brackets, no bracket inside
    return GazetteerPatterns(aside=re.compile(
        f"{char_class(rules.aside_open)}[^{re.escape(brackets)}]*{char_class(rules.aside_close)}"))

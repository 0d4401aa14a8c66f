"""A target's indicator -> its canonical indicator and its scope.

The matcher folds spellings (``folds``: 国内生产总值 and 地区生产总值 to one
form), takes a scope off the front (a lead and a level: 全省, 本市, 我区,
with 范围内), then looks the rest up among the folded aliases; failing that,
the longest alias that ends the rest where jieba cuts a word boundary, the
front then being scope too (主要农作物 + 秸秆综合利用率). A boundary is
needed so that 二氧化碳排放强度 is not 碳排放强度 with a scope 二氧化.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable


@dataclass(frozen=True)
class Match:
    """What an indicator as written stands for: ``indicator`` an id or None."""

    indicator: str | None
    scope: str | None = None


def jieba_boundaries(text: str) -> set[int]:
    """Offsets where jieba starts a word in ``text``."""
    from ..nlp import load_jieba

    return {start for _, start, _ in load_jieba().tokenize(text)}


class IndicatorMatcher:
    """Matches indicators against the canonical ones of ``vocab.indicators``.

    >>> from policykb.vocab import load_vocabulary
    >>> m = IndicatorMatcher(load_vocabulary())
    >>> m.match("GDP").indicator is None
    True
    """

    def __init__(self, vocab, boundaries: Callable[[str], Iterable[int]] = jieba_boundaries):
        self.words = vocab.indicators
        self.boundaries = boundaries
        self.by_alias: dict[str, str] = {}
        for ind in self.words.indicators:
            for alias in (ind.name, *ind.aliases):
                self.by_alias.setdefault(self.fold(alias), ind.id)
        self.suffixes = sorted((a for a in self.by_alias if len(a) >= self.words.suffix_min), key=len, reverse=True)
        self.match = lru_cache(maxsize=4096)(self._match)

    def fold(self, text: str) -> str:
        """``text`` with every fold applied, in order."""
        for written, folded in self.words.folds:
            text = text.replace(written, folded)
        return text

    def drop_verb(self, text: str) -> str:
        """``text`` without a front verb (完成, 创建...) when something follows it."""
        for verb in self.words.front_verbs:
            if text.startswith(verb) and len(text) > len(verb) + 1:
                return text[len(verb):]
        return text

    def split_scope(self, text: str) -> tuple[str, str]:
        """``(scope, rest)``: the lead-and-level front of ``text`` (全省范围内) and the rest."""
        w = self.words
        if len(text) > 2 and text[0] in w.scope_leads and text[1] in w.scope_levels:
            scope, rest = text[:2], text[2:]
            for tail in sorted(w.scope_tails, key=len, reverse=True):
                if rest.startswith(tail):
                    return scope + tail, rest[len(tail):]
            return scope, rest
        return "", text

    def _match(self, indicator: str | None) -> Match:
        if not indicator:
            return Match(None)
        scope, rest = self.split_scope(self.drop_verb(self.fold(indicator.strip())))
        if rest in self.by_alias:
            return Match(self.by_alias[rest], scope or None)
        for alias in self.suffixes:
            cut = len(rest) - len(alias)
            if cut > 0 and rest.endswith(alias) and cut in set(self.boundaries(rest)):
                return Match(self.by_alias[alias], scope + rest[:cut])
        return Match(None)

    def indicator(self, id_: str):
        """The canonical :class:`~policykb.vocab.indicators.Indicator` of ``id_``."""
        return next(ind for ind in self.words.indicators if ind.id == id_)

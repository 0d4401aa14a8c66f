"""The department ruler's token patterns, matched only where one can end.

spaCy's ``Matcher`` steps every pattern through every token of the text;
most tokens of a plan are nowhere near a department name. Every token
pattern of :meth:`policykb.nlp.DepartmentPatterns.token_patterns` ends in a
token from a list (a body, a standalone name) or one a regex describes (a
name's ending), and is at most a few tokens long, so a match lies inside
the window of that many tokens before such a token: :class:`WindowMatcher`
runs the matcher over those windows only and gives the matches it gives
over the whole text.
"""
from __future__ import annotations

import re


def pattern_width(pattern: list[dict]) -> int | None:
    """The most tokens ``pattern`` matches (None: no bound).

    >>> pattern_width([{"ORTH": "a"}, {"ORTH": "b", "OP": "{1,4}"}, {"ORTH": "c"}])
    6
    >>> pattern_width([{"ORTH": "a", "OP": "+"}]) is None
    True
    """
    width = 0
    for token in pattern:
        op = token.get("OP")
        bound = re.fullmatch(r"\{(\d*),?(\d+)\}", op or "")
        if op in (None, "!", "?", "1"):
            width += 1
        elif bound:
            width += int(bound.group(2))
        else:
            return None
    return width


def final_tests(patterns: list[list[dict]]) -> tuple[frozenset, list] | None:
    """The words and regexes (compiled) one of which the last token of a
    match has, or None when a last token can be left out or has another
    attribute than ``ORTH`` (then every token must be tried)."""
    words, regexes = set(), []
    for pattern in patterns:
        last = pattern[-1]
        if last.get("OP") not in (None, "1") or set(last) - {"ORTH", "OP"}:
            return None
        orth = last["ORTH"]
        if isinstance(orth, str):
            words.add(orth)
        elif set(orth) == {"IN"}:
            words.update(orth["IN"])
        elif set(orth) == {"REGEX"}:
            regexes.append(re.compile(orth["REGEX"]))
        else:
            return None
    return frozenset(words), regexes


class WindowMatcher:
    """A spaCy ``Matcher`` over the windows of ``width`` tokens that end in a
    token ``finals`` (words, regexes) allows; the rest as the matcher."""

    def __init__(self, matcher, finals: tuple[frozenset, list], width: int):
        self.matcher, self.words, self.regexes, self.width = matcher, finals[0], finals[1], width
        self._seen: dict[int, bool] = {}  # orth -> can end a match

    def __getattr__(self, name):
        return getattr(self.matcher, name)

    def __len__(self):
        return len(self.matcher)

    def _final(self, orth: int, strings) -> bool:
        found = self._seen.get(orth)
        if found is None:
            text = strings[orth]
            found = self._seen[orth] = text in self.words or any(r.search(text) for r in self.regexes)
        return found

    def __call__(self, doc, **kwargs):
        if kwargs or not len(doc):
            return self.matcher(doc, **kwargs)
        from spacy.attrs import ORTH

        strings = doc.vocab.strings
        ends = [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if self._final(orth, strings)]
        windows: list[list[int]] = []
        for i in ends:
            start = max(0, i - self.width + 1)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = i + 1
            else:
                windows.append([start, i + 1])
        return [(key, s + a, e + a) for a, b in windows for key, s, e in self.matcher(doc[a:b])]


def windowed(ruler, patterns: list[list[dict]]) -> None:
    """Give ``ruler`` (an ``entity_ruler`` holding the token ``patterns``)
    a :class:`WindowMatcher`, when the patterns allow one."""
    widths = [pattern_width(p) for p in patterns]
    finals = final_tests(patterns) if patterns else None
    if finals and None not in widths:
        ruler.matcher = WindowMatcher(ruler.matcher, finals, max(widths))

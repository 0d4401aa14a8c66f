"""The one bracket scanner: depth, top-level split, outermost spans,
matching open, unclosed count.

A plan nests brackets inside notes (〔…各区县（自治县）…〕) and names
(各市（含某县、某区，下同）相关主管部门), so every stage that splits or finds
spans outside brackets asks this scanner. The bracket characters are data
(``data/notes.yml`` ``brackets``, read by :mod:`policykb.vocab.notes`), passed
in as a :class:`Brackets`; this module holds no bracket literal.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Brackets:
    """A set of bracket characters: ``opening[i]`` pairs with ``closing[i]``,
    though the scanner counts depth over all kinds alike (a PDF print may close
    （ with 〉).

    >>> b = Brackets("（〔", "）〕")
    >>> b.unclosed("甲（乙〔丙")
    2
    """

    opening: str
    closing: str

    def top_level(self, text: str, start: int = 0, end: int | None = None) -> Iterator[int]:
        """Positions in ``text[start:end]`` outside any bracket (bracket
        characters themselves excluded). A stray closing bracket is ignored.

        >>> t = "甲（乙）丙）丁"
        >>> "".join(t[i] for i in Brackets("（", "）").top_level(t))
        '甲丙丁'
        """
        end = len(text) if end is None else end
        depth = 0
        for i in range(start, end):
            ch = text[i]
            if ch in self.opening:
                depth += 1
            elif ch in self.closing:
                depth = max(0, depth - 1)
            elif depth == 0:
                yield i

    def split(self, text: str, separators: str, start: int = 0, end: int | None = None):
        """Split ``text[start:end]`` on ``separators`` outside brackets.

        Yields ``(seg_start, seg_end, separator_before)`` with the separator
        that stands before each segment ('' for the first).

        >>> t = "A，B；有关（含，）X"
        >>> [(t[a:b], s) for a, b, s in Brackets("（", "）").split(t, "，；")]
        [('A', ''), ('B', '，'), ('有关（含，）X', '；')]
        """
        end = len(text) if end is None else end
        seg, before = start, ""
        for i in self.top_level(text, start, end):
            if text[i] in separators:
                yield seg, i, before
                seg, before = i + 1, text[i]
        yield seg, end, before

    def unclosed(self, text: str, start: int = 0, end: int | None = None) -> int:
        """How many brackets are open at ``end`` (a stray close counts none).

        >>> Brackets("（", "）").unclosed("）甲（乙（丙）")
        1
        """
        end = len(text) if end is None else end
        depth = 0
        for ch in text[start:end]:
            if ch in self.opening:
                depth += 1
            elif ch in self.closing:
                depth = max(0, depth - 1)
        return depth

    def matching_open(self, text: str, start: int, close: int) -> int | None:
        """The position of the bracket that the one at ``close`` closes,
        searching back no further than ``start``; None if there is none.

        >>> t = "市甲局（牵头（乙））"
        >>> Brackets("（", "）").matching_open(t, 0, len(t) - 1)
        3
        """
        depth = 0
        for i in range(close, start - 1, -1):
            if text[i] in self.closing:
                depth += 1
            elif text[i] in self.opening:
                depth -= 1
                if depth == 0:
                    return i
        return None

    def closes_within(self, text: str, start: int, end: int, depth: int, stops: str) -> bool:
        """Whether ``text[start:end]`` closes ``depth`` open brackets before
        any of the ``stops`` characters.

        >>> Brackets("（", "）").closes_within("乙负责）。", 0, 5, 1, "。")
        True
        """
        for i in range(start, end):
            ch = text[i]
            if ch in stops:
                return False
            if ch in self.opening:
                depth += 1
            elif ch in self.closing:
                depth -= 1
                if depth == 0:
                    return True
        return False

    def outermost(self, text: str, start: int = 0, end: int | None = None,
                  carry: int | None = None, stops: str = "") -> list[tuple[int, int]]:
        """Spans ``(open, close + 1)`` of the outermost bracket groups in
        ``text[start:end]``. With ``carry``, a bracket left open at the end of
        its line is dropped unless the next ``carry`` characters close it
        before a line break or one of ``stops`` (a group a PDF print broke
        over two lines).

        >>> b = Brackets("（", "）")
        >>> b.outermost("甲（乙（丙）丁）（戊）")
        [(1, 8), (8, 11)]
        >>> t = "甲（乙\\n丙）\\n（丁\\n戊。）"
        >>> [t[x:y] for x, y in b.outermost(t, carry=10, stops="。")]
        ['（乙\\n丙）']
        """
        end = len(text) if end is None else end
        spans, depth, opened = [], 0, 0
        for i in range(start, end):
            ch = text[i]
            if ch == "\n" and carry is not None:
                if depth and not self.closes_within(text, i + 1, min(end, i + 1 + carry), depth, "\n" + stops):
                    depth = 0
            elif ch in self.opening:
                if depth == 0:
                    opened = i
                depth += 1
            elif ch in self.closing and depth:
                depth -= 1
                if depth == 0:
                    spans.append((opened, i + 1))
        return spans

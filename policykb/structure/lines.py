"""Lines of the folded text, and the paragraphs of scraper lines split again.

Every later step of stage 2 walks :class:`Line` objects: a span of
``Source.text`` (spaces trimmed) with its folded text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..patterns import compile_patterns
from ..vocab import default_vocabulary

# a text of very few, very long lines is scraper output with its paragraphs
# joined: split it where a new paragraph plainly starts
JOINED_LINE_MIN = 600

SENTENCE_END = "。！？"

# a run of spaces, and a sentence end after which a label may start a paragraph
_SPACES = re.compile(r" +")
_CLAUSE_END = re.compile(r"[。；）]")
# the （一） a short 一、 heading runs into
_SUB_LABEL = re.compile(r"（[^（）]{1,3}）")


@dataclass(frozen=True)
class Line:
    """One non-blank line: its span in the text (spaces trimmed) and folded text."""

    start: int
    end: int
    norm: str


def has_sentence_end(s: str, extra: str = "") -> bool:
    """Whether ``s`` holds a sentence end (or one of ``extra``).

    >>> has_sentence_end("总体要求"), has_sentence_end("目标。"), has_sentence_end("如下：", "：")
    (False, True, True)
    """
    return any(ch in s for ch in SENTENCE_END + extra)


def split_lines(norm: str, vocab=None) -> list[Line]:
    """Non-blank lines of ``norm`` with their spans, spaces trimmed.

    >>> [(l.start, l.norm) for l in split_lines(" 一、总体要求\\n\\n（一）目标。\\n")]
    [(1, '一、总体要求'), (9, '（一）目标。')]
    """
    lines = []
    for m in re.finditer(r"[^\n]+", norm):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    if lines and len(norm) / len(lines) > JOINED_LINE_MIN:
        patterns = compile_patterns(default_vocabulary(vocab)).structure
        lines = [part for line in lines for part in _split_joined(line, patterns)]
    return lines


def _joined_cuts(s: str, patterns) -> set[int]:
    """Where a scraper line that holds many paragraphs is cut: at runs of
    spaces, and where a ``一、`` or ``（一）`` label follows a sentence end; a
    short ``一、`` heading run into its first ``（一）`` is cut too."""
    cuts = {0, len(s)}
    for m in _SPACES.finditer(s):
        cuts.update((m.start(), m.end()))
    for m in _CLAUSE_END.finditer(s):
        label = patterns.label.match(s, m.end())
        if label and (label.group("paren_cn") or label.group("part") or patterns.joined_cn_head.match(s, m.end())):
            cuts.add(m.end())
            if label.group("cn"):
                sub = _SUB_LABEL.search(s, label.end(), label.end() + 24)
                if sub and not has_sentence_end(s[label.end():sub.start()]):
                    cuts.add(sub.start())
    return cuts


def _split_joined(line: Line, patterns) -> list[Line]:
    """The pieces of a scraper line, cut at :func:`_joined_cuts`."""
    s = line.norm
    out = []
    bounds = sorted(_joined_cuts(s, patterns))
    for a, b in zip(bounds, bounds[1:]):
        piece = s[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            text = piece.strip()
            out.append(Line(line.start + a + lead, line.start + a + lead + len(text), text))
    return out

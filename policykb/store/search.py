"""Full-text search in Chinese: ``tasks_fts`` indexes the tasks' words as
jieba cut them (the cut the pipeline made for the department mentions, kept
as word lengths in ``tasks_words``) with the shorter words inside, and their
characters one by one (:func:`index_chars`); :func:`fts_query` cuts a query
the same way. The index is external-content: it reads its text from
``tasks``, so the text is stored once."""
from __future__ import annotations

import bisect
import re

from ..patterns.parts import HAN

_HAN = re.compile(f"[{HAN}]")


def search_tokens(text: str) -> list[str]:
    """Words of ``text`` for the full-text index, cut by jieba in search mode
    (the shorter words inside long ones too), punctuation dropped.

    >>> search_tokens("推进钢铁行业节能。")
    ['推进', '钢铁', '行业', '钢铁行业', '节能']
    """
    from ..nlp import segment_for_search

    return [w for w in segment_for_search(text) if re.search(r"\w", w)]


def index_text(text: str | None) -> str:
    """What ``tasks_fts`` stores for a text: its words, space separated, so
    SQLite's tokenizer sees jieba's words.

    >>> index_text("钢铁行业")
    '钢铁 行业 钢铁行业'
    """
    return " ".join(search_tokens(text or ""))


#: a word's length as one character ('1' for 1 …); longer pieces are cut
_BREAK_ZERO, _BREAK_MAX = 48, 78


def encode_lengths(lengths) -> str:
    """Word lengths as a short string, one character a word.

    >>> encode_lengths([2, 1, 4]), decode_lengths("214")
    ('214', [2, 1, 4])
    """
    out = []
    for n in lengths:
        while n > _BREAK_MAX:
            out.append(chr(_BREAK_ZERO + _BREAK_MAX))
            n -= _BREAK_MAX
        if n > 0:
            out.append(chr(_BREAK_ZERO + n))
    return "".join(out)


def decode_lengths(code: str) -> list[int]:
    return [ord(c) - _BREAK_ZERO for c in code]


def cut_lengths(text: str) -> list[int]:
    """The lengths of jieba's words of ``text`` (where the pipeline's cut is not at hand)."""
    from ..nlp import cut

    return [len(w) for w in cut(text)]


def lengths_within(starts: list[int], words: list, start: int, end: int) -> list[int] | None:
    """Lengths of the pieces of ``[start, end)`` cut where the ``words``
    (``(start, length)``, ``starts`` their starts) begin or end; None when no
    word starts there (the span is not in the cut text)."""
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    bounds = {start, end}
    found = False
    while i < len(words) and words[i][0] < end:
        s, n = words[i]
        found = found or s + n > start
        bounds.update(b for b in (s, s + n) if start < b < end)
        i += 1
    if not found:
        return None
    points = sorted(bounds)
    return [b - a for a, b in zip(points, points[1:])]


def pieces(text: str, code: str) -> list[str]:
    out, at = [], 0
    for n in decode_lengths(code):
        out.append(text[at:at + n])
        at += n
    if at < len(text):
        out.append(text[at:])
    return out


def index_words(text: str | None, code: str) -> str:
    """What ``tasks_fts`` indexes for a text cut at ``code``: its words and the
    shorter words inside them, space separated (punctuation dropped).

    >>> index_words("钢铁行业。", "41")
    '钢铁 行业 钢铁行业'
    """
    from ..nlp import expand_for_search

    return " ".join(w for w in expand_for_search(w.strip() for w in pieces(text or "", code)) if _WORD.search(w))


_WORD = re.compile(r"\w")


def task_codes(title: str | None, text: str | None, words=None, start: int = 0, starts=None) -> str:
    """The cut of a task's title and text (``title|text`` word lengths), from
    the pipeline's ``words`` (offsets into the record's text, the task at
    ``start``; ``starts`` their starts) where they cover it, else from jieba."""
    title, text = title or "", text or ""
    starts = starts if starts is not None else [w[0] for w in words] if words else []
    at = text.find(title) if title else -1
    head = lengths_within(starts, words, start + at, start + at + len(title)) if words and at >= 0 and title else None
    body = lengths_within(starts, words, start, start + len(text)) if words and text else None
    return (encode_lengths(head if head is not None else cut_lengths(title)) + "|"
            + encode_lengths(body if body is not None else cut_lengths(text)))


def task_index_values(title: str | None, text: str | None, codes: str) -> tuple[str, str]:
    """The ``title`` and ``text`` that ``tasks_fts`` indexes for a task.

    >>> task_index_values("超低排放", "推进超低排放。", "22|2221")
    ('超低 排放 超 低 排 放', '推进 超低 排放 推 进 超 低 排 放')
    """
    head, _, body = codes.partition("|")
    return (f"{index_words(title, head)} {index_chars(title)}".strip(),
            f"{index_words(text, body)} {index_chars(text)}".strip())


def index_chars(text: str | None) -> str:
    """The text's letters, digits and Han characters one by one: a phrase of
    them finds any substring, whatever jieba made of its context.

    >>> index_chars("超低排放。")
    '超 低 排 放'
    """
    return " ".join(ch for ch in (text or "") if ch.isalnum())


def has_han(text: str) -> bool:
    """True when ``text`` has a Han character (and so needs jieba to search).

    >>> has_han("PM2.5"), has_han("PM2.5浓度")
    (False, True)
    """
    return bool(_HAN.search(text))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression for a search typed in Chinese.

    Each space-separated part matches a task that has all of its jieba words,
    or has the part itself as a run of characters; parts are ANDed. Parts
    without Han characters are quoted as Datasette quotes them.

    >>> fts_query("钢铁")
    '(("钢铁") OR "钢 铁")'
    >>> fts_query("节能减排 PM2.5")
    '(("节能" AND "减排") OR "节 能 减 排") AND "PM2.5"'
    """
    clauses = []
    for part in (query or "").replace('"', " ").split():
        if not has_han(part):
            clauses.append(_quote(part))
            continue
        words = search_tokens(part)
        chars = index_chars(part)
        if not chars:
            continue
        words_clause = " AND ".join(_quote(w) for w in words) if words else None
        if words_clause:
            clauses.append(f"(({words_clause}) OR {_quote(chars)})")
        else:
            clauses.append(_quote(chars))
    return " AND ".join(clauses) or '""'



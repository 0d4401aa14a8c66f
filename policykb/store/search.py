"""Full-text search in Chinese: ``tasks_fts`` holds the tasks' words as jieba
cuts them (:func:`index_text`) and their characters one by one
(:func:`index_chars`); :func:`fts_query` cuts a query the same way."""
from __future__ import annotations

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



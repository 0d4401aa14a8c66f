"""The vocabulary of stage 1, from ``data/read.yml``: article selectors of
government sites, header words of task-assignment tables, page-number
patterns, the Traditional-script threshold.

It is one :class:`ReadVocab` object, loaded once and passed to the readers, so
a test or another site family can swap it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_yaml


@dataclass(frozen=True)
class ReadVocab:
    article_selectors: tuple[str, ...]
    title_selectors: tuple[str, ...]
    min_article_chars: int
    drop_tags: frozenset[str]
    drop_class_words: tuple[str, ...]
    keep_class_words: tuple[str, ...]
    drop_lines: tuple[re.Pattern, ...]
    # column kind -> (header words, note label or None)
    columns: dict[str, tuple[tuple[str, ...], str | None]]
    note_order: tuple[str, ...]
    page_number: tuple[re.Pattern, ...]
    margin_lines: int
    running_share: float
    traditional_share: float
    traditional_min_chars: int


@lru_cache(maxsize=None)
def load_read_vocab() -> ReadVocab:
    """Load ``data/read.yml``.

    >>> load_read_vocab().columns["lead"]
    (('牵头单位', '牵头部门', '牵头'), '牵头单位')
    """
    data = load_yaml("read.yml")
    html, table, pdf, script = data["html"], data["table"], data["pdf"], data["script"]
    return ReadVocab(
        article_selectors=tuple(html["article_selectors"]),
        title_selectors=tuple(html["title_selectors"]),
        min_article_chars=int(html["min_article_chars"]),
        drop_tags=frozenset(html["drop_tags"]),
        drop_class_words=tuple(w.lower() for w in html["drop_class_words"]),
        keep_class_words=tuple(w.lower() for w in html.get("keep_class_words", [])),
        drop_lines=tuple(re.compile(p) for p in html["drop_line_patterns"]),
        columns={kind: (tuple(spec["words"]), spec.get("label")) for kind, spec in table["columns"].items()},
        note_order=tuple(table["note_order"]),
        page_number=tuple(re.compile(p) for p in pdf["page_number_patterns"]),
        margin_lines=int(pdf["margin_lines"]),
        running_share=float(pdf["running_share"]),
        traditional_share=float(script["traditional_share"]),
        traditional_min_chars=int(script["traditional_min_chars"]),
    )

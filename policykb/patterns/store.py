"""The store's patterns: the shape of a 发文字号, for document keys."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import char_class


@dataclass(frozen=True)
class StorePatterns:
    doc_number: re.Pattern  # 渝府发〔2022〕39号: issuer prefix, year, number


def compile(vocab) -> StorePatterns:
    """The store's patterns from ``vocab`` (a :class:`~policykb.vocab.Vocabulary`).

    >>> from policykb.vocab import load_vocabulary
    >>> compile(load_vocabulary()).doc_number.match("渝府发〔2022〕39号").group("prefix", "year", "number")
    ('渝府发', '2022', '39')
    """
    w = vocab.store
    return StorePatterns(doc_number=re.compile(
        rf"^\s*(?P<prefix>.*?)\s*{char_class(w.number_open)}(?P<year>\d{{4}}){char_class(w.number_close)}"
        rf"\s*(?P<number>\d+)\s*(?:{re.escape(w.number_suffix)})?\s*$"))

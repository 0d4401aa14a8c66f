"""The vocabulary policykb reads: department tables, units, number words and
patterns, as YAML and CSV files beside this module. Every stage loads its
words through these helpers, never from Python literals."""
from __future__ import annotations

import re
from importlib import resources
from typing import Any, Iterable

import yaml


def read_data(*parts: str) -> str:
    """The text of a data file: ``read_data("departments", "rules.yml")``."""
    return resources.files(__name__).joinpath(*parts).read_text("utf-8")


def load_yaml(*parts: str) -> Any:
    """A YAML data file, parsed (an empty file gives ``{}``).

    >>> load_yaml("numerals.yml")["digits"]["三"]
    3
    """
    return yaml.safe_load(read_data(*parts)) or {}


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """Words ordered so a regex alternation tries the longest first.

    >>> longest_first(["局", "市局", "市发展改革委"])
    ('市发展改革委', '市局', '局')
    """
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first.

    >>> alternation(["以上", "及以上", "1.5"])
    '1\\\\.5|及以上|以上'
    """
    return "|".join(re.escape(w) for w in longest_first(words))

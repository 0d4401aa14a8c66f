"""The vocabulary policykb reads: department tables, units, number words and
patterns, as YAML and CSV files beside this module. Every stage loads its
words through these helpers, never from Python literals."""
from __future__ import annotations

from importlib import resources
from typing import Any

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


# ``longest_first`` and ``alternation`` are policykb.patterns.parts' ``longest_first``
# and ``words``, re-exported for the modules that still import them from here.
# They are looked up on first use (PEP 562), not imported at the top: importing
# policykb.patterns runs its stage modules, which must not find this package
# half-initialised.
_FROM_PARTS = {"longest_first": "longest_first", "alternation": "words"}


def __getattr__(name: str):
    """``alternation`` and ``longest_first``, from :mod:`policykb.patterns.parts`.

    >>> from policykb.data import alternation
    >>> alternation(["以上", "及以上"])
    '及以上|以上'
    """
    if name in _FROM_PARTS:
        from ..patterns import parts

        return getattr(parts, _FROM_PARTS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Quantities -> targets: the quantified goals a plan sets.

A target is read from one clause in three parts: the *indicator* before the
number, the *verb* that joins them and the *quantity*. A number that only
bounds a noun (35蒸吨/小时以下燃煤锅炉) is a threshold, not a target.

- :mod:`.verbs`: goal verbs (split_verb, leading_verb, count verbs);
- :mod:`.indicators`: cleaning and splitting indicators, shared tails;
- :mod:`.rules`: threshold-or-target and change rules, as ordered lists
  (``THRESHOLD_RULES``, ``CHANGE_RULES``);
- :mod:`.clause`: one clause -> targets (``read_clause``);
- :mod:`.paragraph`: paragraphs and documents -> targets, with their years
  (``read_paragraph``, ``extract_targets``).

Time (years, periods, baselines) is :mod:`policykb.dates`.
"""
from __future__ import annotations

from .clause import ReadTarget, read_clause, read_groups
from .indicators import clean_indicator, shared_tail, split_indicator
from .paragraph import extract_targets, read_paragraph
from .rules import CHANGE_RULES, THRESHOLD_RULES
from .verbs import leading_verb, split_verb

__all__ = [
    "CHANGE_RULES", "THRESHOLD_RULES", "ReadTarget", "clean_indicator", "extract_targets", "leading_verb",
    "read_clause", "read_groups", "read_paragraph", "shared_tail", "split_indicator", "split_verb",
]

"""Compare across plans: the same indicator everywhere, and the plan a plan
implements.

A post-load step over a whole database (``policykb compare --db``, and run
at the end of every build): :mod:`.indicators` matches each target's
indicator to a canonical indicator of ``data/indicators.yml`` (its scope
words, 全省 or 规上工业, kept apart), :mod:`.levels` gives each document's
level of government, :mod:`.tables` writes ``indicators`` and
``target_indicators``, and :mod:`.lineage` links a plan to the plans it cites
and each of its targets to the cited plan's target on the same indicator
(stricter, equal or looser); :mod:`.tasks` links each of its tasks to the
cited plan's task of nearest words (``task_lineage``). This package reads the store's tables and the
vocabulary; nothing below it imports it.
"""
from __future__ import annotations

from .indicators import IndicatorMatcher, Match
from .levels import government_level
from .tables import compare_database

__all__ = ["IndicatorMatcher", "Match", "compare_database", "government_level"]

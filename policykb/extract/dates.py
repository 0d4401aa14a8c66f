"""The year a plan is for: moved to :mod:`policykb.dates`, the home of time;
re-exported here so ``policykb.extract.dates.plan_year`` keeps working."""
from __future__ import annotations

from ..dates import plan_year

__all__ = ["plan_year"]

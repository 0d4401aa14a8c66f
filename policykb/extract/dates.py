"""The year a plan is for, read from its title: the one definition of a plan
for one year, shared by tasks (month-only deadlines) and targets (goals
without a year of their own). The kinds of plan are data
(``one_year_plan_kinds`` in ``data/quantity_words.yml``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import alternation, load_yaml


@lru_cache(maxsize=None)
def one_year_plan_pattern() -> re.Pattern:
    """The year of a one-year plan: 2021年度推动碳达峰…工作计划, 2022年行动计划;
    not a year in a range (2021—2025年, 2021-2023年度), a horizon (2030年前,
    到2025年) or a year not followed, within its clause, by a kind of plan."""
    kinds = alternation(load_yaml("quantity_words.yml")["one_year_plan_kinds"])
    return re.compile(
        r"(?<![\d—–\-－~～至到])((?:19|20)\d\d)年度?(?![前以之\d—–\-－~～至到])"
        rf"[^（(）)，,。；;]{{0,30}}?(?:{kinds})")


# a range of years anywhere in the title (2021—2025年, 2021-2023年度): the
# plan spans them, so it is not a plan for one year
YEAR_RANGE = re.compile(r"\d{4}年?\s*[—–\-－~～至到]")


def plan_year(title: str) -> int | None:
    """The year of a plan for one year, from its title, else None.

    >>> plan_year("某省绿色转型2024年行动计划"), plan_year("某厅2023年度推动节能工作计划")
    (2024, 2023)
    >>> plan_year("某省碳达峰实施方案（2030年前）"), plan_year("某市节能实施方案（2021—2025年）")
    (None, None)
    >>> plan_year("2021-2023年度某某工作计划"), plan_year("到2025年某某行动方案")
    (None, None)
    """
    m = one_year_plan_pattern().search(title)
    if m and not YEAR_RANGE.search(title):
        return int(m.group(1))
    return None

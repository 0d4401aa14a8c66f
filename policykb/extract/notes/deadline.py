"""Deadlines: the date a 完成时限 field or a task's own words state.

Kept together (with its words in ``data/notes.yml`` ``deadline``) so that
it can move whole to the home of time (:mod:`policykb.dates`).
"""
from __future__ import annotations

import re

from ...models import Document
from ...patterns import compile_patterns
from ...patterns.parts import YEAR
from ..dates import plan_year

# an ISO date's year: 2021-09-30 (a plan year, as any other)
ISO_YEAR = re.compile(rf"({YEAR})-")


def _format(m: re.Match, y: int, words) -> str | None:
    """The date one match of the deadline pattern states, or None."""
    if m.group("month"):
        month = int(m.group("month"))
        if not 1 <= month <= 12:
            return None
        if m.group("day"):
            return f"{y:04d}-{month:02d}-{int(m.group('day')):02d}"
        return f"{y:04d}-{month:02d}"
    if m.group("half"):
        return f"{y:04d}-{words.half_year[m.group('half')]:02d}"
    q = m.group("quarter")
    if q and q in words.quarter_end:
        return f"{y:04d}-{words.quarter_end[q]:02d}"
    if m.group("year"):
        return f"{y:04d}"
    return None


def parse_deadline(text: str, year: int | None = None, vocab=None) -> str | None:
    """The date a deadline states, as ``2025``, ``2022-06`` or ``2022-06-30``;
    ``year`` fills in a date that names none (6月底 in a plan for 2021).

    >>> parse_deadline("2022年2月底前"), parse_deadline("2021年12月"), parse_deadline("2025年")
    ('2022-02', '2021-12', '2025')
    >>> parse_deadline("6月底", 2021), parse_deadline("2021年四季度"), parse_deadline("2022年6月30日前")
    ('2021-06', '2021', '2022-06-30')
    >>> parse_deadline("持续推进") is None, parse_deadline("根据省政府统一部署安排") is None
    (True, True)
    """
    pats = compile_patterns(vocab).notes
    for m in pats.deadline.finditer(text):
        if not m.group(0):
            continue
        y = int(m.group("year")) if m.group("year") else year
        if y is None:
            continue
        date = _format(m, y, pats.words.deadline)
        if date:
            return date
    return None


def text_deadline(norm: str, start: int, end: int, vocab=None) -> str | None:
    """The first due date a task's own words state in ``norm[start:end]``.

    >>> text_deadline("一、甲。2019年6月底前完成。", 0, 16)
    '2019年6月底前'
    """
    m = compile_patterns(vocab).notes.text_deadline.search(norm, start, end)
    return m.group() if m else None


def document_year(document: Document) -> int | None:
    """The year a month-only deadline (6月底) falls in: the plan's own year
    if it is a plan for one year, else the year of issue, else none.

    >>> def year(title, issued=None):
    ...     return document_year(Document(title=title, issued_date=issued))
    >>> year("某省绿色转型2024年行动计划"), year("某厅2023年度推动节能工作计划", "2023-03-01")
    (2024, 2023)
    >>> year("某省碳达峰实施方案（2030年前）", "2022-05-01"), year("某市节能实施方案（2021—2025年）", "2021-09-30")
    (2022, 2021)
    >>> year("某市节能实施方案（2021—2025年）") is None, year("2021-2023年度某某工作计划", "2021-06-01")
    (True, 2021)
    """
    year = plan_year(document.title or "")
    if year:
        return year
    m = ISO_YEAR.match(document.issued_date or "")
    return int(m.group(1)) if m else None

"""All of "when": years, periods, baselines, year markers, the plan's own year.

A target year is set by a marker (到2025年, 2023年底前, 2022年，…) or a
five-year plan named as a period (“十四五”期间: 2020 -> 2025); a change is
measured from a baseline (比2020年); a 分别 list spreads over a list of years
or periods (2025年和2030年); a plan for one year names its year in its title.
The words are data (``data/time.yml``, the ``time`` part of the vocabulary);
the patterns are built in :mod:`policykb.patterns.time`. A deadline parser
(完成时限, 2023年底前, 四季度) belongs here too: it would add its words to
``time.yml`` and its patterns to :class:`~policykb.patterns.time.TimePatterns`.

Every function takes ``vocab`` (the whole :class:`~policykb.vocab.Vocabulary`,
default: the shipped one) and works on folded text (``Source.norm``), except
:func:`plan_year`, which reads a title as written.
"""
from __future__ import annotations

import re

from .models import Document, Task
from .patterns import compile_patterns


def _time(vocab):
    return compile_patterns(vocab).time


def marker_year(m: re.Match) -> int:
    """The year of a match of the year marker (whichever of its forms matched)."""
    return int(m.group("y1") or m.group("y2") or m.group("y3"))


def year_markers(text: str, vocab=None) -> list[re.Match]:
    """Every year marker in ``text``, in order."""
    return list(_time(vocab).year_marker.finditer(text))


def read_target_year(text: str, vocab=None) -> int | None:
    """The year a marker sets, or None.

    >>> read_target_year("到2025年"), read_target_year("2023年底前"), read_target_year("比2020年")
    (2025, 2023, None)
    """
    m = _time(vocab).year_marker.search(text)
    return marker_year(m) if m else None


def strip_time(text: str, vocab=None) -> str:
    """``text`` without its year markers, periods, plan names and baselines.

    >>> strip_time("到2025年“十四五”期间比2020年能耗")
    '能耗'
    """
    p = _time(vocab)
    for pattern in (p.year_marker, p.period_marker, p.plan_name, p.baseline):
        text = pattern.sub("", text)
    return text


def read_period(text: str, vocab=None) -> tuple[int, int] | None:
    """(baseline, target) years of a five-year plan period named in ``text``.

    >>> read_period("“十四五”期间，规上工业单位增加值能耗下降14.5%")
    (2020, 2025)
    """
    plans = compile_patterns(vocab).vocab.time.five_year_plans
    found = None
    for m in _time(vocab).period_marker.finditer(text):
        if m.group(1) in plans:
            found = plans[m.group(1)]
    return tuple(found) if found else None


def read_time_list(text: str, vocab=None) -> list[tuple[int | None, int]]:
    """(baseline, target) years of a list of years or periods, in order.

    >>> read_time_list("2025年和2030年"), read_time_list("“十五五”、“十六五”期间各建成")
    ([(None, 2025), (None, 2030)], [(2025, 2030), (2030, 2035)])
    """
    p = _time(vocab)
    plans = compile_patterns(vocab).vocab.time.five_year_plans
    m = p.year_list.search(text)
    if m:
        return [(None, int(m.group(1))), (None, int(m.group(2)))]
    m = p.period_list.search(text)
    if m and all(name in plans for name in m.groups()):
        return [tuple(plans[name]) for name in m.groups()]
    return []


def read_baseline(text: str, vocab=None) -> int | None:
    """The baseline year of a change.

    >>> read_baseline("全市单位地区生产总值能源消耗比2020年下降"), read_baseline("到2025年")
    (2020, None)
    """
    m = _time(vocab).baseline.search(text)
    return int(m.group("y")) if m else None


def strip_baseline_at_end(text: str, vocab=None) -> str:
    """``text`` without a baseline right at its end (比2020年|下降).

    >>> strip_baseline_at_end("能源消耗比2020年")
    '能源消耗'
    """
    return _time(vocab).baseline_at_end.sub("", text)


def plan_year(title: str, vocab=None) -> int | None:
    """The year of a plan for one year, from its title, else None: the one
    definition of a plan for one year, shared by tasks (month-only
    deadlines) and targets (goals without a year of their own).

    >>> plan_year("某省绿色转型2024年行动计划"), plan_year("某厅2023年度推动节能工作计划")
    (2024, 2023)
    >>> plan_year("某省碳达峰实施方案（2030年前）"), plan_year("某市节能实施方案（2021—2025年）")
    (None, None)
    >>> plan_year("2021-2023年度某某工作计划"), plan_year("到2025年某某行动方案")
    (None, None)
    """
    p = _time(vocab)
    m = p.one_year_plan.search(title)
    if m and not p.year_range.search(title):
        return int(m.group(1))
    return None


def issue_year(document: Document, vocab=None) -> int | None:
    """The year the plan was issued (成文日期, else the year of its 发文字号).

    >>> issue_year(Document(issued_date="2022-09-18")), issue_year(Document(doc_number="渝府发〔2022〕39号"))
    (2022, 2022)
    """
    p = _time(vocab)
    m = p.year_start.match(document.issued_date or "") or p.doc_number_year.search(document.doc_number or "")
    return int(m.group(1)) if m else None


def deadline_year(task: Task | None, vocab=None) -> int | None:
    """The year of a task's deadline (2023-06 -> 2023), if it has one."""
    if task and task.deadline:
        m = _time(vocab).year_start.match(str(task.deadline))
        if m:
            return int(m.group(1))
    return None


def year_at_end(text: str, vocab=None) -> int | None:
    """The year still in force at the end of a paragraph (到2025年，…。 then ——…).

    The last year marker, unless a period is named after it. Which comes
    later is decided by comparing the position of the last 五 (the last
    character of a five-year plan's name) with that of the year's digits: a
    heuristic the lead will replace by the markers' own spans (issue 7, step 9).

    >>> year_at_end("到2025年，能耗下降。"), year_at_end("到2025年，“十五五”期间能耗下降。")
    (2025, 2030)
    """
    year = None
    for m in year_markers(text, vocab):
        year = marker_year(m)
    period = read_period(text, vocab)
    last_char = compile_patterns(vocab).vocab.time.five_year_plan_name["after"]
    if period and (year is None or text.rfind(last_char) > text.rfind(str(year))):
        year = period[1]
    return year


def lead_in_year(text: str, vocab=None) -> int | None:
    """The year a lead-in sets for the list it introduces (到2025年，实现以下目标：).

    >>> lead_in_year("到2025年，实现以下目标："), lead_in_year("到2025年，能耗下降。")
    (2025, None)
    """
    stripped = text.rstrip()
    if not stripped.endswith("："):
        return None
    last = stripped.split("\n")[-1]
    y = read_target_year(last, vocab)
    if y is None:
        p = read_period(last, vocab)
        y = p[1] if p else None
    return y

"""All of "when": years, periods, baselines, year markers, deadlines, the plan's own year.

A target year is set by a marker (到2025年, 2023年底前, 2022年，…) or a
five-year plan named as a period (“十四五”期间: 2020 -> 2025); a change is
measured from a baseline (比2020年); a 分别 list spreads over a list of years
or periods (2025年和2030年); a plan for one year names its year in its title.
The words are data (``data/time.yml``, the ``time`` part of the vocabulary);
the patterns are built in :mod:`policykb.patterns.time`. A deadline
(完成时限：2023年6月底前, 四季度) is read here too, as ``2023-06``.

Every function takes ``vocab`` (the whole :class:`~policykb.vocab.Vocabulary`,
default: the shipped one) and works on folded text (``Source.norm``), except
:func:`plan_year`, which reads a title as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Document, Task
from .numerals import parse_chinese_number
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

    >>> strip_time("到2025年“十四五”期间比2020年能耗"), strip_time("5年内累计新增光伏装机")
    ('能耗', '累计新增光伏装机')
    """
    p = _time(vocab)
    for pattern in (p.window, p.year_marker, p.period_marker, p.plan_name, p.baseline):
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


@dataclass
class YearWindows:
    """The periods of N years a document names (5年内, 未来五年), each run from
    the start year the text gives, else from the year of issue; a later
    mention of the same length means the same years."""

    issued: int | None = None
    seen: dict[int, int] = field(default_factory=dict)  # length -> start year

    def read(self, text: str, vocab=None) -> int | None:
        """The last year of the last period of N years named in ``text``, or None.

        >>> w = YearWindows(issued=2022)
        >>> w.read("未来五年"), w.read("三年内，"), w.read("用3年时间"), YearWindows().read("三年内")
        (2026, 2024, 2024, None)
        >>> w = YearWindows(issued=2013)
        >>> w.read("2012年起5年内，"), w.read("5年内完成")  # the same window: 2012 to 2016
        (2016, 2016)
        >>> w.read("近五年来"), w.read("每3年开展一次"), w.read("5年以上")
        (None, None, None)
        """
        numerals = compile_patterns(vocab).vocab.numerals
        year = None
        for m in _time(vocab).window.finditer(text):
            n_text = m.group("n") or m.group("n2")
            n = int(n_text) if n_text.isdigit() else parse_chinese_number(n_text, numerals)
            if not n:
                continue
            if m.group("start"):
                self.seen[n] = int(m.group("start"))
            elif n not in self.seen and self.issued:
                self.seen[n] = self.issued
            if n in self.seen:
                year = self.seen[n] + n - 1
        return year


def read_baseline(text: str, vocab=None) -> int | None:
    """The baseline year of a change.

    >>> read_baseline("全市单位地区生产总值能源消耗比2020年下降"), read_baseline("到2025年")
    (2020, None)
    >>> read_baseline("单位生产总值能耗比“十二五”末下降")  # a period's end: 2015
    2015
    """
    m = _time(vocab).baseline.search(text)
    if not m:
        return None
    if m.group("plan"):
        plans = compile_patterns(vocab).vocab.time.five_year_plans
        return plans[m.group("plan")][1] if m.group("plan") in plans else None
    return int(m.group("y"))


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
    """The year still in force at the end of a paragraph (到2025年，…。 then
    ——…): that of the year marker or five-year period named last in it.

    >>> year_at_end("到2025年，能耗下降。"), year_at_end("到2025年，“十五五”期间能耗下降。")
    (2025, 2030)
    >>> year_at_end("“十四五”期间，到2030年基本消除劣五类水体。")
    2030
    """
    p, plans = _time(vocab), compile_patterns(vocab).vocab.time.five_year_plans
    named = [(m.start(), marker_year(m)) for m in p.year_marker.finditer(text)]
    named += [(m.start(), plans[m.group(1)][1]) for m in p.period_marker.finditer(text) if m.group(1) in plans]
    return max(named)[1] if named else None


def lead_in_year(text: str, vocab=None, windows: YearWindows | None = None) -> int | None:
    """The year a lead-in sets for the list it introduces (到2025年，实现以下目标：;
    未来五年，实现以下目标： with the document's ``windows``).

    >>> lead_in_year("到2025年，实现以下目标："), lead_in_year("到2025年，能耗下降。")
    (2025, None)
    >>> lead_in_year("未来三年，实现以下目标：", windows=YearWindows(issued=2022))
    2024
    """
    time = lead_in_time(text, vocab, windows)
    return time[0] if time else None


def lead_in_time(text: str, vocab=None, windows: YearWindows | None = None) -> tuple[int, int | None] | None:
    """(year, period base) a lead-in sets for the list it introduces: a period
    (“十二五”期间，主要目标是：) also gives the base of the changes below it.

    >>> lead_in_time("“十二五”期间，主要目标是："), lead_in_time("到2025年，实现以下目标：")
    ((2015, 2010), (2025, None))
    """
    stripped = text.rstrip()
    if not stripped.endswith("："):
        return None
    last = stripped.split("\n")[-1]
    y = read_target_year(last, vocab)
    if y is not None:
        return y, None
    p = read_period(last, vocab)
    if p:
        return p[1], p[0]
    y = windows.read(last, vocab) if windows is not None else None
    return (y, None) if y else None


# ---------------------------------------------------------------- deadlines


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
    p = _time(vocab)
    for m in p.deadline.finditer(text):
        if not m.group(0):
            continue
        y = int(m.group("year")) if m.group("year") else year
        if y is None:
            continue
        date = _format(m, y, compile_patterns(vocab).vocab.time.deadline)
        if date:
            return date
    return None


def text_deadline(norm: str, start: int, end: int, vocab=None) -> str | None:
    """The first due date a task's own words state in ``norm[start:end]``.

    >>> text_deadline("一、甲。2019年6月底前完成。", 0, 16)
    '2019年6月底前'
    """
    m = _time(vocab).text_deadline.search(norm, start, end)
    return m.group() if m else None


def document_year(document: Document, vocab=None) -> int | None:
    """The year a month-only deadline (6月底) falls in: the plan's own year
    if it is a plan for one year, else the year of issue (:func:`issue_year`),
    else none.

    >>> def year(title, issued=None):
    ...     return document_year(Document(title=title, issued_date=issued))
    >>> year("某省绿色转型2024年行动计划"), year("某厅2023年度推动节能工作计划", "2023-03-01")
    (2024, 2023)
    >>> year("某省碳达峰实施方案（2030年前）", "2022-05-01"), year("某市节能实施方案（2021—2025年）", "2021-09-30")
    (2022, 2021)
    >>> year("某市节能实施方案（2021—2025年）") is None, year("2021-2023年度某某工作计划", "2021-06-01")
    (True, 2021)
    >>> document_year(Document(title="某市节能实施方案", doc_number="某府发〔2022〕3号"))
    2022
    """
    return plan_year(document.title or "", vocab) or issue_year(document, vocab)

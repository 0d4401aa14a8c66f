"""The time patterns: year markers, periods, baselines, lists of years,
deadlines and the plan's own year, built from the ``time`` part of the vocabulary
(``data/time.yml``). Read by :mod:`policykb.dates`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import YEAR, char_class, words

# A blank PDF text leaves inside a year (到 2025 年, 比 2020 年): one space, never a line break.
BLANK = r"[ \u3000]?"

# A plan name may stand in straight or curly quotes: “十四五”, "十四五".
OPEN_QUOTE, CLOSE_QUOTE = '[“"]?', '[”"]?'

# Dashes and tildes between two years of a range, after folding (2021—2025年,
# 2021-2023年度, 2021～2023年); a title is searched unfolded, so the full-width
# forms count there too.
DASHES = r"—\-~"
TITLE_DASHES = r"—–\-－~～"


@dataclass(frozen=True)
class TimePatterns:
    year_marker: re.Pattern  # 到2025年, 2023年底前, 2022年，… (groups y1, y2, y3)
    period_marker: re.Pattern  # “十四五”期间 (group 1: the plan's name)
    baseline: re.Pattern  # 比2020年, 与2020年相比 (group y)
    baseline_at_end: re.Pattern  # …one standing right before the verb: 比2020年|下降
    year_list: re.Pattern  # 2025年和2030年
    period_list: re.Pattern  # “十五五”、“十六五”期间
    plan_name: re.Pattern  # a plan name in a list of periods
    one_year_plan: re.Pattern  # the year of a plan for one year, in its title
    year_range: re.Pattern  # a range of years in a title
    year_start: re.Pattern  # a date string's year: 2022-09-18
    doc_number_year: re.Pattern  # the year of a 发文字号: 〔2022〕
    deadline: re.Pattern  # a date a deadline states: 2022年6月30日, 2021年四季度, 6月底
    text_deadline: re.Pattern  # a due date in a task's own words: 2019年6月底前
    window: re.Pattern  # a period of N years: 2012年起5年内, 未来五年 (groups start, n or n2)


def _year_marker(t) -> re.Pattern:
    # A target year: 到2025年, 至2025年底, 2023年底前, 截至2022年. A bare 2022年 at
    # the start of a clause (2022年，全省…) counts too; 比2020年 is a baseline,
    # 2022年起 a start, and 2030年前实现 is read the same as 到2030年.
    yr, ends, before = re.escape(t.year_unit), words(t.year_ends), words(t.horizon_words)
    lead_ends = words(t.year_ends + t.lead_year_ends)
    not_before = "[" + re.escape(t.not_before_horizon_year) + "0-9" + DASHES + "]"
    return re.compile(
        rf"(?:(?:{words(t.year_lead_words)}){BLANK}(?P<y1>{YEAR}){BLANK}{yr}(?:{lead_ends})?(?:{before})?"
        rf"(?!{char_class(t.not_after_lead_year)})"
        rf"|(?<!{not_before})(?P<y2>{YEAR}){BLANK}{yr}(?:{ends})?(?:{before})(?!{char_class(t.not_after_horizon_year)})"
        rf"|(?:^|(?<=[，；。：\n]))(?P<y3>{YEAR}){BLANK}{yr}(?:{ends})?"
        rf"(?![{re.escape(t.not_after_clause_year)}{DASHES}0-9]))")


def _plan_name(t) -> str:
    name = t.five_year_plan_name
    return re.escape(name["before"]) + char_class(name["ordinals"]) + re.escape(name["after"])


def _one_year_plan(t) -> re.Pattern:
    # The year of a one-year plan: 2021年度推动碳达峰…工作计划, 2022年行动计划;
    # not a year in a range (2021—2025年, 2021-2023年度), a horizon (2030年前,
    # 到2025年) or a year not followed, within its clause, by a kind of plan.
    span = re.escape("".join(t.span_words))
    horizon_first = re.escape("".join(w[0] for w in t.horizon_words))
    return re.compile(
        rf"(?<![\d{TITLE_DASHES}{span}])({YEAR}){re.escape(t.year_unit)}{re.escape(t.annual)}?"
        rf"(?![{horizon_first}\d{TITLE_DASHES}{span}])"
        rf"[^（(）)，,。；;]{{0,30}}?(?:{words(t.one_year_plan_kinds)})")


def _deadline(t) -> re.Pattern:
    """A date a deadline states, every part optional: 2022年6月30日,
    2021年上半年, 2021年第三季度, 2022年底, 6月底. (``\\d{4}``, not a plan year:
    the parser checks the month, and keeps any year written.)"""
    d = t.deadline
    return re.compile(
        rf"(?:(?P<year>\d{{4}}){re.escape(t.year_unit)})?"
        rf"(?:(?P<month>\d{{1,2}}){re.escape(t.month_unit)}(?:(?P<day>\d{{1,2}}){re.escape(t.day_unit)})?"
        rf"|(?P<half>{words(d.half_year)})"
        rf"|(?:{re.escape(d.ordinal)})?(?P<quarter>{words(d.quarter_digits)}){re.escape(d.quarter)}"
        rf"|(?P<yearend>{words(t.year_ends)}))?"
    )


def _text_deadline(t) -> re.Pattern:
    """A due date in a task's own words: 2019年6月底前, 2020年底前 (a plan
    year, so 1000年 is no date)."""
    d = t.deadline
    month_day = rf"\d{{1,2}}{re.escape(t.month_unit)}(?:\d{{1,2}}{re.escape(t.day_unit)})?"
    return re.compile(rf"{YEAR}{re.escape(t.year_unit)}(?:{month_day})?(?:{words(t.year_ends)})?(?:{words(d.before)})")


def _window(vocab) -> re.Pattern:
    """A period of N years: 2012年起5年内, 三年内, 用3年时间 (group n), 未来五年 (group n2),
    with the start year (group start) when the text gives one."""
    t, numerals = vocab.time, vocab.numerals
    w, yr = t.window, re.escape(t.year_unit)
    tens = "".join(ch for ch, v in numerals.units.items() if v == 10)
    number = rf"(?:\d{{1,2}}|[{''.join(numerals.digits) + tens}][{numerals.chars}]?)"
    not_before = "".join(f"(?<!{re.escape(x)})" for x in w.not_before) + r"(?<![\d.])"
    start = rf"(?:(?P<start>{YEAR}){yr}(?:{words(w.start_after)})[，\s]?(?:{words(w.bridge)})?)?"
    return re.compile(rf"{start}{not_before}(?P<n>{number}){yr}(?:{words(w.after)})"
                      rf"|(?:{words(w.before)})(?P<n2>{number}){yr}(?![\d{yr}])")


def compile(vocab) -> TimePatterns:
    t, joins = vocab.time, words(vocab.quantities.list_joins)
    yr, ends = re.escape(t.year_unit), words(t.year_ends)
    name = _plan_name(t)
    periods = words(t.period_words)
    # 比2020年, 与2020年相比; 比“十二五”末 (group plan: the baseline is the period's end)
    baseline = (rf"(?:(?:{words(t.baseline_before)}){BLANK}(?P<y>{YEAR}){BLANK}{yr}(?:{ends})?"
                rf"|(?:{words(t.period_baseline_before)}){OPEN_QUOTE}(?P<plan>{name}){CLOSE_QUOTE}"
                rf"(?:{words(t.period_baseline_edges)}))"
                rf"(?:{words(t.baseline_after)})?")
    # …and such a plan name is no period (the quote is optional, so both forms are barred)
    not_baseline = "".join(f"(?<!{re.escape(w + q)})" for w in t.period_baseline_before for q in ("", "“", '"'))
    span = re.escape("".join(t.span_words))
    return TimePatterns(
        year_marker=_year_marker(t),
        period_marker=re.compile(rf"{not_baseline}{OPEN_QUOTE}({name}){CLOSE_QUOTE}"
                                 rf"(?:{words(t.period_words + t.period_edge_words)})"),
        baseline=re.compile(baseline),
        baseline_at_end=re.compile(baseline + "$"),
        year_list=re.compile(rf"({YEAR}){yr}(?:{ends})?(?:{joins})({YEAR}){yr}(?:{ends})?"
                             rf"(?!{char_class(t.not_after_listed_year)})"),
        period_list=re.compile(rf"{OPEN_QUOTE}({name}){CLOSE_QUOTE}(?:{joins}){OPEN_QUOTE}({name}){CLOSE_QUOTE}"
                               rf"(?:{periods})"),
        plan_name=re.compile(rf"{OPEN_QUOTE}{name}{CLOSE_QUOTE}(?:{words(t.plan_name_joins)})?"),
        one_year_plan=_one_year_plan(t),
        year_range=re.compile(rf"\d{{4}}{yr}?\s*[{TITLE_DASHES}{span}]"),
        year_start=re.compile(rf"({YEAR})"),
        doc_number_year=re.compile(rf"〔({YEAR})〕"),
        deadline=_deadline(t),
        text_deadline=_text_deadline(t),
        window=_window(vocab),
    )

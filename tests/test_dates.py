"""Time: periods of N years (5年内, 三年内, 未来五年), older year forms, and the
years a lead-in gives the list below it, read from whole documents.

Sentences are written here in the genre's forms (no development document is
copied). A period of N years runs from the start year the text gives
(2012年起5年内: 2012 to 2016) or, where it gives none, from the year of issue;
a later mention of the same length in the document means the same years.
"""
from __future__ import annotations

import pytest

from policykb.dates import YearWindows, lead_in_time, read_period, read_target_year, year_at_end
from policykb.extract.targets import extract_targets
from policykb.models import Document, Section, Source
from policykb.read.normalize import fold_punctuation

# text, year of issue -> the last year of the period it names (None: no period)
WINDOWS = [
    ("2012年起5年内，", None, 2016, "a start year and a length: 2012 to 2016"),
    ("从2014年开始，用3年时间，", None, 2016, "开始…用N年时间"),
    ("5年内，", 2013, 2017, "no start year: from the year of issue"),
    ("三年内，", 2022, 2024, "a length in Chinese numerals"),
    ("未来五年，", 2021, 2025, "未来 before the length"),
    ("今后两年，", 2023, 2024, "今后 and 两"),
    ("用3年左右时间，", 2020, 2022, "左右时间 after the length"),
    ("三年内，", None, None, "no start year and no year of issue: no year"),
    ("近五年来，", 2022, None, "a past span is no period"),
    ("每3年开展一次评估", 2022, None, "a frequency is no period"),
    ("过去5年内，", 2022, None, "a past span (过去) is no period"),
    ("运行5年以上的设备", 2022, None, "a bound on an age is no period"),
    ("到2025年，", 2022, None, "a year marker is no period"),
]


@pytest.mark.parametrize("text, issued, year, note", WINDOWS, ids=[w[0] for w in WINDOWS])
def test_period_of_years(text, issued, year, note):
    assert YearWindows(issued=issued).read(fold_punctuation(text)) == year, note


def test_a_later_mention_means_the_same_years():
    windows = YearWindows(issued=2014)
    assert windows.read("2012年起5年内，") == 2016
    assert windows.read("5年内基本完成") == 2016  # the same window, not 2014 to 2018
    assert windows.read("三年内") == 2016  # another length: from the year of issue


# older forms of target years and periods
YEARS = [
    ("力争到2020年，", 2020), ("到2015年底，", 2015), ("2017年底前，", 2017), ("截至2018年，", 2018),
    ("2012年起，", None), ("比2010年", None),
]


@pytest.mark.parametrize("text, year", YEARS, ids=[y[0] for y in YEARS])
def test_older_target_years(text, year):
    assert read_target_year(text) == year


@pytest.mark.parametrize("text, period", [
    ("“十二五”期间，", (2010, 2015)), ("到“十三五”末，", (2015, 2020)), ("十三五时期", (2015, 2020)),
    ("“十一五”期间", (2005, 2010)), ("“十五”期间", None),
])
def test_older_periods(text, period):
    assert read_period(text) == period


def test_lead_in_period_gives_year_and_base():
    assert lead_in_time("“十二五”期间，主要目标是：") == (2015, 2010)
    assert lead_in_time("到2025年，实现以下目标：") == (2025, None)
    assert lead_in_time("未来三年，实现以下目标：", windows=YearWindows(issued=2022)) == (2024, None)
    assert lead_in_time("到2025年，能耗明显下降。") is None
    assert year_at_end("“十二五”期间，到2015年能耗下降。") == 2015


def _sections(text: str, labels: list[tuple[str, str, int | None]]) -> list[Section]:
    """Sections at the given labels (each found after the one before), each
    ending where the next begins."""
    starts = []
    for label, _, _ in labels:
        starts.append(text.index(label, starts[-1] + 1 if starts else 0))
    starts.append(len(text))
    out = []
    for i, (label, path, parent) in enumerate(labels):
        line_end = text.find("\n", starts[i])
        out.append(Section(id=i + 1, parent_id=parent, level=path.count(".") + 1, label=label, path=path,
                           title="", text=text[starts[i] + len(label):line_end], start=starts[i],
                           end=starts[i + 1], text_start=starts[i] + len(label)))
    return out


def _targets(text: str, labels, document: Document | None = None):
    source = Source("t.txt", text, fold_punctuation(text))
    found = extract_targets(source, document or Document(), _sections(text, labels), [])
    return [(t.path, t.value, t.change, t.baseline_year, t.target_year) for t in found if t.kind == "target"]


def test_period_of_years_in_a_document():
    text = ("标题\n1．未来三年，全市新建充电桩3000个。\n"
            "2．三年内，公共机构人均综合能耗下降4%。\n")
    got = _targets(text, [("1．", "1", None), ("2．", "2", None)], Document(issued_date="2023-04-10"))
    assert got == [("1", 3000, "increase_by", None, 2025), ("2", 4, "decrease_by", None, 2025)]


def test_lead_in_period_reaches_items_that_are_sections():
    text = ("一、主要目标\n“十二五”期间，全市实现以下目标：\n"
            "（一）单位生产总值能耗下降16%。\n（二）城市污水处理率达到85%。\n"
            "二、重点任务\n（一）建成示范项目10个。\n")
    labels = [("一、", "1", None), ("（一）", "1.1", 1), ("（二）", "1.2", 1), ("二、", "2", None),
              ("（一）", "2.1", 4)]
    got = _targets(text, labels, Document(issued_date="2012-03-01"))
    assert got == [("1.1", 16, "decrease_by", 2010, 2015), ("1.2", 85, "level", None, 2015),
                   ("2.1", 10, "level", None, None)]


def test_lead_in_year_reaches_items_on_later_lines():
    text = ("一、目标\n到2025年，具体目标如下：\n1．绿色工厂达到150家。\n"
            "2．县级以上城市建成区绿地率达到40%。\n")
    labels = [("一、", "1", None), ("1．", "1.1", 1), ("2．", "1.2", 1)]
    assert _targets(text, labels) == [("1.1", 150, "level", None, 2025), ("1.2", 40, "level", None, 2025)]


def test_lead_in_paragraph_reaches_the_lines_below_it():
    text = ("一、目标\n总体上，节能水平明显提升。\n力争到2020年，实现以下目标：\n"
            "（1）秸秆综合利用水平提升到85%；\n（2）每年新增造林面积50万亩。\n")
    labels = [("一、", "1", None)]
    assert _targets(text, labels) == [("1", 85, "increase_to", None, 2020), ("1", 50, "increase_by", None, None)]

"""Targets: sentences -> quantified goals, and the seed plan end to end.

The sentence table lives in ``tests/cases/targets.yml`` (rows of text,
expected targets and a note): sentences from the seed plan
(corpus/chongqing_jnjp_2022.txt) and sentences written in the forms other
plans use, including sentences that must give nothing (thresholds, years,
PM2.5, 国六, 十四五). No other development document is copied here; the slow
test reads ../shared/dev where it lies.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from policykb.extract.targets import extract_targets, read_paragraph, split_indicator
from policykb.models import Document, Section, Source, Task
from policykb.read.normalize import fold_punctuation

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "targets.yml").read_text(encoding="utf-8"))


def read(text: str, default_year=None):
    return read_paragraph(fold_punctuation(text), 0, default_year)


def as_row(t):
    q = t.quantity
    value = int(q.value) if float(q.value).is_integer() else q.value
    return [t.indicator, value, q.unit, t.comparator, t.change, t.baseline_year, t.target_year]


def test_cases_are_unique():
    texts = [row["text"] for row in CASES]
    assert len(texts) == len(set(texts)), "duplicate inputs in tests/cases/targets.yml"
    assert all(row.get("note") for row in CASES), "every row says why it is there"


@pytest.mark.parametrize("row", CASES, ids=[row["text"][:24] for row in CASES])
def test_sentence_targets(row):
    found = read(row["text"])
    targets = [as_row(t) for t, _, _ in found if t.kind == "target"]
    assert targets == row["targets"], row["note"]
    thresholds = [t for t, _, _ in found if t.kind == "threshold"]
    assert len(thresholds) == row.get("thresholds", 0), row["note"]


def test_clause_is_the_evidence():
    text = "到2025年，全市新能源汽车产量达到100万辆，新增纯电动汽车不少于10万辆。"
    spans = [text[s:e] for _, s, e in read(text)]
    assert spans == ["全市新能源汽车产量达到100万辆", "新增纯电动汽车不少于10万辆"]


# indicator, number of values, 分别? -> indicators
SPLITS = [
    ("化学需氧量、氨氮重点工程减排量", 2, True, ["化学需氧量重点工程减排量", "氨氮重点工程减排量"],
     "seed: the tail 重点工程减排量 is shared"),
    ("单位货运周转量能耗、人均生活用水量", 2, True, ["单位货运周转量能耗", "人均生活用水量"],
     "whole indicators on both sides share nothing"),
    ("城市公交和出租车单位里程能耗", 2, True, ["城市公交单位里程能耗", "出租车单位里程能耗"],
     "with 分别, 和 separates items too"),
    ("新能源和清洁能源船舶保有量占比", 1, False, ["新能源和清洁能源船舶保有量占比"],
     "without 分别, 和 inside one indicator is not a list"),
    ("光伏、生物质发电总装机容量", 1, False, ["光伏、生物质发电总装机容量"], "a total is one target"),
    ("废旧动力电池、建筑垃圾综合利用率", 2, True, ["废旧动力电池综合利用率", "建筑垃圾综合利用率"],
     "an object noun (垃圾) that completes a short item stays with it"),
    ("东区、西区生活污水集中处理率", 2, True, ["东区生活污水集中处理率", "西区生活污水集中处理率"],
     "an object noun (生活污水) joins the tail when the items stay as long as each other"),
    ("钢材、玻璃行业单位产品电耗", 2, True, ["钢材行业单位产品电耗", "玻璃行业单位产品电耗"],
     "a tail starting with a scope word (行业) is shared whole"),
    ("全县PM10浓度、空气优良天数比率", 2, True, ["全县PM10浓度", "空气优良天数比率"],
     "an earlier item ending in a head (浓度) takes no tail"),
    ("主要经济作物农药、化肥利用率", 1, False, ["主要经济作物农药利用率", "主要经济作物化肥利用率"],
     "a shorter later item takes the first item's leftover head"),
    ("全区小麦播种、收割机械化率", 2, True, ["全区小麦播种机械化率", "全区小麦收割机械化率"],
     "the leftover head is shared without a list of item words"),
    ("化学需氧量、氨氮减排量", 2, True, ["化学需氧量减排量", "氨氮减排量"],
     "no head is shared when the first item's last word is longer than the later item"),
]


@pytest.mark.parametrize("indicator,n,spread,expected,note", SPLITS)
def test_split_indicator(indicator, n, spread, expected, note):
    assert split_indicator(indicator, n, spread) == expected, note


def _section(text: str, path: str, label: str = "1．", id_: int = 1, parent_id=None) -> Section:
    start = text.index(label)
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return Section(id=id_, parent_id=parent_id, level=1, label=label, path=path, title="", text=text[start + len(label):end],
                   start=start, end=end, text_start=start + len(label))


def test_one_year_plan_dates_its_targets():
    text = "某市节水型社会2023年行动计划\n1．光伏发电装机达到900万千瓦。\n"
    source = Source("t.txt", text, fold_punctuation(text))
    targets = extract_targets(source, Document(title="某市节水型社会2023年行动计划"), [_section(text, "1")], [])
    assert [(t.path, t.value, t.target_year) for t in targets] == [("1", 900, 2023)]


def test_task_deadline_dates_its_targets():
    text = "标题\n1．全市河湖断面劣五类比例不高于5%。（牵头：市水务局，时限：2021年12月）\n"
    source = Source("t.txt", text, fold_punctuation(text))
    task = Task(id=1, section_id=1, path="1", title="", text="", deadline="2021-12")
    targets = extract_targets(source, Document(), [_section(text, "1")], [task])
    assert [(t.value, t.comparator, t.target_year) for t in targets] == [(5, "<=", 2021)]


def test_a_past_year_reports_what_was_done():
    text = "标题\n1．“十三五”期间，全市万元产值用水量累计下降18.6%。到2025年，全市风力发电机组装机达到900万千瓦。\n"
    source = Source("t.txt", text, fold_punctuation(text))
    targets = extract_targets(source, Document(issued_date="2022-03-01"), [_section(text, "1")], [])
    assert [(t.value, t.target_year) for t in targets] == [(900, 2025)]


def test_lead_in_governs_the_list_below():
    text = "一、主要目标\n到2025年，实现以下目标：\n（一）绿色工厂达到200家。\n"
    source = Source("t.txt", text, fold_punctuation(text))
    parent = _section(text, "1", "一、", 1)
    parent.end = text.index("（一）")
    child = _section(text, "1.1", "（一）", 2, parent_id=1)
    targets = extract_targets(source, Document(), [parent, child], [])
    assert [(t.path, t.value, t.target_year) for t in targets] == [("1.1", 200, 2025)]


def test_seed_targets(seed_record):
    """The seed plan end to end: a few targets at the paths the gold gives them."""
    text = seed_record.text
    got = {(t.path, t.value, t.unit) for t in seed_record.targets if t.kind == "target"}
    for expected in [("2", 14, "%"), ("2", 4.32, "万吨"), ("3.1.1", 14.5, "%"), ("3.2.1", 300, "家"),
                     ("3.8.1", 40, "%"), ("3.10.2", 2.48, "万吨/日")]:
        assert expected in got
    for t in seed_record.targets:
        assert text[t.start:t.end] == t.text
        assert t.kind in ("target", "threshold")
    thresholds = {(t.value, t.unit) for t in seed_record.targets if t.kind == "threshold"}
    assert (35, "蒸吨/小时") in thresholds and (100, "mg/L") in thresholds


@pytest.mark.slow
def test_dev_targets_reach_the_bars(dev_dir):
    """Every dev document extracts; the gold ones score at the targets bars."""
    from policykb.pipeline import extract_file

    spec = importlib.util.spec_from_file_location("score", dev_dir.parent / "tools" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    for path in sorted(dev_dir.glob("*.txt")):
        record = extract_file(path)
        for t in record.targets:
            assert record.text[t.start:t.end] == t.text, path.name
    results = {}
    for gold_path in sorted(dev_dir.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        results[name] = scorer.score(gold, extract_file(dev_dir / f"{name}.txt").to_dict())
    total = scorer.merge(results)
    assert total["targets"] >= 0.93 and total["targets_exact"] >= 0.88, total


def test_year_in_force_is_the_one_named_last():
    """A dash list takes the year named last in the paragraph before it, by
    where the markers stand, not by where a character 五 stands (劣五类)."""
    text = ("标题\n1．“十四五”期间，水环境质量持续改善。到2030年，基本消除劣五类水体。\n"
            "——城市黑臭水体治理率达到100%。\n")
    source = Source("t.txt", text, fold_punctuation(text))
    section = _section(text, "1")
    section.end = len(text)
    targets = extract_targets(source, Document(), [section], [])
    assert [(t.value, t.target_year) for t in targets] == [(100, 2030)]

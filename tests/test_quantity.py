"""The quantity grammar: numbers, scales, units, ranges and the words around them.

Tables of ``(text, expected, note)`` rows; texts are folded as ``read`` folds
them. Sentences come from the seed plan or are written in the forms other
plans use.
"""
from __future__ import annotations

import json

import pytest

from policykb.extract.quantity import find_quantities, load_quantity_words, parse_quantity
from policykb.read.normalize import fold_punctuation


def unique(rows):
    inputs = [json.dumps(row[0], ensure_ascii=False) for row in rows]
    assert len(inputs) == len(set(inputs)), "duplicate inputs in a table"
    return rows


# text -> (value, unit, comparator, value_base, unit_base)
QUANTITIES = unique([
    ("4.32万吨", (4.32, "万吨", None, 43200, "吨"), "seed: scale before a unit is multiplied out"),
    ("14%", (14, "%", None, 14, "%"), "seed: a percentage"),
    ("92%以上", (92, "%", ">=", 92, "%"), "seed: 以上 after the number"),
    ("40%左右", (40, "%", "~", 40, "%"), "seed: 左右 is approximate"),
    ("0.2%以内", (0.2, "%", "<=", 0.2, "%"), "以内 is a ceiling"),
    ("2.48万吨/日", (2.48, "万吨/日", None, 24800, "吨/日"), "seed: a rate unit keeps its denominator"),
    ("35蒸吨/小时", (35, "蒸吨/小时", None, 35, "蒸吨/小时"), "seed: boiler size"),
    ("500万平方米", (500, "万平方米", None, 5000000, "平方米"), "seed: area with a scale"),
    ("100mg/L", (100, "mg/L", None, 100, "mg/L"), "seed: a concentration in Latin letters"),
    ("300克标煤/千瓦时", (300, "克标煤/千瓦时", None, 300, "克标煤/千瓦时"), "coal use per kWh"),
    ("20个百分点", (20, "个百分点", None, 20, "个百分点"), "percentage points, not 20 个"),
    ("1.2亿千瓦", (1.2, "亿千瓦", None, 120000000, "千瓦"), "亿 scale"),
    ("3万亿元", (3, "万亿元", None, 3000000000000, "元"), "万亿 is one scale"),
    ("10万辆", (10, "万辆", None, 100000, "辆"), "seed: a counter with a scale"),
    ("300家", (300, "家", None, 300, "家"), "seed: a counter"),
    ("1,000个", (1000, "个", None, 1000, "个"), "a thousands comma"),
    ("三十个", (30, "个", None, 30, "个"), "a Chinese numeral before a counter"),
    ("百分之六十", (60, "%", None, 60, "%"), "a percentage spelled in words"),
    ("1至2个", (1, "个", ">=", 1, "个"), "a range is read at its lower bound"),
    ("5%-10%", (5, "%", ">=", 5, "%"), "a range with the unit written twice"),
    ("5000吨标准煤", (5000, "吨标准煤", None, 5000, "吨标准煤"), "seed: energy in standard coal"),
    ("１２．５％", (12.5, "%", None, 12.5, "%"), "full-width digits fold to ASCII"),
    ("79岁", (79, "岁", None, 79, "岁"), "an age is a unit (人均预期寿命达到79岁)"),
    ("7张", (7, "张", None, 7, "张"), "beds are counted in 张"),
    ("1.3万亿斤", (1.3, "万亿斤", None, 1300000000000, "斤"), "grain in 斤"),
    ("500万标箱", (500, "万标箱", None, 5000000, "标箱"), "containers in 标箱"),
    ("70 %", (70, "%", None, 70, "%"), "a blank PDF text leaves between number and unit"),
    ("260 万 吨", (260, "万吨", None, 2600000, "吨"), "blanks around the scale: the unit is written unbroken"),
    ("45 家以上", (45, "家", ">=", 45, "家"), "a blank before a counter"),
    ("8公里/平方公里", (8, "公里/平方公里", None, 8, "公里/平方公里"), "road density per square kilometre"),
])


@pytest.mark.parametrize("text,expected,note", QUANTITIES)
def test_parse_quantity(text, expected, note):
    q = parse_quantity(fold_punctuation(text))
    assert q is not None, note
    assert (q.value, q.unit, q.comparator, q.value_base, q.unit_base) == expected, note


# text -> the values found in it: none of these is a quantity
NOT_QUANTITIES = unique([
    ("到2025年", "seed: a year"),
    ("PM2.5、臭氧污染", "seed: a pollutant's name"),
    ("国六排放标准", "seed: a standard's name"),
    ("“十四五”节能减排", "seed: a plan period"),
    ("国发〔2021〕33号", "seed: a document number"),
    ("9月18日", "seed: a date"),
    ("二、主要目标", "seed: a heading number"),
    ("一批医疗废物集中处置设施", "seed: 一批 counts nothing a plan is held to"),
    ("两高项目", "seed: 两高 is a name"),
    ("5G基站", "a number run into letters"),
    ("2/3", "a fraction"),
    ("10个工作日", "a span of time"),
    ("3个月", "a span of time"),
    ("2021—2023年", "a span of years"),
])


@pytest.mark.parametrize("text,note", NOT_QUANTITIES)
def test_not_quantities(text, note):
    assert find_quantities(fold_punctuation(text)) == [], note


def test_quantities_keep_their_spans():
    text = fold_punctuation("分别达到4.32万吨、0.18万吨")
    spans = [text[q.start:q.end] for q in find_quantities(text)]
    assert spans == ["4.32万吨", "0.18万吨"]


def test_vocabulary_is_data():
    words = load_quantity_words()
    assert "万吨" not in words.units, "scales are written once, not with each unit"
    assert ("下降至", "decrease_to") in words.change_verbs
    assert words.comparator_after["以上"] == ">="

"""The PDF reader on the prints users bring, each made here with reportlab:
digits and Latin letters in a second font that sits off the Chinese baseline,
paragraphs broken inside names, note keywords, years and units, headings at
the margin, web prints with their furniture, and blanks inside quantities."""
from __future__ import annotations

import pytest

from policykb.pipeline import extract_file
from policykb.read import read_document
from test_formats import paragraphs, unique, write_pdf

# a plan of our own wording: a heading, a target paragraph with a document
# number and a note, a second task
DISPLACED_PLAN = """一、总体要求
（一）主要目标。到2025年，全市单位地区生产总值能源消耗比2020年下降14%，化学需氧量排放总量比2020年下降8%，落实川发改〔2023〕15号文件的各项要求。（责任单位：市发展改革委、市生态环境局）
（二）推进工业节能。到2025年，规模以上工业单位增加值能耗下降15%，推动PM2.5浓度持续下降。（责任单位：市经济信息委）
"""


@pytest.mark.parametrize("shift", unique([(-6.0,), (-3.0,), (3.0,), (5.0,), (0.0,)]))
def test_digits_in_a_second_font_stay_on_their_line(tmp_path, shift):
    """Digits and Latin letters whose boxes sit up to half a line off the
    Chinese text (a Western font, a raised or lowered baseline) come back
    inside their sentence."""
    path = write_pdf(DISPLACED_PLAN, tmp_path / "plan.pdf", header="", latin_shift=shift[0])
    text = read_document(path).text
    assert text.splitlines() == paragraphs(DISPLACED_PLAN)
    for inline in ("到2025年", "下降14%", "川发改〔2023〕15号", "PM2.5浓度"):
        assert inline in text


def test_displaced_digits_give_the_targets(tmp_path):
    record = extract_file(write_pdf(DISPLACED_PLAN, tmp_path / "plan.pdf", latin_shift=-6))
    got = {(t.indicator, t.value, t.unit, t.target_year, t.baseline_year) for t in record.targets}
    assert ("全市单位地区生产总值能源消耗", 14, "%", 2025, 2020) in got
    assert ("规模以上工业单位增加值能耗", 15, "%", 2025, None) in got
    assert [task.path for task in record.tasks] == ["1.1", "1.2"]

"""Tasks from responsibility notes: small plans written for these tests
(one section per line), the seed plan end to end, and a run-time check over
../shared/dev (read there, never copied)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from policykb.extract.tasks import extract_tasks, find_notes
from policykb.models import Document, Section, Source
from policykb.read.normalize import fold_punctuation


def plan(*lines: str, jurisdiction: str = "某省", title: str = "某省2023年工作方案"):
    """A source, document and one section per line (path = line number)."""
    text = "\n".join(lines)
    sections, pos = [], 0
    for i, line in enumerate(lines, 1):
        sections.append(Section(id=i, parent_id=None, level=1, label=f"{i}．", path=str(i), title=line[:8],
                                text=line, start=pos, end=pos + len(line)))
        pos += len(line) + 1
    source = Source(path="plan.txt", text=text, norm=fold_punctuation(text))
    return source, Document(title=title, jurisdiction=jurisdiction), sections


def rows(tasks):
    return {t.path: [(a.as_written, a.role, a.inherited) for a in t.assignments] for t in tasks}


L, R, S, I = "lead", "responsible", "supporting", "implementing"

CASES = [
    (["1．开展试点。（省科技厅负责）", "2．做好宣传。"],
     {"1": [("省科技厅", R, False)]},
     "a unit without a note is no task"),
    (["1．建设园区。（省发展改革委负责）推进循环化改造。（省能源局牵头，省财政厅配合）"],
     {"1": [("省发展改革委", R, False), ("省能源局", L, False), ("省财政厅", S, False)]},
     "several notes in one unit: one task with all assignments"),
    (["1．开展试点。（省科技厅负责。以下均需各市政府落实，不再列出）", "2．做好宣传。（省委宣传部负责）",
      "3．加强培训。（省人力资源社会保障厅负责）"],
     {"1": [("省科技厅", R, False), ("各市政府", I, False)],
      "2": [("省委宣传部", R, False), ("各市政府", I, True)],
      "3": [("省人力资源社会保障厅", R, False), ("各市政府", I, True)]},
     "a standing rule: implementing here, inherited on every later task"),
    (["1．完善政策。（财政部、税务总局负责；列第一位者为牵头单位，以下同）", "2．加强监管。（海关总署、国家外汇局负责）"],
     {"1": [("财政部", L, False), ("税务总局", S, False)],
      "2": [("海关总署", L, False), ("国家外汇局", S, False)]},
     "列第一位者为牵头单位，以下同 carries to later notes"),
    (["1．制定方案。\n责任单位：市科技局、市财政局\n完成时限：2023年3月底前"],
     {"1": [("市科技局", R, False), ("市财政局", R, False)]},
     "notes on lines of their own"),
    (["1．开展试点。（省科技厅负责；各设区市政府负责落实，下同）", "2．做好宣传。（省委宣传部负责）"],
     {"1": [("省科技厅", R, False), ("各设区市政府", I, False)],
      "2": [("省委宣传部", R, False), ("各设区市政府", I, True)]},
     "负责落实，下同: the bodies of the clause before 下同 are a standing rule"),
    (["1．推进改造。（省住房城乡建设厅牵头，省财政厅配合，各市人民政府具体落实，以下不再一一列出）",
      "2．加强培训。（省人力资源社会保障厅负责）"],
     {"1": [("省住房城乡建设厅", L, False), ("省财政厅", S, False), ("各市人民政府", I, False)],
      "2": [("省人力资源社会保障厅", R, False), ("各市人民政府", I, True)]},
     "具体落实，以下不再一一列出 is a standing rule"),
    (["1．开展监测。（省生态环境厅负责，以下各项任务各市人民政府均需落实）", "2．加强执法。（省公安厅负责）"],
     {"1": [("省生态环境厅", R, False), ("各市人民政府", I, False)],
      "2": [("省公安厅", R, False), ("各市人民政府", I, True)]},
     "a standing rule with its bodies before 均需落实"),
    (["1．建设绿色工厂。（省商务厅、省体育局）", "2．推进低碳（零碳）试点（2021—2025年）。",
      "3．由领导小组办公室（省发展改革委）统筹推进。", "4．开展宣传（省委宣传部、省文化和旅游厅）。",
      "5．强化执法监管。（以下简称省市场监管局）"],
     {"1": [("省商务厅", R, False), ("省体育局", R, False)],
      "4": [("省委宣传部", R, False), ("省文化和旅游厅", R, False)]},
     "a bracket that only lists bodies at the close of a unit is its note; asides inside a sentence are not"),
    (["1．建设绿色工厂。（省工业和信息化厅牵头，省发展改革委\n等按职责分工负责）", "2．推进试点（含\n近零碳）。"],
     {"1": [("省工业和信息化厅", L, False), ("省发展改革委", S, False)]},
     "a note that PDF extraction broke over two lines is still one note"),
    (["1．编制规划。（市规划局负责）（以下简称“规划”）推进低碳（零碳）试点。"],
     {"1": [("市规划局", R, False)]},
     "asides in brackets give nothing"),
]


# rules a plan states once, and elliptical names: tests/cases/note_rules.yml
NOTE_RULES = yaml.safe_load((Path(__file__).parent / "cases" / "note_rules.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", NOTE_RULES["rules"], ids=[c["note"] for c in NOTE_RULES["rules"]])
def test_rules_stated_once(case):
    source, document, sections = plan(*case["lines"])
    expected = {p: [tuple(x) for x in v] for p, v in case["tasks"].items()}
    assert rows(extract_tasks(source, document, sections)) == expected, case["note"]


@pytest.mark.parametrize("case", NOTE_RULES["elliptical"], ids=[c["note"] for c in NOTE_RULES["elliptical"]])
def test_elliptical_names_are_spelled_out(case):
    source, document, sections = plan(case["line"], jurisdiction=case["jurisdiction"])
    (task,) = extract_tasks(source, document, sections)
    assert [[a.as_written, a.department] for a in task.assignments] == case["assignments"], case["note"]
    assert all(source.text[a.start:a.end] == a.as_written for a in task.assignments)


def test_note_rule_cases_are_unique():
    keys = ["\n".join(c["lines"]) for c in NOTE_RULES["rules"]] + [c["line"] for c in NOTE_RULES["elliptical"]]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("lines,expected,why", CASES, ids=[c[2] for c in CASES])
def test_extract_tasks(lines, expected, why):
    source, document, sections = plan(*lines)
    assert rows(extract_tasks(source, document, sections)) == expected, why


def test_cases_are_unique():
    keys = ["\n".join(lines) for lines, _, _ in CASES]
    assert len(keys) == len(set(keys))


def outline(*rows: tuple[str | None, str]):
    """A source, document and section tree from (path, line) rows; a row
    without a path continues the section above."""
    text = "\n".join(line for _, line in rows)
    sections, pos, ids = [], 0, {}
    for path, line in rows:
        if path:
            parent = ids.get(path.rpartition(".")[0])
            ids[path] = len(sections) + 1
            sections.append(Section(id=len(sections) + 1, parent_id=parent, level=path.count(".") + 1,
                                    label="", path=path, title=line[:8], text=line, start=pos, end=pos))
        pos += len(line) + 1
    for section, after in zip(sections, sections[1:] + [None]):
        section.end = after.start - 1 if after else len(text)
    source = Source(path="plan.txt", text=text, norm=fold_punctuation(text))
    return source, Document(title="某省2021年度工作计划", jurisdiction="某省"), sections


BLOCK_CASES = [
    ([("1", "（一）严格项目准入。有下列情形之一的，不予审批："), ("1.1", "1．未落实产能置换的；"),
      ("1.2", "2．未开展节能审查的。"), (None, "（省自然资源厅、省气象局负责）"), ("2", "（二）加强监管。（省市场监管局负责）")],
     {"1": [("省自然资源厅", R, False), ("省气象局", R, False)], "2": [("省市场监管局", R, False)]},
     "a note on its own line after a list of conditions closes the unit that introduces them"),
    ([("1", "一、推进矿山修复"), ("1.1", "（一）年度计划"), (None, "完成10个矿山治理。"), ("1.2", "（二）工作措施"),
      ("1.2.1", "1．制定治理方案。"), ("1.2.2", "2．开展现场核查。"), (None, "责任处室：修复处"), (None, "完成时限：2021年11月底前"),
      ("2", "二、加强执法"), ("2.1", "（一）年度计划"), (None, "查处违法用地。责任处室：执法处")],
     {"1": [("修复处", R, False)], "2": [("执法处", R, False)]},
     "field lines after the plan and its measures close the whole numbered block"),
    ([("1", "（一）制定行业方案"), ("1.1", "1．制定工业方案。"), (None, "责任单位：省工业和信息化厅"),
      ("1.2", "2．制定交通方案。"), (None, "责任单位：省交通运输厅")],
     {"1.1": [("省工业和信息化厅", R, False)], "1.2": [("省交通运输厅", R, False)]},
     "items that each carry their own note keep them"),
    ([("1", "（一）推进节能改造"), ("1.1", "1．开展诊断。"), ("1.2", "2．实施改造。（省能源局负责）")],
     {"1.2": [("省能源局", R, False)]},
     "a note closing the last item's own sentence stays with it"),
]


@pytest.mark.parametrize("rows_,expected,why", BLOCK_CASES, ids=[c[2] for c in BLOCK_CASES])
def test_block_notes_close_their_unit(rows_, expected, why):
    source, document, sections = outline(*rows_)
    assert rows(extract_tasks(source, document, sections)) == expected, why


def test_deadline_from_note_lines():
    source, document, sections = plan("1．制定方案。\n责任单位：市科技局\n完成时限：2023年3月底前")
    (task,) = extract_tasks(source, document, sections)
    assert task.deadline == "2023-03"
    assert [n["text"] for n in task.notes] == ["责任单位：市科技局", "完成时限：2023年3月底前"]


def test_deadline_inside_note_takes_the_plan_year():
    source, document, sections = plan("1．开展调研。（责任部门：法规处，完成期限：9月底）")
    (task,) = extract_tasks(source, document, sections)
    assert task.deadline == "2023-09"


@pytest.mark.parametrize("title,issued,expected", [
    ("某省2023年工作方案", None, "2023-09"),
    ("某省节能降碳2024年行动计划", "2023-12-20", "2024-09"),
    ("某省碳达峰实施方案（2030年前）", "2022-04-15", "2022-09"),
    ("某市绿色转型实施方案（2021—2025年）", "2021-11-02", "2021-09"),
    ("某市绿色转型实施方案（2021—2025年）", None, None),
], ids=["one-year plan", "one-year plan issued the year before", "a horizon is no plan year",
        "a range is no plan year", "no plan year and no issue date"])
def test_month_only_deadline_takes_the_plan_year_or_the_issue_year(title, issued, expected):
    source, document, sections = plan("1．开展调研。（责任部门：法规处，完成期限：9月底）", title=title)
    document.issued_date = issued
    (task,) = extract_tasks(source, document, sections)
    assert task.deadline == expected


def test_spans_point_into_the_text():
    source, document, sections = plan("1．开展试点(省科技厅、省教育厅负责)。")
    (task,) = extract_tasks(source, document, sections)
    for a in task.assignments:
        assert source.text[a.start:a.end] == a.as_written
    assert source.text[task.notes[0]["start"]:task.notes[0]["end"]] == "(省科技厅、省教育厅负责)"


def test_department_is_canonical():
    source, document, sections = plan("1．开展试点。（省发展改革委、水利厅负责）")
    (task,) = extract_tasks(source, document, sections)
    assert [a.department for a in task.assignments] == ["省发展改革委", "省水利厅"]


# note in a plan of the jurisdiction given -> (as_written, department, jurisdiction) of each assignment
JURISDICTIONS = [
    ("1．共建物流通道（责任单位：四川省交通运输厅，重庆市交通局）", "重庆市",
     [("四川省交通运输厅", "省交通运输厅", "四川省"), ("重庆市交通局", "市交通局", "重庆市")],
     "a two-government plan: each name states its own government"),
    ("1．修订地方规范（国家能源局、省市场监管局负责）", "某省",
     [("国家能源局", "国家能源局", "全国"), ("省市场监管局", "省市场监管局", "某省")],
     "a national ministry in a provincial note is 全国's"),
    ("1．推进改造。（市住房城乡建委牵头，各区县政府配合）", "重庆市",
     [("市住房城乡建委", "市住房城乡建委", "重庆市"), ("各区县政府", "各区县政府", "重庆市")],
     "names without a place are the plan's own"),
]


@pytest.mark.parametrize("line,jurisdiction,expected,why", JURISDICTIONS)
def test_assignments_keep_their_jurisdiction(line, jurisdiction, expected, why):
    source, document, sections = plan(line, jurisdiction=jurisdiction)
    (task,) = extract_tasks(source, document, sections)
    assert [(a.as_written, a.department, a.jurisdiction) for a in task.assignments] == expected, why


def test_deadline_only_line_is_no_task():
    source, document, sections = plan("1．开展清查。\n完成时限：2023年12月底前")
    assert extract_tasks(source, document, sections) == []


def test_find_notes_skips_asides():
    text = "到2025年（含）完成（国发〔2021〕33号）。（市科技局负责）"
    assert [text[a:b] for a, b, _ in find_notes(text)] == ["（市科技局负责）"]


# ------------------------------------------------------------------ the seed

SEED_TASKS = [
    ("3.1.1", [("市发展改革委", R, False), ("市经济信息委", R, False), ("市市场监管局", R, False),
               ("市大数据发展局", R, False), ("区县", I, False)], "the first note and its standing rule"),
    ("3.4.4", [("市发展改革委", R, False), ("生态环境局", R, False), ("市交通局", R, False), ("市商务委", R, False),
               ("市政府口岸物流办", R, False), ("市邮政管理局", R, False), ("区县", I, True)], "a typo kept"),
    ("3.6.1", [("市机关事务局", R, False), ("区县", I, True)], "X负责"),
    ("4.5.3", [("市发展改革委", L, False), ("重庆市税务局", L, False), ("市经济信息委", S, False),
               ("市财政局", S, False), ("市生态环境局", S, False), ("市住房城乡建委", S, False), ("区县", I, True)],
     "two leads"),
    ("5.1", [("市发展改革委", L, False), ("市生态环境局", L, False), ("市级有关部门", S, False), ("区县", I, True)],
     "a heading with a note and no children"),
]


@pytest.mark.parametrize("path,expected,why", SEED_TASKS, ids=[c[2] for c in SEED_TASKS])
def test_seed_tasks(seed_record, path, expected, why):
    tasks = {t.path: t for t in seed_record.tasks}
    assert [(a.as_written, a.role, a.inherited) for a in tasks[path].assignments] == expected, why


def test_seed_task_count(seed_record):
    assert len(seed_record.tasks) == 46
    assert all(t.assignments for t in seed_record.tasks)


# ------------------------------------------------------------------ ../shared/dev


@pytest.mark.slow
def test_dev_documents_extract(dev_dir):
    """Every development plan extracts; a plan without notes has no tasks;
    every assignment's span is its name."""
    from policykb.pipeline import extract_file

    for path in sorted(dev_dir.glob("*.txt")):
        record = extract_file(path)
        for task in record.tasks:
            assert task.assignments, (path.name, task.path)
            for a in task.assignments:
                assert record.text[a.start:a.end] == a.as_written, (path.name, task.path)
        if path.name.startswith("national_2021_23"):
            assert record.tasks == [], "国发〔2021〕23号 has no responsibility notes"


@pytest.mark.slow
def test_dev_gold_scores(dev_dir, tmp_path):
    """tasks F1 >= 0.99, assignments >= 0.98, inherited >= 0.95 on the gold documents."""
    from policykb.pipeline import extract_file

    score = dev_dir.parent / "tools" / "score.py"
    if not score.exists():
        pytest.skip("score.py is absent")
    for gold in dev_dir.glob("*.gold.json"):
        name = gold.name[: -len(".gold.json")]
        record = extract_file(dev_dir / f"{name}.txt")
        (tmp_path / f"{name}.json").write_text(json.dumps(record.to_dict(), ensure_ascii=False), "utf-8")
    out = subprocess.run([sys.executable, str(score), "--dir", str(dev_dir), "--pred", str(tmp_path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    total = json.loads(out.strip().splitlines()[-1])["total"]
    assert total["tasks"] >= 0.99 and total["assignments"] >= 0.98 and total["inherited"] >= 0.95, total

"""Comparing across plans: indicator matching (tables in
tests/cases/indicators.yml), levels of government, stricter/equal/looser,
and the comparison tables written into a database."""
from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from policykb.cli import cli
from policykb.compare import IndicatorMatcher, compare_database, government_level
from policykb.compare.lineage import compare_values
from policykb.vocab import load_vocabulary


CASES = yaml.safe_load((Path(__file__).parent / "cases" / "indicators.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def matcher():
    return IndicatorMatcher(load_vocabulary())


def test_cases_are_unique():
    written = [row[0] for row in CASES["match"] + CASES["no_match"]]
    assert len(written) == len(set(written))


@pytest.mark.parametrize("written, indicator, scope, note", CASES["match"])
def test_indicator_matches(matcher, written, indicator, scope, note):
    match = matcher.match(written)
    assert (match.indicator, match.scope) == (indicator, scope), note


@pytest.mark.parametrize("written, note", CASES["no_match"])
def test_indicator_does_not_match(matcher, written, note):
    assert matcher.match(written).indicator is None, note


def test_energy_and_carbon_intensity_stay_apart(matcher):
    energy = matcher.match("单位地区生产总值能源消耗").indicator
    carbon = matcher.match("单位地区生产总值二氧化碳排放").indicator
    assert energy and carbon and energy != carbon


def test_every_alias_is_one_indicators():
    """No folded alias belongs to two indicators."""
    m = IndicatorMatcher(load_vocabulary())
    seen = {}
    for ind in m.words.indicators:
        for alias in (ind.name, *ind.aliases):
            assert seen.setdefault(m.fold(alias), ind.id) == ind.id, alias


@pytest.mark.parametrize("jurisdiction, level", [
    ("全国", "national"), ("某某省", "provincial"), ("重庆市", "provincial"), ("某某自治区", "provincial"),
    ("某某市", "city"), ("某某自治州", "city"), ("某某县", "county"), ("某某区", "county"), (None, None)])
def test_government_level(jurisdiction, level):
    assert government_level(jurisdiction, load_vocabulary().indicators.levels) == level


def _t(value, change="decrease_by", unit="%"):
    return {"value": value, "change": change, "unit_base": unit}


@pytest.mark.parametrize("child, parent, better, expected", [
    (_t(14.0), _t(13.5), "lower", "stricter"),  # a fall of 14% against 13.5%
    (_t(13.0), _t(13.5), "lower", "looser"),
    (_t(13.5), _t(13.5), "lower", "equal"),
    (_t(25.0, "level"), _t(20.0, "level"), "higher", "stricter"),  # a share of 25% against 20%
    (_t(18.0, "level"), _t(20.0, "level"), "lower", "stricter"),  # coal share down to 18% against 20%
    (_t(14.0), _t(13.5, "increase_by"), "lower", None),  # changes disagree
    (_t(14.0, unit="万吨"), _t(13.5), "lower", None),  # units disagree
])
def test_compare_values(child, parent, better, expected):
    assert compare_values(child, parent, better) == expected


def _database(path):
    db = sqlite_utils.Database(path)
    db["documents"].insert_all([{"key": "cn-x", "jurisdiction": "全国", "doc_number": "国发〔2030〕1号"},
                                {"key": "p-x", "jurisdiction": "某某省", "doc_number": None}], pk="key")
    db["targets"].insert_all([
        {"key": "cn-x/2#t1", "document": "cn-x", "indicator": "全国单位国内生产总值能源消耗", "value": 13.5,
         "change": "decrease_by", "unit_base": "%", "target_year": 2030, "sort_key": "1", "kind": "target"},
        {"key": "p-x/2#t1", "document": "p-x", "indicator": "全省单位地区生产总值能源消耗", "value": 14.0,
         "change": "decrease_by", "unit_base": "%", "target_year": 2030, "sort_key": "1", "kind": "target"},
        {"key": "p-x/2#t2", "document": "p-x", "indicator": "全省单位地区生产总值二氧化碳排放", "value": 18.0,
         "change": "decrease_by", "unit_base": "%", "target_year": 2030, "sort_key": "2", "kind": "target"},
    ], pk="key")
    db["citations"].insert({"key": "p-x>1", "document": "p-x", "cited_number": "国发〔2030〕1号",
                            "cited_document": "cn-x"}, pk="key")
    return db


def test_compare_database_writes_the_tables(tmp_path):
    db = _database(tmp_path / "c.db")
    counts = compare_database(db)
    assert counts["matched"] == 3
    rows = {r["target"]: r for r in db["target_indicators"].rows}
    assert rows["p-x/2#t1"]["indicator"] == "energy_intensity"
    assert (rows["p-x/2#t1"]["scope"], rows["p-x/2#t1"]["level"]) == ("全省", "provincial")
    assert rows["cn-x/2#t1"]["level"] == "national"
    lineage = {r["target"]: r for r in db["target_lineage"].rows}
    assert lineage["p-x/2#t1"]["parent_target"] == "cn-x/2#t1"
    assert lineage["p-x/2#t1"]["comparison"] == "stricter"
    assert "p-x/2#t2" not in lineage  # the parent sets no carbon target
    compare_database(db)  # a second run rewrites, not adds
    assert db["target_indicators"].count == 3


def test_compare_command(tmp_path):
    _database(tmp_path / "c.db")
    result = CliRunner().invoke(cli, ["compare", "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert sqlite_utils.Database(tmp_path / "c.db")["indicators"].count > 50


PARENT_TASKS = {
    "1": ("推进钢铁行业节能改造", "推进钢铁、水泥行业节能改造，推广高效电机和余热回收技术。（某部负责）"),
    "2": ("发展绿色货运", "推广新能源货车，发展铁路和水路联运，建设充电站和加氢站。（某部负责）"),
    "3": ("开展节约型机关创建", "在机关单位推行能耗定额管理，创建节约型机关。（某局负责）"),
}
CHILD_TASKS = {
    "1": ("提升钢铁水泥能效", "全省钢铁、水泥企业实施节能改造，推广余热回收和高效电机。（省经信厅负责）"),
    "2": ("推广新能源货车", "新增货车优先使用新能源车辆，完善充电站布局，推进铁路联运。（省交通厅负责）"),
    "3": ("办好全省运动会", "筹办好全省运动会，做好场馆安保和志愿者服务。（省体育局负责）"),
}


def _task_database(path):
    db = _database(path)
    for document, tasks in (("cn-x", PARENT_TASKS), ("p-x", CHILD_TASKS)):
        db["tasks"].insert_all(
            [{"key": f"{document}/{n}", "document": document, "section": None, "path": n, "title": title,
              "text": text, "notes": None, "sort_key": n} for n, (title, text) in tasks.items()], pk="key")
    return db


def test_task_lineage_links_the_nearest_parent_task(tmp_path):
    db = _task_database(tmp_path / "t.db")
    compare_database(db)
    rows = {r["task"]: r for r in db["task_lineage"].rows}
    assert rows["p-x/1"]["parent_task"] == "cn-x/1" and rows["p-x/2"]["parent_task"] == "cn-x/2"
    assert all(0 < r["score"] <= 1 for r in rows.values())
    assert "p-x/3" not in rows  # shares no subject with any parent task: below the threshold
    assert not any(r["document"] == "cn-x" for r in rows.values())  # the parent cites nothing


def test_task_words_leave_out_notes_stop_words_and_numbers():
    from policykb.compare.tasks import TaskWords

    words = TaskWords(load_vocabulary().indicators.task_lineage)
    bag = words.bag({"title": "推进煤炭清洁利用", "text": "推进煤炭清洁利用，到2025年完成30台机组改造。（省能源局负责）",
                     "notes": '[{"text": "（省能源局负责）"}]', "headings": ["煤炭工程"]})
    assert "推进" not in bag and "2025" not in bag and "省能源局" not in bag
    assert bag["煤炭"] > bag["机组"]  # title and heading words count more


SEED_PARENTS = yaml.safe_load((Path(__file__).parent / "cases" / "seed_task_parents.yml").read_text(encoding="utf-8"))


def test_seed_tasks_link_to_the_national_tasks_they_implement(dev_dir, seed_path, tmp_path):
    """At least 80 % of the seed's tasks link to the national task the hand-made
    mapping gives; a task the mapping gives no parent is not linked."""
    db_path = tmp_path / "lineage.db"
    result = CliRunner().invoke(cli, ["build", str(seed_path), str(dev_dir / "national_2021_33_jnjp.txt"),
                                      "--db", str(db_path), "--extracted", str(tmp_path / "ex"), "-j", "1",
                                      "--no-progress"])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    compare_database(db)
    seed, national = (db.execute("select key from documents where source_path like ?", (f"%{name}%",)).fetchone()[0]
                      for name in ("chongqing_jnjp_2022", "national_2021_33_jnjp"))
    linked = {r["task"]: r["parent_task"] for r in db["task_lineage"].rows_where("document = ?", [seed])}
    expected = {f"{seed}/{child}": f"{national}/{parent}" for child, parent in SEED_PARENTS["parents"].items()}
    assert set(expected) <= {r["key"] for r in db["tasks"].rows_where("document = ?", [seed])}
    right = sum(linked.get(child) == parent for child, parent in expected.items())
    assert right / len(expected) >= 0.8, f"{right}/{len(expected)} seed tasks link to the right national task"
    assert not any(f"{seed}/{child}" in linked for child in SEED_PARENTS.get("none") or ())

"""Department canonicalisation: (as written, jurisdiction, context, expected
canonical name, why). Names from the seed plan and forms written for these
tests."""
from __future__ import annotations

import pytest

from policykb.departments import Department, load_gazetteer

CASES = [
    ("市发展改革委", "重庆市", None, "市发展改革委", "seed: canonical already"),
    ("生态环境局", "重庆市", None, "市生态环境局", "seed: a typo listed as an alias"),
    ("重庆市发展和改革委员会", "重庆市", None, "市发展改革委", "full name"),
    ("重庆市税务局", "重庆市", None, "重庆市税务局", "seed: a central agency keeps its city"),
    ("人行重庆营管部", "重庆市", None, "人行重庆营管部", "seed: listed branch"),
    ("市级有关部门", "重庆市", None, "市级有关部门", "seed: generic kept as written"),
    ("区县", "重庆市", None, "区县", "seed: the standing rule's term"),
    ("工信部", "全国", None, "工业和信息化部", "national short form"),
    ("发展改革委", "全国", None, "国家发展改革委", "national form without 国家"),
    ("国家市场监督管理总局", "全国", None, "市场监管总局", "national full name"),
    ("国家机关事务管理局", "全国", None, "国管局", "国管局"),
    ("人民银行", "全国", None, "人民银行", "人民银行"),
    ("四川省能源局", "重庆市", None, "省能源局", "another province's department"),
    ("海南省住房和城乡建设厅", "海南省", None, "省住房城乡建设厅", "full provincial name shortened"),
    ("省发改委", "某省", None, "省发展改革委", "colloquial 发改委"),
    ("市住建局", "某市", None, "市住房城乡建设局", "colloquial 住建局"),
    ("水利厅", "某省", None, "省水利厅", "a bare 厅 is provincial"),
    ("气候处", "某省", None, "气候处", "an internal division passes through"),
    ("某某研究会", None, None, "某某研究会", "unknown names pass through"),
    ("各县区有关\n部门", "某省", None, "各县区有关部门", "a generic mention a PDF line broke: kept without the break"),
]


@pytest.mark.parametrize("as_written,jurisdiction,context,expected,why", CASES, ids=[c[4] for c in CASES])
def test_resolve(as_written, jurisdiction, context, expected, why):
    assert load_gazetteer().resolve(as_written, jurisdiction).name == expected, why


def test_cases_are_unique():
    keys = [(c[0], c[1]) for c in CASES]
    assert len(keys) == len(set(keys))


CONTEXT_CASES = [
    ("经济和信息化厅", "四川省能源局", "重庆市", "省经济和信息化厅", "四川省", "takes the level and place of the name before"),
    ("市场监管局", "省工信厅", "某省", "省市场监管局", "某省", "市场 is not the level word 市"),
    ("统计局", "省发展改革委", "某省", "省统计局", "某省", "a bare 局 after a provincial name"),
    ("天津海事局", "市交通运输委", "天津市", "天津海事局", "天津市", "a place-named body keeps its name"),
    ("南方能源监管局", "省发展改革委", "广东省", "南方能源监管局", "广东省", "a regional body"),
    ("财审处", "省监测中心", "某省", "财审处", "某省", "a division takes no level word"),
]


@pytest.mark.parametrize("as_written,before,jurisdiction,expected,where,why", CONTEXT_CASES,
                         ids=[c[5] for c in CONTEXT_CASES])
def test_resolve_in_a_list(as_written, before, jurisdiction, expected, where, why):
    g = load_gazetteer()
    context = g.resolve(before, jurisdiction)
    got = g.resolve(as_written, jurisdiction, context=context)
    assert (got.name, got.jurisdiction) == (expected, where), why


def test_full_name_and_kind():
    d = load_gazetteer().resolve("市发展改革委", "重庆市")
    assert d == Department("市发展改革委", "重庆市发展和改革委员会", "重庆市", "department")
    assert load_gazetteer().resolve("各区人民政府", "某市").kind == "government"


def test_aliases_cover_every_listed_name():
    g = load_gazetteer()
    forms = {form: d for form, d in g.aliases()}
    assert forms["市发改委"].name == "市发展改革委"
    assert forms["工信部"].name == "工业和信息化部"
    assert forms["重庆市发展和改革委员会"].jurisdiction == "重庆市"
    for departments in g.tables.values():
        for d in departments:
            assert forms[d.name] == d


def test_seed_assignments_resolve_in_the_gazetteer(seed_record):
    """Every department the seed's notes name is listed (or generic)."""
    g = load_gazetteer()
    listed = {d.name for d in g.tables["重庆市"]}
    for task in seed_record.tasks:
        for a in task.assignments:
            assert a.department in listed or a.department in ("区县", "市级有关部门"), a


def test_body_endings_are_shared_with_notes():
    """One list of body endings (data/bodies.yml): every ending that gives a
    bare body a level word also makes a bare bracket of names a note."""
    from policykb.vocab import load_vocabulary

    assert set(load_gazetteer().rules.body_endings) <= set(load_vocabulary().notes.body_endings)

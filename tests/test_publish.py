"""The Datasette site as staff meet it: the seed built with the library, served
by ``Datasette`` with the real metadata.yml and the policykb plugin."""
from __future__ import annotations

import asyncio
import re
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette
from datasette.utils import tilde_encode

from policykb import store
from policykb.compare import compare_database

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
DEPARTMENT = "市发展改革委"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, seed_record):
    """The seed's database, built once and then only read (Datasette opens it immutable)."""
    path = tmp_path_factory.mktemp("publish") / "policykb.db"
    db = store.open_database(path)
    store.load_record(db, seed_record)
    compare_database(db)
    db.close()
    return path


@pytest.fixture(scope="module")
def metadata():
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ds(db_path, metadata):
    return Datasette(immutables=[str(db_path)], metadata=metadata)


def get(ds, path):
    async def fetch():
        return await ds.client.get(path, follow_redirects=True)
    return asyncio.run(fetch())


def rows(ds, path):
    response = get(ds, path + ("&" if "?" in path else "?") + "_shape=array&_size=max")
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_plugin_is_registered(ds):
    plugins = {p["name"] for p in get(ds, "/-/plugins.json").json()}
    assert "policykb" in plugins  # the entry point of pyproject.toml


def test_every_table_and_column_in_metadata_exists(db_path, metadata):
    db = sqlite_utils.Database(db_path)
    tables = metadata["databases"]["policykb"]["tables"]
    for table, spec in tables.items():
        assert db[table].exists(), table
        columns = set(db[table].columns_dict)
        assert set(spec.get("columns", {})) <= columns, (table, set(spec["columns"]) - columns)
        for facet in spec.get("facets", []):
            column = facet["array"] if isinstance(facet, dict) else facet
            assert column in columns, (table, facet)
        for key in ("label_column", "sort", "sort_desc"):
            if key in spec:
                assert spec[key] in columns, (table, key)
        if "fts_table" in spec:
            assert db[spec["fts_table"]].exists()


def test_every_table_and_column_has_a_chinese_description(db_path, metadata):
    db = sqlite_utils.Database(db_path)
    tables = metadata["databases"]["policykb"]["tables"]
    han = re.compile(r"[\u4e00-\u9fff]")
    for table in store.SCHEMA:
        spec = tables[table]
        assert han.search(spec["title"]) and han.search(spec["description"]), table
        for column in db[table].columns_dict:
            assert han.search(spec["columns"].get(column, "")), (table, column)


def test_department_page_lists_tasks_by_role(ds, seed_record):
    response = get(ds, "/-/departments/" + quote(DEPARTMENT))
    assert response.status_code == 200
    html = response.text
    sections = dict(re.findall(r'data-role="(\w+)">(.*?)</section>', html, re.S))
    # the seed's 3.1.1 names 市发展改革委 first of those 按职责分工负责, with no lead
    assert 'data-task="cq-2022-39/3.1.1"' in sections["responsible"]
    # every role the record gives the department shows under that role
    for task in seed_record.tasks:
        for a in task.assignments:
            if a.department == DEPARTMENT:
                assert f'data-task="cq-2022-39/{task.path}"' in sections[a.role], (task.path, a.role)
    # the co-assigned departments of 3.1.1
    block = sections["responsible"].split('data-task="cq-2022-39/3.1.1"')[1].split('class="pk-task"')[0]
    assert "市经济信息委" in block and "重庆市“十四五”节能减排综合工作实施方案" in block


def test_department_page_accepts_the_key(ds):
    assert get(ds, "/-/departments/" + quote("重庆市/" + DEPARTMENT)).status_code == 200


def test_department_page_filters_by_jurisdiction(ds):
    assert get(ds, "/-/departments/" + quote(DEPARTMENT) + "?jurisdiction=" + quote("重庆市")).status_code == 200
    assert get(ds, "/-/departments/" + quote(DEPARTMENT) + "?jurisdiction=" + quote("天津市")).status_code == 404


def test_unknown_department_is_404(ds):
    assert get(ds, "/-/departments/" + quote("不存在的部门")).status_code == 404


def test_department_index_links_to_pages(ds):
    html = get(ds, "/-/departments").text
    assert DEPARTMENT in html and "/-/departments/~" in html


def test_departments_table_links_names_to_their_page(ds):
    html = get(ds, "/policykb/departments?name=" + quote(DEPARTMENT)).text
    assert re.search(r'<a href="/-/departments/[^"]+">' + DEPARTMENT + "</a>", html)
    html = get(ds, "/policykb/tasks?path=3.1.1").text
    assert re.search(r'<a href="/-/departments/[^"]+">' + DEPARTMENT + "</a>", html)


@pytest.mark.parametrize("query,expected", [
    ("节能", "3.1.1"),
    ("钢铁", "3.1.2"),
    ("节能减排", None),
    ("钢铁行业超低排放", "3.1.2"),
])
def test_search_box_on_tasks_finds_chinese_words(ds, seed_record, query, expected):
    found = {r["path"] for r in rows(ds, "/policykb/tasks.json?_search=" + quote(query))}
    assert found
    if expected:
        assert expected in found
    html = get(ds, "/policykb/tasks?_search=" + quote(query)).text
    assert 'name="_search"' in html


CANNED = {
    "department_tasks": {"department": DEPARTMENT},
    "department_workload": {},
    "targets_due_by": {"year": "2025"},
    "percent_targets": {},
    "document_outline": {"document": "cq-2022-39"},
    "search_tasks": {"q": "钢铁"},
    "indicator_targets": {"indicator": "energy_intensity"},
}


def test_empty_search_is_not_an_error(ds):
    assert get(ds, "/policykb/tasks?_search=").status_code == 200
    assert get(ds, "/policykb/search_tasks?q=").status_code == 200


def test_metadata_queries_are_the_tested_ones(metadata):
    assert set(metadata["databases"]["policykb"]["queries"]) == set(CANNED)


@pytest.mark.parametrize("name", sorted(CANNED))
def test_canned_query_runs_and_returns_rows(ds, name):
    params = "&".join(f"{k}={quote(v)}" for k, v in CANNED[name].items())
    assert rows(ds, f"/policykb/{name}.json?{params}"), name
    assert get(ds, f"/policykb/{name}?{params}").status_code == 200


def test_department_tasks_query_groups_by_role(ds):
    result = rows(ds, "/policykb/department_tasks.json?department=" + quote(DEPARTMENT))
    assert {"role": "responsible", "path": "3.1.1"} in [{"role": r["role"], "path": r["path"]} for r in result]
    order = ["lead", "responsible", "supporting", "implementing"]
    orders = [order.index(r["role"]) for r in result]
    assert orders == sorted(orders)


def test_workload_counts_match_assignments(ds, seed_record):
    result = {r["department"]: r for r in rows(ds, "/policykb/department_workload.json")}
    responsible = {t.path for t in seed_record.tasks for a in t.assignments
                   if a.department == DEPARTMENT and a.role == "responsible"}
    assert result[DEPARTMENT]["tasks_responsible"] == len(responsible)


def test_targets_filter_on_value_base(ds):
    result = rows(ds, "/policykb/targets.json?value_base__gt=10000")
    assert result and all(r["value_base"] > 10000 for r in result)
    assert any(r["unit"] == "万吨" and r["value"] == 4.32 for r in result)


def test_percent_targets_have_values(ds):
    result = rows(ds, "/policykb/percent_targets.json")
    assert all(r["unit"] == "%" and r["value"] is not None for r in result)
    assert any(r["value"] == 14 and r["change"] == "decrease_by" for r in result)


def test_document_outline_follows_reading_order(ds, seed_record):
    result = rows(ds, "/policykb/document_outline.json?document=" + quote("渝府发〔2022〕39号"))
    assert [r["path"] for r in result] == [s.path for s in seed_record.sections]


def test_tasks_show_labels_for_foreign_keys(ds):
    html = get(ds, "/policykb/assignments?task=" + quote("cq-2022-39/3.1.1")).text
    assert "着力提升重点行业能效水平" in html  # the task's title, not only its key


@pytest.mark.parametrize("path,fragment", [
    ("/-/departments/" + tilde_encode(DEPARTMENT), "cq-2022-39/3.1.1"),
    ("/policykb/tasks.json?_search=" + quote("钢铁") + "&_col=path", "3.1.2"),
    ("/policykb/targets.json?value_base__gt=10000", "43200"),
])
def test_datasette_cli_smoke(db_path, path, fragment):
    # as `datasette policykb.db -m metadata.yml --get PATH` serves it (plugin by entry point)
    from click.testing import CliRunner
    from datasette.cli import cli as datasette_cli

    result = CliRunner().invoke(datasette_cli, ["serve", "-i", str(db_path), "-m", str(METADATA), "--get", path])
    assert result.exit_code == 0, result.output[:500]
    assert fragment in result.output

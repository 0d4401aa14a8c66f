"""The site staff use, on two plans of two cities that both have a
市发展改革委: the seed (重庆市) and a short 天津市 plan of our own wording.
Each page is fetched as a browser would, with Datasette's test client."""
from __future__ import annotations

import asyncio
import io
import re
import time
from html import unescape
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from datasette.app import Datasette
from datasette.utils import tilde_encode

from policykb import store

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
DEPARTMENT = "市发展改革委"
CQ_KEY = "重庆市/" + DEPARTMENT
TJ_KEY = "天津市/" + DEPARTMENT
PLAN = "cq-2022-39"
TJ_PLAN = "tj-b-2023-7"

# our own wording, in the genre's forms: a notice, a plan, two tasks with notes
TIANJIN_PLAN = """天津市政府办公厅关于印发天津市工业节水行动方案的通知

津政办发〔2023〕7号

各区政府，市级有关部门：
经市政府同意，现将《天津市工业节水行动方案》印发你们，望抓好落实。

天津市人民政府办公厅
2023年3月1日

天津市工业节水行动方案

一、主要目标
到2025年，全市万元工业增加值用水量比2020年下降12%。

二、重点任务
（一）推动高耗水行业改造。组织钢铁、化工企业开展节水诊断，推广循环冷却技术，到2025年重点行业用水重复利用率达到94%以上。（市发展改革委牵头，市水务局、市工业和信息化局配合）
（二）完善计量监测。重点用水企业安装在线计量设施，2024年底前完成。（市水务局负责）
"""


@pytest.fixture(scope="module")
def ds(tmp_path_factory, seed_record):
    from policykb.pipeline import extract_file

    folder = tmp_path_factory.mktemp("site")
    (folder / "tianjin.txt").write_text(TIANJIN_PLAN, encoding="utf-8")
    path = folder / "policykb.db"
    db = store.open_database(path)
    store.load_record(db, seed_record)
    store.load_record(db, extract_file(folder / "tianjin.txt"))
    db.close()
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    return Datasette(immutables=[str(path)], metadata=metadata)


def get(ds, path, **kwargs):
    async def fetch():
        return await ds.client.get(path, **kwargs)
    return asyncio.run(fetch())


def links(html: str) -> set[str]:
    return {unescape(h) for h in re.findall(r'href="(/[^"#]*)', html)}


def department(key: str) -> str:
    return "/-/departments/" + tilde_encode(key)


# ---- 1. the 任务分工表 of a plan ------------------------------------------

def test_plan_table_lists_every_task_in_order(ds, seed_record):
    html = get(ds, f"/-/documents/{PLAN}/tasks").text
    found = re.findall(r'<tr data-task="([^"]+)"', html)
    assert found == [f"{PLAN}/{t.path}" for t in seed_record.tasks] and len(found) == 46
    for header in ("序号", "任务", "牵头单位", "责任单位", "配合单位", "落实单位", "完成时限", "目标"):
        assert f"<th>{header}</th>" in html


def test_plan_xlsx_is_a_workbook_with_chinese_headers(ds, seed_record):
    from openpyxl import load_workbook

    response = get(ds, f"/-/documents/{PLAN}/tasks.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("序号", "任务", "牵头单位", "责任单位", "配合单位", "落实单位", "完成时限", "目标")
    assert len(rows) - 1 == len(seed_record.tasks) == 46
    assert sheet["B2"].alignment.wrap_text
    by_path = {r[0]: r for r in rows[1:]}
    # 3.1.1 names 市发展改革委 first among those responsible, and 区县 to carry it out
    assert by_path["3.1.1"][3].startswith(DEPARTMENT) and "区县" in by_path["3.1.1"][5]


def test_plan_csv_has_a_byte_order_mark(ds):
    body = get(ds, f"/-/documents/{PLAN}/tasks.csv").content
    assert body.startswith(b"\xef\xbb\xbf")
    assert body.decode("utf-8-sig").splitlines()[0].startswith("序号,任务,牵头单位")


def test_deadline_falls_back_to_the_target_years(ds):
    html = get(ds, "/-/documents/" + tilde_encode(TJ_PLAN) + "/tasks").text
    due = dict(re.findall(r'<td class="pk-path"><a [^>]+>([^<]+)</a>.*?<td class="pk-due">([^<]*)</td>', html, re.S))
    # (一) has no deadline of its own but a target for 2025; (二) is due 2024
    assert due == {"2.1": "2025年", "2.2": "2024"}


# ---- 2. departments by identity -----------------------------------------

def test_a_name_two_cities_use_asks_for_the_jurisdiction(ds):
    html = get(ds, "/-/departments/" + quote(DEPARTMENT)).text
    assert "请选择" in html
    assert {department(CQ_KEY), department(TJ_KEY)} <= links(html)


@pytest.mark.parametrize("path", [
    department(CQ_KEY),
    "/-/departments/" + quote(CQ_KEY),
    "/-/departments/" + quote(DEPARTMENT) + "?jurisdiction=" + quote("重庆市"),
])
def test_the_department_page_shows_one_jurisdiction(ds, path):
    html = get(ds, path).text
    tasks = set(re.findall(r'data-task="([^"]+)"', html))
    assert tasks and all(t.startswith(PLAN + "/") for t in tasks)
    assert 'id="pk-jurisdiction"' in html  # the picker: 天津市 has one too


def test_every_link_on_the_department_page_answers(ds):
    html = get(ds, department(CQ_KEY)).text
    targets = links(html)
    assert len([t for t in targets if "/policykb/tasks/" in t]) >= 30
    for target in sorted(targets):
        assert get(ds, target).status_code == 200, target


def test_the_department_table_downloads_as_xlsx(ds):
    from openpyxl import load_workbook

    response = get(ds, department(TJ_KEY) + "/tasks.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("文件", "序号") and len(rows) == 2 and rows[1][1] == "2.1"


@pytest.mark.parametrize("query,expected", [
    ("发改委", {CQ_KEY, TJ_KEY}),       # an abbreviation finds both cities' 市发展改革委
    ("市发改委", {CQ_KEY, TJ_KEY}),     # a gazetteer alias
    ("水务", {"天津市/市水务局"}),      # part of a name
])
def test_the_department_list_finds_part_of_a_name(ds, query, expected):
    html = get(ds, "/-/departments?q=" + quote(query)).text
    assert expected <= set(re.findall(r'data-department="([^"]+)"', html))


def test_the_department_list_filters_by_jurisdiction(ds):
    html = get(ds, "/-/departments?jurisdiction=" + quote("天津市")).text
    found = set(re.findall(r'data-department="([^"]+)"', html))
    assert TJ_KEY in found and all(k.startswith("天津市/") for k in found)


def test_the_tasks_facet_counts_by_department_key(ds):
    facets = get(ds, "/policykb/tasks.json?_facet_array=department_keys").json()["facet_results"]
    counts = {v["value"]: v["count"] for v in facets["department_keys"]["results"]}
    assert counts[TJ_KEY] == 1 and counts[CQ_KEY] > 1


# ---- 3. provenance ------------------------------------------------------

def test_the_document_page_marks_the_task_in_place(ds, seed_record):
    task = seed_record.tasks[0]
    html = get(ds, f"/-/documents/{PLAN}?task=" + quote(f"{PLAN}/{task.path}")).text
    marked = re.search(r'<mark id="pk-mark">(.*?)</mark>', html, re.S).group(1)
    assert unescape(marked) == seed_record.text[task.start:task.end]
    assert 'class="pk-outline"' in html and 'id="s-3.1"' in html


@pytest.mark.parametrize("table,key", [("tasks", f"{PLAN}/3.1.1"), ("targets", f"{PLAN}/2#t1"),
                                        ("assignments", f"{PLAN}/3.1.1#1")])
def test_a_row_page_links_its_document_and_its_span(ds, table, key):
    html = get(ds, f"/policykb/{table}/" + tilde_encode(key)).text
    assert f"/-/documents/{PLAN}/tasks" in html
    source = re.search(r'class="pk-source" href="([^"]+)"', html).group(1)
    assert "<mark" in get(ds, unescape(source)).text


# ---- 4. readable defaults -----------------------------------------------

def test_the_tasks_table_hides_internal_columns_and_speaks_chinese(ds):
    html = get(ds, "/policykb/tasks").text
    headers = re.findall(r'<th [^>]*data-column="([^"]+)"', html)
    assert "sort_key" not in headers and "notes" not in headers and "path" in headers
    assert ">序号</a>" in html
    # the API keeps every column
    assert "sort_key" in get(ds, "/policykb/tasks.json?_size=1&_shape=array").json()[0]


def test_codes_show_in_chinese(ds):
    html = get(ds, "/policykb/assignments?role=lead").text
    assert '<span title="lead">牵头</span>' in html


def test_canned_queries_hide_their_sql(ds):
    html = get(ds, "/policykb/department_workload").text
    assert "count(distinct" not in html


@pytest.mark.parametrize("path,fragment", [("/", "文件与任务分工表"), ("/policykb", "常用查询")])
def test_index_and_database_pages_are_in_chinese(ds, path, fragment):
    assert fragment in get(ds, path).text


# ---- 5. search ----------------------------------------------------------

def test_search_ranks_and_highlights(ds):
    html = get(ds, "/-/search?q=" + quote("钢铁行业超低排放")).text
    first = re.search(r'data-task="([^"]+)"', html).group(1)
    assert first == f"{PLAN}/3.1.2"
    assert "<mark>钢铁行业</mark>" in html and "<mark>超低排放</mark>" in html


def test_the_search_query_has_a_highlighted_snippet(ds):
    html = get(ds, "/policykb/search_tasks?q=" + quote("钢铁")).text
    assert "<mark>钢铁</mark>" in html


# ---- 6. safe serving ----------------------------------------------------

def test_a_huge_value_is_an_error_at_once(ds):
    get(ds, "/")  # start-up (jieba) is not the query's time
    started = time.monotonic()
    response = get(ds, "/policykb.json?sql=" + quote("select zeroblob(900000000)"))
    assert response.status_code == 400 and time.monotonic() - started < 2


@pytest.mark.parametrize("path", ["/policykb/department_workload", "/-/departments", "/policykb/tasks"])
def test_post_to_a_read_only_page_is_405(ds, path):
    async def post():
        return await ds.client.post(path, data={"x": "1"})
    assert asyncio.run(post()).status_code == 405


def test_a_query_over_the_time_limit_is_an_error_page(ds, monkeypatch):
    from datasette.database import QueryInterrupted

    from policykb.publish import pages

    async def too_slow(*args, **kwargs):
        raise QueryInterrupted(None, "select 1", {})
    monkeypatch.setattr(pages, "department_page", too_slow)
    response = get(ds, department(CQ_KEY))
    assert response.status_code == 400 and "查询超时" in response.text


def test_facets_show_departments_by_key_and_codes_in_chinese(ds):
    html = get(ds, "/policykb/assignments?_facet=department&_facet=role").text
    assert f">{CQ_KEY}</a>" in html and f">{TJ_KEY}</a>" in html
    assert ">牵头</a>" in html


@pytest.mark.slow
def test_with_the_dev_plans_chongqing_picked_shows_only_chongqing(dev_dir, tmp_path):
    from policykb.pipeline import build_database

    path = tmp_path / "policykb.db"
    build_database(sorted(dev_dir.glob("*.txt")), path, extracted_dir=tmp_path / "snapshots")
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    dev = Datasette(immutables=[str(path)], metadata=metadata)
    html = get(dev, "/-/departments/" + quote(DEPARTMENT) + "?jurisdiction=" + quote("重庆市")).text
    import sqlite_utils

    where = {r["key"]: r["jurisdiction"] for r in sqlite_utils.Database(path)["documents"].rows}
    documents = set(re.findall(r'data-task="([^"/]+)/', html))
    assert documents and {where[d] for d in documents} == {"重庆市"}, documents
    for target in sorted(links(html)):
        assert get(dev, target).status_code == 200, target


def test_every_phrase_to_translate_is_in_datasettes_templates():
    from policykb.publish.pages import site_words
    from policykb.publish.plugin.translate import untranslated

    assert untranslated(site_words().templates) == {}


@pytest.mark.parametrize("path", ["/policykb/tasks.xlsx?document=" + PLAN,
                                  "/policykb/department_workload.xlsx"])
def test_tables_and_queries_download_as_xlsx(ds, path):
    from openpyxl import load_workbook

    response = get(ds, path)
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) > 1 and all(isinstance(h, str) for h in rows[0])


def test_the_next_page_of_a_department_keeps_its_jurisdiction(ds, monkeypatch):
    from policykb.publish import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 5)
    html = get(ds, "/-/departments/" + quote(DEPARTMENT) + "?jurisdiction=" + quote("重庆市")).text
    next_page = re.search(r'<a href="([^"]+)">下一页</a>', html).group(1)
    second = get(ds, unescape(next_page)).text
    assert 'id="pk-jurisdiction"' in second and len(re.findall(r'class="pk-task"', second)) == 5

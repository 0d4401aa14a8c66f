"""store: record -> SQLite (keys, values, search, re-ingest, transactions).

Every test builds its own database under tmp_path from the seed's real record.
"""
from __future__ import annotations

import copy
import shutil

import pytest
import sqlite_utils

from policykb import store
from policykb.models import PolicyKBError

# (发文字号, title, expected key, note)
KEY_CASES = [
    ("渝府发〔2022〕39号", "重庆市“十四五”节能减排综合工作实施方案", "cq-2022-39", "the seed"),
    ("国发〔2021〕33号", "“十四五”节能减排综合工作方案", "cn-2021-33", "State Council"),
    ("渝府办发〔2023〕7号", "重庆市公共机构节能示范行动方案", "cq-b-2023-7", "general office series"),
    ("甘政发〔2023〕16号", "某省绿色建筑推广实施方案", "gs-2023-16", "政发 is a main series"),
    ("粤办函〔2023〕105号", "某省数据中心能效提升行动方案", "gd-bh-2023-105", "办函"),
    (None, "某市生活垃圾分类工作方案", "某市生活垃圾分类工作方案", "no number: title slug"),
    (None, "某省“十四五”节水行动方案", "某省十四五节水行动方案", "quotes dropped"),
]


def test_key_cases_are_unique():
    assert len({c[0] or c[1] for c in KEY_CASES}) == len(KEY_CASES)


@pytest.mark.parametrize("number,title,expected,note", KEY_CASES)
def test_document_key(number, title, expected, note):
    assert store.document_key(number, title) == expected


def test_unknown_prefix_keys_differ():
    # 某环办发[2021]119号 and 环资〔2021〕119号: prefixes the data does not know
    a = store.document_key("某环办发[2021]119号", None)
    b = store.document_key("环资〔2021〕119号", None)
    assert a != b and a.endswith("-2021-119") and b.endswith("-2021-119")


# (value, unit, value_base, unit_base, note)
QUANTITY_CASES = [
    (4.32, "万吨", 43200.0, "吨", "seed: COD reduction"),
    (2.48, "万吨/日", 24800.0, "吨/日", "rate unit keeps its denominator"),
    (500, "万平方米", 5000000.0, "平方米", ""),
    (1.5, "亿千瓦时", 150000000.0, "千瓦时", "千 of 千瓦时 is not a multiplier"),
    (14, "%", 14.0, "%", "percent unchanged"),
    (30, "个", 30.0, "个", "count unchanged"),
    (3, "千万吨", 30000000.0, "吨", "a compound scale, as the extractor reads it"),
]


@pytest.mark.parametrize("value,unit,value_base,unit_base,note", QUANTITY_CASES)
def test_base_quantity(value, unit, value_base, unit_base, note):
    assert store.base_quantity(value, unit) == (value_base, unit_base)


@pytest.fixture
def db(tmp_path):
    database = store.open_database(tmp_path / "policykb.db")
    yield database
    database.close()


@pytest.fixture(scope="module")
def seed_db_file(tmp_path_factory, seed_record):
    """The seed loaded once; tests get their own copy of the file."""
    path = tmp_path_factory.mktemp("seed") / "policykb.db"
    database = store.open_database(path)
    assert store.load_record(database, seed_record) == "added"
    database.close()
    return path


@pytest.fixture
def seed_db(seed_db_file, tmp_path):
    copy_path = tmp_path / "seed.db"
    shutil.copyfile(seed_db_file, copy_path)
    database = sqlite_utils.Database(copy_path)
    yield database
    database.close()


def seed_key(record) -> str:
    return store.document_key(record.document.doc_number, record.document.title)


def test_seed_key_is_its_doc_number(seed_record):
    assert seed_record.document.doc_number == "渝府发〔2022〕39号"
    assert seed_key(seed_record) == "cq-2022-39"


def test_tables_hold_the_record(seed_db, seed_record):
    key = seed_key(seed_record)
    assert seed_db["documents"].get(key)["text"] == seed_record.text
    assert seed_db["sections"].count == len(seed_record.sections)
    assert seed_db["tasks"].count == len(seed_record.tasks)
    assert seed_db["targets"].count == len(seed_record.targets)
    assert seed_db["assignments"].count == sum(len(t.assignments) for t in seed_record.tasks)
    for task in seed_record.tasks:
        row = seed_db["tasks"].get(f"{key}/{task.path}")
        assert (row["text"], row["start"], row["end"]) == (task.text, task.start, task.end)
        assert row["section"] == f"{key}/{task.path}"


def test_seed_assignment_of_task_3_1_1(seed_db):
    rows = list(seed_db.query(
        "select d.name, a.role from assignments a join departments d on d.key = a.department "
        "where a.task = 'cq-2022-39/3.1.1'"))
    assert {"name": "市发展改革委", "role": "responsible"} in rows


def test_foreign_keys_and_indexes(seed_db):
    fks = {(fk.column, fk.other_table) for fk in seed_db["assignments"].foreign_keys}
    assert {("task", "tasks"), ("department", "departments"), ("document", "documents")} <= fks
    indexed = {tuple(i.columns) for i in seed_db["assignments"].indexes}
    assert ("department", "role") in indexed
    assert seed_db.execute("pragma foreign_key_check").fetchall() == []


def test_value_base_compares_across_units(seed_db):
    rows = list(seed_db.query("select value, unit, value_base from targets where value_base > 10000"))
    assert rows and all(r["value_base"] > 10000 for r in rows)
    # 化学需氧量…减排量 4.32万吨 in the seed's 二、主要目标
    assert {"value": 4.32, "unit": "万吨", "value_base": 43200.0} in rows


# (query, words a task must contain, a task it must find, note)
SEARCHES = [
    ("节能", ["节能"], None, "two-character word"),
    ("钢铁", ["钢铁"], "3.1.2", "two-character word"),
    ("节能减排", ["节能减排"], None, "longer word"),
    # 3.1.2 has 完成钢铁行业大气污染物超低排放改造: the words, not the string
    ("钢铁行业超低排放", ["钢铁", "行业", "超低", "排放"], "3.1.2", "phrase of several words"),
]


@pytest.mark.parametrize("query,words,expected_path,note", SEARCHES)
def test_chinese_search_finds_tasks_containing_the_query(seed_db, seed_record, query, words, expected_path, note):
    found = {r["path"] for r in seed_db.query(
        "select path from tasks where rowid in (select rowid from tasks_fts where tasks_fts match ?)",
        [store.fts_query(query)])}
    containing = {t.path for t in seed_record.tasks if all(w in t.title + t.text for w in words)}
    assert containing, "the seed has tasks with this text"
    assert containing <= found
    if expected_path:
        assert expected_path in found


def test_default_tokenizer_would_miss_two_character_words(tmp_path):
    # why the index holds jieba's words: unicode61 sees a run of Han as one token
    db = sqlite_utils.Database(tmp_path / "plain.db")
    db["t"].insert({"text": "推动钢铁行业超低排放改造"})
    db["t"].enable_fts(["text"])
    assert list(db["t"].search("钢铁")) == []


def test_loading_again_changes_nothing(seed_db, seed_record):
    before = store.database_content(seed_db)
    assert store.load_record(seed_db, seed_record) == "unchanged"
    assert store.database_content(seed_db) == before


def test_same_record_gives_same_rows_in_a_fresh_database(seed_db, seed_record, tmp_path):
    other = store.open_database(tmp_path / "other.db")
    store.load_record(other, copy.deepcopy(seed_record))
    assert store.database_content(other) == store.database_content(seed_db)


def other_document(record, doc_number="渝府办发〔2023〕7号", cites=()):
    """A second document made from the seed (another number, fewer tasks)."""
    other = copy.deepcopy(record)
    other.document.doc_number = doc_number
    other.document.cites = list(cites)
    other.tasks = other.tasks[:3]
    other.source = dict(other.source, path=f"{doc_number}.txt")
    return other


def test_changed_document_replaces_only_its_own_rows(seed_db, seed_record):
    other = other_document(seed_record)
    assert store.load_record(seed_db, other) == "added"
    other_rows = list(seed_db.query("select * from tasks where document = 'cq-b-2023-7' order by key"))
    changed = copy.deepcopy(seed_record)
    dropped = changed.tasks.pop()
    assert store.load_record(seed_db, changed) == "replaced"
    assert seed_db["tasks"].count_where("document = 'cq-2022-39'") == len(seed_record.tasks) - 1
    assert not list(seed_db.query("select 1 from tasks where key = ?", [f"cq-2022-39/{dropped.path}"]))
    assert list(seed_db.query("select * from tasks where document = 'cq-b-2023-7' order by key")) == other_rows
    # the search index follows: no index row without its task
    assert seed_db.execute("select count(*) from tasks_fts").fetchone()[0] == seed_db["tasks"].count


def test_failure_halfway_leaves_the_database_as_it_was(seed_db, seed_record, monkeypatch):
    before = store.database_content(seed_db)
    changed = copy.deepcopy(seed_record)
    changed.tasks = changed.tasks[:1]

    def broken(db, doc_key):  # fails after the old rows are deleted and the new ones inserted
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "index_tasks", broken)
    with pytest.raises(PolicyKBError, match="disk full"):
        store.load_record(seed_db, changed)
    assert store.database_content(seed_db) == before


def test_citations_link_in_either_order(db, seed_record):
    cited = other_document(seed_record, doc_number="国发〔2021〕33号")
    store.load_record(db, seed_record)  # cites 国发〔2021〕33号 (if structure found it)
    store.load_record(db, cited)
    store.load_record(db, other_document(seed_record, doc_number="渝府办发〔2023〕7号", cites=["国发〔2021〕33号"]))
    rows = {(r["document"], r["cited_document"]) for r in db.query(
        "select document, cited_document from citations where cited_number = '国发〔2021〕33号'")}
    assert ("cq-b-2023-7", "cn-2021-33") in rows
    if "国发〔2021〕33号" in seed_record.document.cites:
        assert ("cq-2022-39", "cn-2021-33") in rows


def test_a_file_whose_key_changes_keeps_one_document(db, seed_record):
    # a first extraction missed the 发文字号: the document was keyed by its title
    unnumbered = copy.deepcopy(seed_record)
    unnumbered.document.doc_number = None
    store.load_record(db, unnumbered)
    assert [r["key"] for r in db["documents"].rows] == [store.document_key(None, seed_record.document.title)]
    store.load_record(db, seed_record)
    assert [r["key"] for r in db["documents"].rows] == ["cq-2022-39"]
    assert {r["document"] for r in db.query("select distinct document from tasks")} == {"cq-2022-39"}


def test_two_numbers_with_one_key_are_refused(seed_db, seed_record):
    # 渝府发 and 渝政发 both read as the main series of 渝: never overwrite one with the other
    clash = other_document(seed_record, doc_number="渝政发〔2022〕39号")
    before = store.database_content(seed_db)
    with pytest.raises(PolicyKBError, match="already 渝府发"):
        store.load_record(seed_db, clash)
    assert store.database_content(seed_db) == before


def test_record_data_is_to_dict(seed_record):
    """The build converts the record once (snapshot, hash, rows): the same data."""
    data = store.record_data(seed_record)
    assert data == seed_record.to_dict()
    assert store.record_hash(seed_record, data) == store.record_hash(seed_record)
    assert store.record_rows(seed_record, None, None, data) == store.record_rows(seed_record)


def test_fast_insert_stores_what_sqlite_utils_stores(seed_record, tmp_path):
    """One executemany per table gives the rows sqlite-utils' insert_all gives."""
    rows = store.record_rows(seed_record)
    fast = store.open_database(tmp_path / "fast.db")
    slow = store.open_database(tmp_path / "slow.db")
    store.insert_rows(fast, copy.deepcopy(rows))
    slow["departments"].upsert_all(rows["departments"], pk="key", alter=True)
    slow["documents"].upsert_all(rows["documents"], pk="key", alter=True)
    for table in ("sections", "tasks", "assignments", "targets", "mentions", "citations"):
        if rows.get(table):
            slow[table].insert_all(rows[table], pk="key", alter=True)
    for table in ("sections", "tasks", "assignments", "targets", "mentions", "citations"):
        assert list(fast[table].rows) == list(slow[table].rows), table

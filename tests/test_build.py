"""The batch build: skip what has not changed before reading it, workers
that give a serial build's database, the lock and the atomic swap, and the
input problems a folder of plans brings. Plans here are short ones of our
own wording, in the genre's shape."""
from __future__ import annotations

import pytest
import sqlite_utils

from policykb import batch, pipeline, store


def plan(city: str, number: int | None, extra: str = "") -> str:
    """A short plan of a city: title, 发文字号, two numbered tasks with notes."""
    head = f"{city}市政府办公厅关于印发{city}市节能降碳行动方案的通知\n"
    if number is not None:
        head += f"{city}府办发〔2023〕{number}号\n"
    return head + (
        f"{city}市节能降碳行动方案\n"
        "一、总体要求\n"
        f"到2025年，全市万元地区生产总值能耗较2020年降低13.5%{extra}。\n"
        "二、重点任务\n"
        "（一）推进工业领域节能改造。组织重点企业开展能效诊断，推广高效电机。（市经济信息委牵头，市发展改革委配合）\n"
        "（二）推动公共机构绿色转型。新建办公建筑执行绿色建筑标准。（市机关事务局负责）\n"
    )


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for i, city in enumerate(["江北", "南岸", "北碚"]):
        (folder / f"plan_{i}.txt").write_text(plan(city, 10 + i), encoding="utf-8")
    return folder


def build(corpus, tmp_path, jobs=1, **kwargs):
    return pipeline.build_database([corpus], tmp_path / "kb.db", tmp_path / "extracted", jobs=jobs, **kwargs)


@pytest.fixture
def reads(monkeypatch):
    """The paths ``extract_file`` is asked to read (in this process: jobs=1)."""
    seen = []
    real = pipeline.extract_file

    def extract_file(path, vocab=None):
        seen.append(path.name)
        return real(path, vocab)

    monkeypatch.setattr(pipeline, "extract_file", extract_file)
    return seen


def test_rebuild_with_nothing_changed_reads_no_document(corpus, tmp_path, reads):
    first = build(corpus, tmp_path)
    assert len(first.added) == 3 and reads == ["plan_0.txt", "plan_1.txt", "plan_2.txt"]
    reads.clear()
    again = build(corpus, tmp_path)
    assert reads == [] and len(again.unchanged) == 3


def test_changed_bytes_are_read_again_and_only_they(corpus, tmp_path, reads):
    build(corpus, tmp_path)
    reads.clear()
    (corpus / "plan_1.txt").write_text(plan("南岸", 11, "，达到先进水平"), encoding="utf-8")
    report = build(corpus, tmp_path)
    assert reads == ["plan_1.txt"] and len(report.replaced) == 1 and len(report.unchanged) == 2


def test_same_record_from_new_bytes_is_stamped_and_then_skipped(corpus, tmp_path, reads):
    build(corpus, tmp_path)
    path = corpus / "plan_0.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")  # blank lines: same record
    reads.clear()
    assert build(corpus, tmp_path).unchanged and reads == ["plan_0.txt"]
    reads.clear()
    build(corpus, tmp_path)
    assert reads == []


def test_another_parser_version_reads_everything_again(corpus, tmp_path, reads, monkeypatch):
    build(corpus, tmp_path)
    reads.clear()
    monkeypatch.setattr(batch, "parser_version", lambda vocab=None: "another-version")
    build(corpus, tmp_path)
    assert len(reads) == 3


def test_a_missing_snapshot_is_written_again(corpus, tmp_path, reads):
    build(corpus, tmp_path)
    (tmp_path / "extracted" / "plan_2.json").unlink()
    reads.clear()
    build(corpus, tmp_path)
    assert reads == ["plan_2.txt"] and (tmp_path / "extracted" / "plan_2.json").is_file()


def test_parser_version_covers_code_and_data():
    from policykb.batch.version import PACKAGE, _folder_hash

    assert batch.package_version() == _folder_hash(PACKAGE)
    assert len(batch.parser_version()) == 64


def test_workers_give_the_database_of_a_serial_build(corpus, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    serial.mkdir(), parallel.mkdir()
    assert not build(corpus, serial, jobs=1).failed
    assert not build(corpus, parallel, jobs=3).failed
    with sqlite_utils.Database(serial / "kb.db") as a, sqlite_utils.Database(parallel / "kb.db") as b:
        assert store.database_content(a) == store.database_content(b)
        rowids = "select rowid, key from tasks order by rowid"
        assert a.execute(rowids).fetchall() == b.execute(rowids).fetchall()
    for snapshot in (serial / "extracted").iterdir():
        assert snapshot.read_bytes() == (parallel / "extracted" / snapshot.name).read_bytes()


def fresh_content(corpus, tmp_path, name="fresh"):
    folder = tmp_path / name
    folder.mkdir()
    build(corpus, folder)
    with sqlite_utils.Database(folder / "kb.db") as db:
        return store.database_content(db)


def test_replacing_a_document_leaves_the_index_a_fresh_build_has(corpus, tmp_path):
    build(corpus, tmp_path)
    (corpus / "plan_1.txt").write_text(plan("南岸", 11, "，达到先进水平"), encoding="utf-8")
    (corpus / "plan_2.txt").unlink()
    (corpus / "plan_3.txt").write_text(plan("綦江", 31), encoding="utf-8")
    build(corpus, tmp_path)
    with sqlite_utils.Database(tmp_path / "kb.db") as db:
        content = store.database_content(db)
    expected = fresh_content(corpus, tmp_path)
    # plan_2's document stays (its file is gone, not replaced): compare the others
    for table, rows in expected.items():
        assert set(rows) <= set(content[table]), table


def test_a_new_parser_version_reindexes_from_the_stored_cut(corpus, tmp_path, monkeypatch):
    build(corpus, tmp_path)
    with sqlite_utils.Database(tmp_path / "kb.db") as db:
        before = store.database_content(db)["tasks_fts"]
        store.ensure_index_version(db, "another-version")
        assert store.database_content(db)["tasks_fts"] == before


@pytest.mark.parametrize("query", ["节能", "绿色", "改造"])  # jieba words: a raw MATCH
def test_sqlite_utils_search_finds_the_words(corpus, tmp_path, query):
    build(corpus, tmp_path)
    with sqlite_utils.Database(tmp_path / "kb.db") as db:
        assert db["tasks"].detect_fts() == "tasks_fts"
        found = [row["text"] for row in db["tasks"].search(query)]
        assert found and all(query in text for text in found)
        # the index reads its text from tasks: the text is stored once
        assert "content=[tasks]" in db["tasks_fts"].schema


def documents(path):
    with sqlite_utils.Database(path) as db:
        return sorted(row[0] for row in db.execute("select key from documents"))


def test_a_build_swaps_a_new_file_in_and_an_open_reader_keeps_the_old(corpus, tmp_path):
    import sqlite3

    build(corpus, tmp_path)
    db_path = tmp_path / "kb.db"
    reader = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    before = reader.execute("select count(*) from documents").fetchone()[0]
    inode = db_path.stat().st_ino
    (corpus / "plan_3.txt").write_text(plan("綦江", 31), encoding="utf-8")
    build(corpus, tmp_path)
    assert db_path.stat().st_ino != inode  # a new file at the path
    assert reader.execute("select count(*) from documents").fetchone()[0] == before  # the old one, intact
    assert reader.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert len(documents(db_path)) == before + 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".kb.db")) == []


def test_a_build_with_nothing_changed_leaves_the_file_alone(corpus, tmp_path):
    build(corpus, tmp_path)
    stat = (tmp_path / "kb.db").stat()
    build(corpus, tmp_path)
    assert (tmp_path / "kb.db").stat().st_ino == stat.st_ino and (tmp_path / "kb.db").stat().st_mtime == stat.st_mtime


def test_a_build_that_breaks_leaves_the_database_as_it_was(corpus, tmp_path, monkeypatch):
    build(corpus, tmp_path)
    before = (tmp_path / "kb.db").read_bytes()
    (corpus / "plan_3.txt").write_text(plan("綦江", 31), encoding="utf-8")

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "load_rows", broken)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, tmp_path)
    assert (tmp_path / "kb.db").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]


def test_a_second_build_waits_for_the_first(corpus, tmp_path):
    import threading

    heard, done = [], threading.Event()
    with batch.build_lock(tmp_path / "kb.db"):
        worker = threading.Thread(target=lambda: (build(corpus, tmp_path, echo=heard.append), done.set()))
        worker.start()
        worker.join(1.5)
        assert not done.is_set()  # waiting, not failing
        assert heard and "another build is running" in heard[0] and "waiting" in heard[0]
    worker.join(60)
    assert done.is_set() and len(documents(tmp_path / "kb.db")) == 3


@pytest.mark.slow
def test_two_builds_at_once_both_succeed(corpus, tmp_path):
    import subprocess
    import sys

    command = [sys.executable, "-m", "policykb", "build", str(corpus), "--db", str(tmp_path / "kb.db"),
               "--extracted", str(tmp_path / "extracted"), "--no-progress"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert len(documents(tmp_path / "kb.db")) == 3


def test_the_site_picks_up_the_new_file(corpus, tmp_path):
    import asyncio

    from datasette.app import Datasette

    from policykb.publish import serve

    build(corpus, tmp_path)
    db_path = tmp_path / "kb.db"
    ds = Datasette([str(db_path)], immutables=[])
    seen = serve.file_id(db_path)

    async def count():
        return (await ds.get_database("kb").execute("select count(*) from documents")).first()[0]

    assert asyncio.run(count()) == 3
    (corpus / "plan_3.txt").write_text(plan("綦江", 31), encoding="utf-8")
    build(corpus, tmp_path)
    assert serve.pick_up(ds, db_path, "kb", seen)[1] is not None
    assert asyncio.run(count()) == 4
    assert serve.pick_up(ds, db_path, "kb", serve.file_id(db_path)) == (serve.file_id(db_path), None)


# --- input problems: each a one-line warning or error, nothing half-stored


def test_a_stray_invalid_byte_is_a_warning_not_a_rejected_file(corpus, tmp_path):
    path = corpus / "plan_0.txt"
    data = path.read_bytes()
    path.write_bytes(data[:60] + b"\xff" + data[60:])
    report = build(corpus, tmp_path)
    assert not report.failed and len(report.added) == 3
    assert any("plan_0.txt" in w and "invalid UTF-8" in w for w in report.warnings)


def test_gb18030_gibberish_is_named():
    from policykb.read.text import decode_warnings

    text = plan("江北", 10)
    garbled = text.encode("utf-8").decode("gb18030", errors="replace")
    assert "gibberish" in decode_warnings(b"", garbled, "gb18030")[0]
    assert decode_warnings(text.encode("gb18030"), text, "gb18030") == []


def test_a_file_of_copies_of_one_plan_is_a_warning(corpus, tmp_path):
    (corpus / "plan_0.txt").write_text(plan("江北", 10) * 3, encoding="utf-8")
    report = build(corpus, tmp_path)
    assert any("plan_0.txt" in w and "3 copies" in w for w in report.warnings)


def test_a_folder_without_documents_is_an_error(tmp_path):
    from click.testing import CliRunner

    from policykb.cli import cli

    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "empty"), "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 1 and "no documents" in result.output
    assert not (tmp_path / "kb.db").exists()


@pytest.mark.parametrize("number", [12, None], ids=["same number", "same title, no number"])
def test_two_files_of_one_plan_settle_on_the_first(tmp_path, number, reads):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.txt").write_text(plan("江北", number), encoding="utf-8")
    (folder / "b.txt").write_text(plan("江北", number, "，达到先进水平"), encoding="utf-8")
    first = build(folder, tmp_path)
    assert first.duplicates == [str(folder / "b.txt")]
    assert any("b.txt" in w and "the same plan" in w for w in first.warnings)
    with sqlite_utils.Database(tmp_path / "kb.db") as db:
        kept = [row[0] for row in db.execute("select source_path from documents")]
    assert kept == [str(folder / "a.txt")]
    reads.clear()
    again = build(folder, tmp_path)
    assert reads == [] and not again.replaced and not again.added  # settled: no flip-flop


def test_a_number_too_large_for_an_integer_stores(corpus, tmp_path):
    (corpus / "plan_0.txt").write_text(plan("江北", 10, "，建成10000000000000000000个项目"), encoding="utf-8")
    report = build(corpus, tmp_path)
    assert not report.failed
    with sqlite_utils.Database(tmp_path / "kb.db") as db:
        assert db.execute("select count(*) from targets where value >= 1e19").fetchone()[0] >= 1


@pytest.mark.parametrize("title", ["《江北区节能降碳行动方案", "江北区节能降碳》行动方案", "江北区节能降碳行动方案》"])
def test_a_lone_book_bracket_never_shifts_the_title_span(tmp_path, title):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "p.txt").write_text(f"江北区人民政府关于印发{title}的通知\n江北府发〔2023〕7号\n"
                                  "一、总体要求\n到2025年，能耗下降10%。\n", encoding="utf-8")
    build(folder, tmp_path)
    with sqlite_utils.Database(tmp_path / "kb.db") as db:
        stored, text, start, end = db.execute("select title, text, title_start, title_end from documents").fetchone()
    assert start is None or text[start:end] == stored

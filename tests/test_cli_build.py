"""`policykb build` and `policykb serve` through CliRunner; the database is then
opened with the library to check its rows."""
from __future__ import annotations

import copy
import os
import sys
import json
import shutil

import pytest
import sqlite_utils
from click.testing import CliRunner

from policykb import store
from policykb.cli import cli
from policykb.publish import serve as serve_module


@pytest.fixture
def workdir(tmp_path, seed_path):
    """A corpus/ with the seed, and where extracted/ and the database go."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_path, corpus / seed_path.name)
    return tmp_path


@pytest.fixture
def quick_extract(monkeypatch, seed_record, seed_text):
    """Extraction of the seed's text served from the session's record (the
    build is under test here, not the extractor); other files go through
    the real ``extract_file``."""
    import policykb.pipeline as pipeline

    real = pipeline.extract_file

    def extract_file(path, vocab=None):
        data = open(path, "rb").read()
        if data != seed_text.encode("utf-8"):
            return real(path, vocab)
        record = copy.deepcopy(seed_record)
        record.source = dict(record.source, path=str(path))
        return record

    monkeypatch.setattr(pipeline, "extract_file", extract_file)


def run_build(workdir, *args):
    return CliRunner().invoke(cli, ["build", *args, "--db", str(workdir / "policykb.db"),
                                    "--extracted", str(workdir / "extracted")])


def content(workdir):
    with sqlite_utils.Database(workdir / "policykb.db") as db:
        return store.database_content(db)


def test_build_writes_snapshot_and_database(workdir, seed_record):
    result = run_build(workdir, str(workdir / "corpus"))
    assert result.exit_code == 0, result.output
    snapshot = json.loads((workdir / "extracted" / "chongqing_jnjp_2022.json").read_text("utf-8"))
    assert snapshot["document"] == seed_record.to_dict()["document"]
    assert len(snapshot["tasks"]) == len(seed_record.tasks)
    with sqlite_utils.Database(workdir / "policykb.db") as db:
        assert [r["key"] for r in db["documents"].rows] == ["cq-2022-39"]
        assert db["tasks"].count == len(seed_record.tasks)
        assert db["assignments"].count == sum(len(t.assignments) for t in seed_record.tasks)


def test_building_twice_leaves_the_same_rows(workdir):
    # real extraction both times: the parser must give the same record again
    assert run_build(workdir, str(workdir / "corpus")).exit_code == 0
    first = content(workdir)
    result = run_build(workdir, str(workdir / "corpus"))
    assert result.exit_code == 0, result.output
    assert "1 unchanged" in result.output
    assert content(workdir) == first


def test_failing_document_leaves_previous_database_intact(workdir, quick_extract):
    plan = workdir / "corpus" / "chongqing_jnjp_2022.txt"
    assert run_build(workdir, str(plan)).exit_code == 0
    before = content(workdir)
    plan.write_bytes(b"")  # the document comes back unreadable
    result = run_build(workdir, str(plan))
    assert result.exit_code == 1
    assert "chongqing_jnjp_2022.txt" in result.output and "empty" in result.output
    assert content(workdir) == before


def test_failing_document_does_not_stop_the_others(workdir, quick_extract):
    (workdir / "corpus" / "broken.txt").write_bytes(b"\x00\x01binary")
    result = run_build(workdir, str(workdir / "corpus"))
    assert result.exit_code == 1
    assert "broken.txt" in result.output
    with sqlite_utils.Database(workdir / "policykb.db") as db:
        assert db["documents"].count == 1


def test_progress_bar_on_more_than_a_few_documents(workdir, quick_extract, monkeypatch):
    # five copies: the same plan five times over (one key, so each replaces the last)
    for i in range(4):
        shutil.copy(workdir / "corpus" / "chongqing_jnjp_2022.txt", workdir / "corpus" / f"copy{i}.txt")
    result = run_build(workdir, str(workdir / "corpus"))
    assert result.exit_code == 0, result.output
    assert "build" in result.stderr and "5/5" in result.stderr


def test_no_progress_bar_for_one_document(workdir, quick_extract):
    result = run_build(workdir, str(workdir / "corpus"))
    assert "1/1" not in result.stderr


@pytest.mark.parametrize("command", ["build", "serve"])
def test_commands_have_help_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: policykb " + command in result.output


def test_serve_builds_when_needed_then_runs_datasette(workdir, quick_extract, monkeypatch):
    ran = []
    monkeypatch.setattr(serve_module, "run_until_stopped", lambda command, **_: ran.append(command) or 0)
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(cli, ["serve", "--db", "policykb.db", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (workdir / "policykb.db").exists()
    (command,) = ran
    assert command[2:5] == ["datasette", "serve", "-i"] and "policykb.db" in command
    assert command[-4:] == ["--host", "127.0.0.1", "--port", "8123"]
    # served as it was built: no rebuild when nothing changed
    again = CliRunner().invoke(cli, ["serve", "--db", "policykb.db", "--port", "8123"])
    assert again.exit_code == 0 and "built" not in again.output, again.output


def test_serve_never_builds_corpus_into_another_database(workdir, monkeypatch):
    monkeypatch.setattr(serve_module, "run_until_stopped", lambda command, **_: 0)
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(cli, ["serve", "--db", "other.db"])
    assert result.exit_code == 1 and "other.db: no such database" in result.output
    assert not (workdir / "other.db").exists()


def test_serve_announces_once_the_port_answers_and_stops_cleanly(tmp_path):
    """The URL is said only when the port answers; SIGTERM stops the site with status 0."""
    import signal
    import socket
    import threading

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(tmp_path)]
    said = []

    def announce():
        said.append(serve_module.port_answers("127.0.0.1", port))
        threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGTERM)).start()

    code = serve_module.run_until_stopped(server, ready=lambda: serve_module.port_answers("127.0.0.1", port),
                                          announce=announce, wait=20)
    assert said == [True] and code == 0


def test_metadata_is_renamed_after_the_database_file(tmp_path):
    meta = serve_module.metadata_for(tmp_path / "plans.db", serve_module.REPO_METADATA)
    assert "plans" in meta["databases"] and "policykb" not in meta["databases"]


BAD_FILES = [
    # (file name, bytes, note)
    ("plan.docx", b"PK\x03\x04" + b"\x00" * 40, "a .docx cut off after its zip header"),
    ("plan.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "a .pdf truncated in its first object"),
    ("plan.html", "<html><body><nav>首页</nav><script>x()</script></body></html>".encode(), "a page with no article"),
    ("plan.odt", "一、总体要求".encode(), "a format policykb does not read"),
]


@pytest.mark.parametrize("name,data,note", BAD_FILES, ids=[r[0] for r in BAD_FILES])
def test_bad_file_gives_one_line_and_leaves_the_database_untouched(workdir, quick_extract, name, data, note):
    assert run_build(workdir, str(workdir / "corpus")).exit_code == 0
    before = content(workdir)
    bad = workdir / name
    bad.write_bytes(data)
    result = run_build(workdir, str(bad))
    assert result.exit_code == 1, note
    errors = [line for line in result.output.splitlines() if name in line]
    assert len(errors) == 1 and "Traceback" not in result.output, result.output
    assert content(workdir) == before

"""The one vocabulary: every data file is read by one loader, and a
vocabulary from another folder changes what the whole pipeline reads."""
from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import yaml

from policykb.pipeline import extract_file
from policykb.vocab import DataFiles, build_vocabulary, load_vocabulary

DATA = Path(str(resources.files("policykb.data")))

PLAN = "某市节能工作方案\n一、重点任务\n（一）开展节能诊断。（市科技局主抓，市财政局配合）\n"


def test_every_data_file_is_read_by_the_loader():
    files = DataFiles()
    build_vocabulary(files)
    shipped = {p.relative_to(DATA).parts for p in DATA.rglob("*.yml")}
    assert shipped == files.read_files


def test_the_vocabulary_is_loaded_once():
    assert load_vocabulary() is load_vocabulary()


def _roles(path, vocab=None):
    record = extract_file(path, vocab=vocab)
    return [(a.as_written, a.role) for t in record.tasks for a in t.assignments]


def test_a_vocabulary_from_another_folder_swaps_words_end_to_end(tmp_path):
    """A lead verb added in a copy of the data folder: the shipped words do
    not know 主抓, the copy's do, from the file to the record."""
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    notes = yaml.safe_load((data / "notes.yml").read_text(encoding="utf-8"))
    notes["role_verbs"]["lead"].append("主抓")
    (data / "notes.yml").write_text(yaml.safe_dump(notes, allow_unicode=True), encoding="utf-8")

    assert ("市科技局", "lead") not in _roles(plan)
    assert _roles(plan, load_vocabulary(str(data))) == [("市科技局", "lead"), ("市财政局", "supporting")]

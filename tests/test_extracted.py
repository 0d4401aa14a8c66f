"""End to end: each corpus document's committed record in extracted/ is what
the parser gives today. A parser change that alters a record shows up here
and, once `policykb build` is rerun, as a diff of extracted/."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS, REPO
from policykb.pipeline import extract_file

DOCS = sorted(p for p in CORPUS.iterdir() if p.is_file())


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_extracted_record_is_current(path):
    snapshot = REPO / "extracted" / f"{path.stem}.json"
    assert snapshot.exists(), f"{snapshot} is missing: run `policykb build`"
    committed = json.loads(snapshot.read_text(encoding="utf-8"))
    fresh = json.loads(json.dumps(extract_file(path).to_dict(), ensure_ascii=False))
    for key in ("document", "sections", "tasks", "targets"):
        assert fresh[key] == committed[key], f"extracted/{snapshot.name}: '{key}' differs; rerun `policykb build`"

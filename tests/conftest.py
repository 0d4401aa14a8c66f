"""Shared fixtures: the seed plan, the development documents (read at run
time, never copied), and the record of the seed (extracted once per session)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SEED = CORPUS / "chongqing_jnjp_2022.txt"
DEV = REPO.parent / "shared" / "dev"
TOOLS = REPO.parent / "shared" / "tools"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record():
    """The seed plan's record, extracted once (read-only: do not mutate)."""
    from policykb.pipeline import extract_file

    return extract_file(SEED)


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is absent: the development documents are not on this machine")
    return DEV

"""The development documents in ../shared/dev may be read at run time but never
copied into this repository: only the seed plan (corpus/) and text we write
ourselves may be committed. This test finds any run of 12 or more characters
in the package or the tests that stands in a development document other than
the seed and not in the seed itself.

Phrases of the genre that every plan shares (a standard addressee line, a
ministry's name) are listed in ``tests/cases/shared_phrases.txt``.
"""
from __future__ import annotations

import re

import pytest

from conftest import REPO, SEED

pytestmark = pytest.mark.slow

MIN_RUN = 12
# a run of text: Chinese with the punctuation and digits that sit inside it
RUN = re.compile(r"[^\x00-\x7f]*[\u4e00-\u9fff][^\x00-\x7f0-9a-zA-Z]*(?:[0-9%.]+[^\x00-\x7f]+)*")


def _runs(text: str):
    for lineno, line in enumerate(text.splitlines(), 1):
        for run in RUN.findall(line):
            if len(run) >= MIN_RUN:
                yield lineno, run


def _copied(run: str, seed: str, others: dict[str, str]) -> tuple[str, str] | None:
    """The longest piece of ``run`` (of MIN_RUN or more) found in another
    development document but not in the seed, with that document's name."""
    for length in range(len(run), MIN_RUN - 1, -1):
        for i in range(len(run) - length + 1):
            piece = run[i:i + length]
            if piece in seed:
                continue
            for name, text in others.items():
                if piece in text:
                    return piece, name
    return None


def test_no_development_text_in_the_repository(dev_dir):
    seed = SEED.read_text(encoding="utf-8")
    allowed = (REPO / "tests" / "cases" / "shared_phrases.txt").read_text(encoding="utf-8").split()
    others = {p.name: p.read_text(encoding="utf-8") for p in dev_dir.glob("*.txt") if p.name != SEED.name}
    for phrase in allowed:
        others = {name: text.replace(phrase, "\0") for name, text in others.items()}
    files = [p for folder in ("policykb", "tests", "scripts") for p in (REPO / folder).rglob("*")
             if p.is_file() and p.suffix in {".py", ".yml", ".yaml", ".csv", ".txt", ".json", ".html", ".md"}
             and "__pycache__" not in p.parts and p.name != "shared_phrases.txt"]
    files += [REPO / name for name in ("README.md", "metadata.yml", "pyproject.toml", "Makefile")]
    found = []
    for path in files:
        for lineno, run in _runs(path.read_text(encoding="utf-8")):
            hit = _copied(run, seed, others)
            if hit:
                found.append(f"{path.relative_to(REPO)}:{lineno}: 「{hit[0]}」 is from {hit[1]}")
    assert not found, "text copied from ../shared/dev:\n" + "\n".join(found)

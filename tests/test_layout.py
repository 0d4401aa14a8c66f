"""The layout bars of the package: small modules and functions, every
regex part written once, and no words of the genre in code.

These read the source as text and syntax trees; nothing is imported.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "policykb"
MODULES = sorted(PACKAGE.rglob("*.py"))
MODULE_MAX, FUNCTION_MAX = 400, 60
HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
PARTS = PACKAGE / "patterns" / "parts.py"


def _tree(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"))


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_module_is_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MODULE_MAX


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_functions_are_small(path):
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(_tree(path))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > FUNCTION_MAX]
    assert not long


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_chinese_words_in_code(path):
    """Cue words, number words, units and names live in policykb/data/: a
    string literal in code (docstrings and doctests aside) holds no Han."""
    tree = _tree(path)
    docs = _docstrings(tree)
    found = [node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and id(node) not in docs and HAN_CHAR.search(node.value)]
    assert not found


def test_year_and_han_are_written_once():
    """The plan-year fragment and the Han class stand only in patterns/parts.py."""
    year, han = r"(?:19|20)\d\d", r"\u4e00-\u9fff"
    for path in MODULES:
        if path == PARTS:
            continue
        text = path.read_text(encoding="utf-8")
        assert year not in text, _name(path)
        assert han not in text and r"\u3400-" not in text, _name(path)
    parts = PARTS.read_text(encoding="utf-8")
    assert parts.count(year) == 1 and parts.count(han) == 1


def test_data_is_read_only_by_the_vocabulary():
    """Every data file is read through policykb/vocab: no stage loads YAML."""
    for path in MODULES:
        if PACKAGE / "vocab" in path.parents or path.parent == PACKAGE / "data":
            continue
        text = path.read_text(encoding="utf-8")
        assert "load_yaml(" not in text and "read_data(" not in text, _name(path)


def test_the_rule_map_is_current():
    """docs/RULES.md lists every ordered rule list as the code has it (make rules)."""
    import subprocess
    import sys

    script = PACKAGE.parent / "scripts" / "rules.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

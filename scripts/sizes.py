"""Module and function sizes of the package, against the layout bars.

    .venv/bin/python scripts/sizes.py            # what is over the bars
    .venv/bin/python scripts/sizes.py --all      # every module and its longest function

A module is over at more than 400 lines, a function at more than 60 (its
``def`` line to its last line, docstring included).
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "policykb"
MODULE_MAX, FUNCTION_MAX = 400, 60


def functions(tree: ast.AST):
    """(qualified name, lines) of every function in a module."""
    def walk(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield prefix + child.name, child.end_lineno - child.lineno + 1
                yield from walk(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, prefix + child.name + ".")
    yield from walk(tree, "")


def measure(package: Path = PACKAGE):
    """(module path, lines, [(function, lines)]) for every module of the package."""
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        yield path.relative_to(package.parent), len(text.splitlines()), list(functions(ast.parse(text)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args(argv)
    over = 0
    for module, lines, funcs in measure():
        longest = max(funcs, key=lambda f: f[1], default=("-", 0))
        long_funcs = [f for f in funcs if f[1] > FUNCTION_MAX]
        if args.all or lines > MODULE_MAX or long_funcs:
            print(f"{module}: {lines} lines; longest {longest[0]} {longest[1]}")
        for name, n in long_funcs:
            print(f"    function {name}: {n} lines")
        over += (lines > MODULE_MAX) + len(long_funcs)
    print(f"sizes: {over} over the bars (module > {MODULE_MAX} lines, function > {FUNCTION_MAX})")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

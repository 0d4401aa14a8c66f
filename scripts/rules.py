"""The map of the grammar's rule lists: docs/RULES.md, made from the code.

    make rules                       # write docs/RULES.md
    .venv/bin/python scripts/rules.py --check

Every ordered list of named rules (a module-level ``NAME_RULES`` tuple of
``(name, function)`` pairs) is listed in the order it is tried, each rule with
the first line of its docstring. A test fails when docs/RULES.md is not what
this script writes, so the map stays true.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "RULES.md"

HEADER = """# The grammar's rule lists

Each decision the parser makes in order is an ordered list of named rules:
the first rule that answers wins, so the order *is* the rule. This page is
written by `make rules` (`scripts/rules.py`) from the code; a test keeps it
current. Each rule's docstring shows a real fragment; its comment says why it
stands where it stands.
"""


def rule_lists():
    """(module, list name, [(rule name, first docstring line)]) in module order."""
    import policykb

    for info in sorted(pkgutil.walk_packages(policykb.__path__, "policykb."), key=lambda i: i.name):
        if info.name.startswith("policykb.publish"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if not (name.endswith("_RULES") and isinstance(value, tuple) and getattr(value, "__len__", None)):
                continue
            if not all(isinstance(r, tuple) and len(r) == 2 for r in value):
                continue
            if value[0][1].__module__ != info.name:  # re-exported by a package: listed where defined
                continue
            rules = [(rule_name, (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "")
                     for rule_name, fn in value]
            yield info.name, name, rules


def render() -> str:
    parts = [HEADER]
    for module, name, rules in rule_lists():
        parts.append(f"\n## `{name}` ({module.replace('.', '/')}.py)\n")
        parts.extend(f"{i}. `{rule}`: {line}" for i, (rule, line) in enumerate(rules, 1))
    return "\n".join(parts) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/RULES.md is not current")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is not current: run make rules", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"rules: wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

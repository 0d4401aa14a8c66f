"""Plan lineage: a plan that cites another loaded plan (根据…（国发〔2021〕33号）
精神…制定本方案; the ``citations`` table, linked by the store) is its child.
For each child target on a canonical indicator, the parent's target on the
same indicator (the same target year first, then the one without scope) and
whether the child's value is stricter, equal or looser.

Which way is stricter follows the indicator's ``better`` and the target's
change: a fall by more is stricter when lower is better (14% against 13.5%),
a share above more is stricter when higher is better (25% against 20%).
Values compare only in the families of ``comparable_families`` (a % fall, a
share, a rate: not a province's tonnes against the nation's) and only when
the change and the base unit agree.
"""
from __future__ import annotations

import sqlite_utils

#: changes whose value is an amount of change (a larger one goes further)
CHANGES_BY = {"decrease_by": "lower", "increase_by": "higher"}


def larger_is_stricter(change: str | None, better: str) -> bool:
    """Whether a larger value is the stricter target.

    >>> larger_is_stricter("decrease_by", "lower"), larger_is_stricter("level", "lower")
    (True, False)
    """
    if change in CHANGES_BY:
        return CHANGES_BY[change] == better
    return better == "higher"


def compare_values(child: dict, parent: dict, better: str) -> str | None:
    """``stricter``, ``equal`` or ``looser`` for ``child`` against ``parent``
    (target rows: value, change, unit_base), None when they do not compare.

    >>> compare_values({"value": 14.0, "change": "decrease_by", "unit_base": "%"},
    ...                {"value": 13.5, "change": "decrease_by", "unit_base": "%"}, "lower")
    'stricter'
    """
    if child["value"] is None or parent["value"] is None:
        return None
    if child["change"] != parent["change"] or (child["unit_base"] or "") != (parent["unit_base"] or ""):
        return None
    if child["value"] == parent["value"]:
        return "equal"
    larger = child["value"] > parent["value"]
    return "stricter" if larger == larger_is_stricter(child["change"], better) else "looser"


def parent_documents(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Each child document -> the loaded documents it cites (in key order)."""
    parents: dict[str, list[str]] = {}
    query = ("select distinct document, cited_document from citations "
             "where cited_document is not null and cited_document != document order by document, cited_document")
    for child, parent in db.execute(query).fetchall():
        parents.setdefault(child, []).append(parent)
    return parents


def _values(db: sqlite_utils.Database) -> dict[str, dict]:
    query = "select key, value, change, unit_base, target_year, sort_key from targets"
    return {row[0]: dict(zip(("key", "value", "change", "unit_base", "target_year", "sort_key"), row))
            for row in db.execute(query).fetchall()}


def best_parent_target(child: dict, candidates: list[dict], values: dict[str, dict]) -> dict | None:
    """The parent's target for ``child``: same target year first, then no scope, then the plan's order."""
    if not candidates:
        return None
    year = values[child["target"]]["target_year"]
    return min(candidates, key=lambda c: (values[c["target"]]["target_year"] != year, bool(c["scope"]),
                                          values[c["target"]]["sort_key"] or ""))


def lineage_rows(db: sqlite_utils.Database, targets: list[dict], matcher) -> list[dict]:
    """One row per child target that has a parent target on its indicator."""
    parents = parent_documents(db)
    values = _values(db)
    by_document: dict[tuple[str, str], list[dict]] = {}
    for row in targets:
        if row["indicator"]:
            by_document.setdefault((row["document"], row["indicator"]), []).append(row)
    rows = []
    for row in targets:
        for parent in parents.get(row["document"], []) if row["indicator"] else []:
            found = best_parent_target(row, by_document.get((parent, row["indicator"]), []), values)
            if found is None:
                continue
            ind = matcher.indicator(row["indicator"])
            comparable = ind.family in matcher.words.comparable_families
            rows.append({"target": row["target"], "document": row["document"], "indicator": row["indicator"],
                         "parent_document": parent, "parent_target": found["target"],
                         "comparison": compare_values(values[row["target"]], values[found["target"]], ind.better)
                         if comparable else None})
            break
    return rows

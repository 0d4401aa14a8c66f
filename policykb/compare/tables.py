"""Write the comparison tables of a database: ``indicators`` (the canonical
indicators), ``target_indicators`` (each target's canonical indicator, scope,
jurisdiction and level of government), ``target_lineage`` (see
:mod:`.lineage`) and ``task_lineage`` (see :mod:`.tasks`). Every run rewrites them whole from ``targets`` and
``documents``, so they follow the database however it was built."""
from __future__ import annotations

import sqlite_utils

from ..vocab import default_vocabulary
from .indicators import IndicatorMatcher
from .levels import government_level
from .lineage import lineage_rows
from .tasks import task_lineage_rows

COMPARE_TABLES = {
    "indicators": dict(columns={"id": str, "name": str, "family": str, "better": str, "aliases": str}, pk="id"),
    "target_indicators": dict(
        columns={"target": str, "document": str, "indicator": str, "as_written": str, "scope": str,
                 "jurisdiction": str, "level": str}, pk="target"),
    "target_lineage": dict(
        columns={"target": str, "document": str, "indicator": str, "parent_document": str, "parent_target": str,
                 "comparison": str}, pk="target"),
    "task_lineage": dict(
        columns={"task": str, "document": str, "parent_document": str, "parent_task": str, "score": float},
        pk="task"),
}


def indicator_rows(matcher: IndicatorMatcher) -> list[dict]:
    """One row per canonical indicator."""
    return [{"id": ind.id, "name": ind.name, "family": ind.family, "better": ind.better,
             "aliases": " | ".join(ind.aliases)}
            for ind in matcher.words.indicators]


def target_indicator_rows(db: sqlite_utils.Database, matcher: IndicatorMatcher) -> list[dict]:
    """One row per target: its canonical indicator (or None) and scope, its
    document's jurisdiction and level of government."""
    rows = []
    query = ("select t.key, t.document, t.indicator, d.jurisdiction from targets t "
             "join documents d on d.key = t.document order by t.document, t.sort_key")
    for key, document, written, jurisdiction in db.execute(query).fetchall():
        match = matcher.match(written)
        rows.append({"target": key, "document": document, "indicator": match.indicator, "as_written": written,
                     "scope": match.scope, "jurisdiction": jurisdiction,
                     "level": government_level(jurisdiction, matcher.words.levels)})
    return rows


def _replace(db: sqlite_utils.Database, name: str, rows: list[dict]) -> None:
    spec = COMPARE_TABLES[name]
    db[name].drop(ignore=True)
    db[name].create(spec["columns"], pk=spec["pk"])
    if rows:
        db[name].insert_all(rows)


def compare_database(db: sqlite_utils.Database, vocab=None) -> dict[str, int]:
    """Rewrite the comparison tables of ``db``; the row count of each."""
    matcher = IndicatorMatcher(default_vocabulary(vocab))
    if not db["targets"].exists():
        return {}
    targets = target_indicator_rows(db, matcher)
    with db.atomic():
        _replace(db, "indicators", indicator_rows(matcher))
        _replace(db, "target_indicators", targets)
        _replace(db, "target_lineage", lineage_rows(db, targets, matcher))
        _replace(db, "task_lineage", task_lineage_rows(db, matcher.words.task_lineage or {}))
        for columns in (["indicator"], ["document"], ["level"]):
            db["target_indicators"].create_index(columns, if_not_exists=True)
    return {"indicators": db["indicators"].count, "target_indicators": len(targets),
            "matched": sum(1 for row in targets if row["indicator"]),
            "target_lineage": db["target_lineage"].count, "task_lineage": db["task_lineage"].count}

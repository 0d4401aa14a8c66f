"""The tables of a policykb database: columns, keys, indexes, the search index.

Column types of the tables; fields the record gains later are added as they
come (``alter=True``), so the database never holds less than the record.
"""
from __future__ import annotations

import sqlite_utils

#: bump when the rows a record becomes change shape, so every document reloads
SCHEMA_VERSION = 2

ROLES = ("lead", "responsible", "supporting", "implementing")

SCHEMA: dict[str, dict] = {
    "documents": dict(
        columns={"key": str, "doc_number": str, "title": str, "issuer": str, "issued_date": str,
                 "jurisdiction": str, "cites": str, "section_count": int, "task_count": int,
                 "target_count": int, "source_path": str, "source_format": str, "source_encoding": str,
                 "source_original_text": str, "warnings": str, "body_start": int, "title_start": int,
                 "title_end": int,
                 "text": str, "record_hash": str, "source_hash": str, "parser_version": str},
        pk="key", foreign_keys=[],
        indexes=[["doc_number"], ["jurisdiction"], ["issued_date"], ["source_path"]],
    ),
    "sections": dict(
        columns={"key": str, "document": str, "path": str, "level": int, "label": str, "title": str,
                 "text": str, "parent": str, "sort_key": str, "record_id": int, "parent_id": int,
                 "start": int, "end": int, "number": int, "style": str, "text_start": int},
        pk="key", foreign_keys=[("document", "documents", "key"), ("parent", "sections", "key")],
        indexes=[["document", "sort_key"], ["parent"]],
    ),
    "tasks": dict(
        columns={"key": str, "document": str, "section": str, "path": str, "title": str, "text": str,
                 "deadline": str, "departments": str, "department_keys": str, "sort_key": str, "record_id": int,
                 "section_id": int, "start": int, "end": int, "notes": str},
        pk="key", foreign_keys=[("document", "documents", "key"), ("section", "sections", "key")],
        indexes=[["document", "sort_key"], ["section"], ["deadline"]],
    ),
    "tasks_words": dict(
        columns={"key": str, "document": str, "cut": str},
        pk="key", foreign_keys=[("key", "tasks", "key"), ("document", "documents", "key")],
        indexes=[["document"]],
    ),
    "duplicates": dict(
        columns={"path": str, "document": str, "source_hash": str, "parser_version": str},
        pk="path", foreign_keys=[("document", "documents", "key")],
        indexes=[["document"]],
    ),
    "departments": dict(
        columns={"key": str, "name": str, "full_name": str, "jurisdiction": str, "kind": str},
        pk="key", foreign_keys=[],
        indexes=[["name"], ["jurisdiction"], ["kind"]],
    ),
    "assignments": dict(
        columns={"key": str, "task": str, "document": str, "department": str, "role": str,
                 "as_written": str, "inherited": int, "position": int, "sort_key": str,
                 "start": int, "end": int},
        pk="key", foreign_keys=[("task", "tasks", "key"), ("document", "documents", "key"),
                                ("department", "departments", "key")],
        indexes=[["department", "role"], ["task"], ["document"], ["role"]],
    ),
    "targets": dict(
        columns={"key": str, "document": str, "section": str, "task": str, "path": str, "kind": str,
                 "indicator": str, "value": float, "unit": str, "value_base": float, "unit_base": str,
                 "comparator": str, "change": str, "baseline_year": int, "target_year": int,
                 "text": str, "sort_key": str, "record_id": int, "start": int, "end": int},
        pk="key", foreign_keys=[("document", "documents", "key"), ("section", "sections", "key"),
                                ("task", "tasks", "key")],
        indexes=[["document", "sort_key"], ["target_year"], ["unit"], ["unit_base", "value_base"],
                 ["kind"], ["section"], ["task"]],
    ),
    "mentions": dict(
        columns={"key": str, "document": str, "section": str, "department": str, "as_written": str,
                 "start": int, "end": int},
        pk="key", foreign_keys=[("document", "documents", "key"), ("section", "sections", "key"),
                                ("department", "departments", "key")],
        indexes=[["department"], ["section"], ["document"]],
    ),
    "citations": dict(
        columns={"key": str, "document": str, "cited_number": str, "cited_document": str},
        pk="key", foreign_keys=[("document", "documents", "key"), ("cited_document", "documents", "key")],
        indexes=[["document"], ["cited_number"], ["cited_document"]],
    ),
}

#: tables that hold one document's rows, children first (the order of deletes)
DOCUMENT_TABLES = ("citations", "mentions", "targets", "assignments", "tasks_words", "tasks", "sections")

#: the search index: external content (the text is read from ``tasks``),
#: indexing the words of ``tasks_words`` (the rows are inserted by store.db)
FTS_SQL = "CREATE VIRTUAL TABLE tasks_fts USING fts5(title, text, content=[tasks], content_rowid=rowid)"


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and the search index if they are missing."""
    for name, spec in SCHEMA.items():
        table = db[name]
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec["foreign_keys"])
        else:  # a database from an older build gains the columns added since
            for column in set(spec["columns"]) - set(table.columns_dict):
                table.add_column(column, spec["columns"][column])
        for columns in spec["indexes"]:
            table.create_index(columns, if_not_exists=True)
    fts = db.execute("select sql from sqlite_master where name = 'tasks_fts'").fetchone()
    if fts and "content=" not in fts[0]:
        # a database from before the external-content index: start it afresh
        # (every document reloads: SCHEMA_VERSION is in the record hash)
        db.execute("DROP TABLE tasks_fts")
        for name in DOCUMENT_TABLES + ("documents", "departments"):
            db.execute(f"DELETE FROM [{name}]")
        fts = None
    if not fts:
        db.execute(FTS_SQL)

"""The database: open it, load a record (replacing its document's rows in one
transaction), delete, link citations, prune departments, compare content."""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from ..models import PolicyKBError, Record
from .rows import record_rows
from .schema import DOCUMENT_TABLES, SCHEMA, ensure_schema
from .search import task_codes, task_index_values


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a policykb database with its schema."""
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    return db


def stored_hash(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("select record_hash from documents where key = ?", [key]).fetchone()
    return row[0] if row else None


def stored_source(db, path: str, digest: str, version: str) -> str | None:
    """The key of the document read from ``path`` when its bytes had the hash
    ``digest`` and the parser was ``version`` (the document is then
    unchanged); ``db`` is a sqlite-utils or a sqlite3 connection."""
    row = db.execute("select key from documents where source_path = ? and source_hash = ? and parser_version = ?",
                     [path, digest, version]).fetchone()
    if row is None:  # a file of a plan another file holds, as it was when it lost
        row = db.execute("select d.key from duplicates x join documents d on d.key = x.document "
                         "where x.path = ? and x.source_hash = ? and x.parser_version = ?",
                         [path, digest, version]).fetchone()
    return row[0] if row else None


def mark_duplicate(db: sqlite_utils.Database, path: str, key: str, stamp: tuple[str, str]) -> None:
    """Remember that the file at ``path`` (with these bytes, this parser) is a
    plan the document ``key`` holds from another file."""
    with db.atomic():
        db["duplicates"].upsert({"path": path, "document": key, "source_hash": stamp[0],
                                 "parser_version": stamp[1]}, pk="path")


def stamp_source(db: sqlite_utils.Database, key: str, digest: str | None, version: str | None) -> None:
    """Record the source hash and parser version a document's rows came from."""
    with db.atomic():
        db.execute("update documents set source_hash = ?, parser_version = ? where key = ?", [digest, version, key])


def delete_document(db: sqlite_utils.Database, key: str) -> None:
    """Delete one document's rows (not its departments, which are shared)."""
    rows = _indexed(db, "where t.document = ?", [key])
    db.conn.executemany("insert into tasks_fts (tasks_fts, rowid, title, text) values ('delete', ?, ?, ?)", rows)
    for table in DOCUMENT_TABLES:
        db.execute(f"delete from [{table}] where document = ?", [key])


def delete_stale_keys(db: sqlite_utils.Database, doc_key: str, source_path: str | None) -> None:
    """Delete documents read from the same file under another key (the
    extractor found a 发文字号 it missed before, so the key changed)."""
    if not source_path:
        return
    stale = [row[0] for row in db.execute(
        "select key from documents where source_path = ? and key != ?", [source_path, doc_key])]
    for key in stale:
        delete_document(db, key)
        db.execute("update citations set cited_document = null where cited_document = ?", [key])
        db.execute("delete from documents where key = ?", [key])


def insert_rows(db: sqlite_utils.Database, rows: dict[str, list[dict]]) -> None:
    """Insert one document's rows (after :func:`delete_document`)."""
    db["departments"].upsert_all(rows["departments"], pk="key", alter=True)
    db["documents"].upsert_all(rows["documents"], pk="key", alter=True)
    for table in ("sections", "tasks", "tasks_words", "assignments", "targets", "mentions", "citations"):
        if rows.get(table):
            _insert(db, table, rows[table])


def _insert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> None:
    """``db[table].insert_all(rows, alter=True)``, as one ``executemany``
    when the table has every column the rows name (values as sqlite-utils
    stores them: lists and dicts as JSON)."""
    columns = list(dict.fromkeys(name for row in rows for name in row))
    known = {row[1] for row in db.execute(f"pragma table_info([{table}])")}
    if not known.issuperset(columns):
        db[table].insert_all(rows, pk="key", alter=True)
        return
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(f"insert into [{table}] ({names}) values ({marks})",
                        [[_value(row.get(c)) for c in columns] for row in rows])


def _value(value):
    return sqlite_utils.db.jsonify_if_needed(value) if isinstance(value, (dict, list, tuple)) else value


def _indexed(db: sqlite_utils.Database, where: str, params: list) -> list[tuple]:
    """``(rowid, title, text)`` as ``tasks_fts`` indexes them, for the tasks ``where`` selects."""
    rows = db.execute(f"select t.rowid, t.title, t.text, w.cut from tasks t join tasks_words w on w.key = t.key {where}",
                      params).fetchall()
    return [(rowid, *task_index_values(title, text, cut)) for rowid, title, text, cut in rows]


def index_tasks(db: sqlite_utils.Database, doc_key: str) -> None:
    """Put one document's tasks into ``tasks_fts``: their words (as the
    pipeline cut them, in ``tasks_words``; cut with jieba where a task has
    none) and their characters."""
    missing = db.execute("select t.key, t.title, t.text from tasks t left join tasks_words w on w.key = t.key "
                         "where t.document = ? and w.key is null", [doc_key]).fetchall()
    if missing:
        db["tasks_words"].insert_all([{"key": key, "document": doc_key, "cut": task_codes(title, text)}
                                      for key, title, text in missing], pk="key")
    db.conn.executemany("insert into tasks_fts (rowid, title, text) values (?, ?, ?)",
                        _indexed(db, "where t.document = ?", [doc_key]))


def reindex_all(db: sqlite_utils.Database) -> None:
    """Index every task again from ``tasks_words`` (the words inside words
    depend on the dictionary, so a new parser version reindexes)."""
    with db.atomic():
        db.execute("insert into tasks_fts (tasks_fts) values ('delete-all')")
        db.conn.executemany("insert into tasks_fts (rowid, title, text) values (?, ?, ?)", _indexed(db, "", []))


def index_version(version: str) -> int:
    """The parser version as the database's ``user_version`` (31 bits of its hash)."""
    import hashlib

    return int(hashlib.sha256(version.encode("utf-8")).hexdigest()[:7], 16)


def ensure_index_version(db: sqlite_utils.Database, version: str) -> None:
    """Reindex every task when the index was made by another parser version."""
    if db.execute("pragma user_version").fetchone()[0] != index_version(version) and db["tasks"].count:
        reindex_all(db)
    if db.execute("pragma user_version").fetchone()[0] != index_version(version):
        db.execute(f"pragma user_version = {index_version(version)}")


def link_citations(db: sqlite_utils.Database, doc_key: str) -> None:
    """Point citations at the cited document where it is in the database: those
    this document makes, and those other documents make of it."""
    db.execute(
        """update citations set cited_document =
             (select key from documents where documents.doc_number = citations.cited_number)
           where document = :key
              or cited_number = (select doc_number from documents where key = :key)""",
        {"key": doc_key},
    )


def prune_departments(db: sqlite_utils.Database) -> None:
    """Drop departments no assignment or mention refers to any longer."""
    db.execute(
        """delete from departments where key not in (select department from assignments)
           and key not in (select department from mentions)"""
    )


def load_record(db: sqlite_utils.Database, record: Record, key: str | None = None, vocab=None,
                stamp: tuple[str, str] | None = None) -> str:
    """Load one record, replacing the rows of its document, in one transaction.

    Returns ``"unchanged"`` (same record already loaded: nothing written),
    ``"replaced"`` or ``"added"``. On any error the database is left as it was
    and :class:`PolicyKBError` is raised. ``vocab`` (default: the shipped
    vocabulary) gives the gazetteer and the key words; ``stamp`` (source
    hash, parser version) is stored with the document.
    """
    return load_rows(db, record_rows(record, key, vocab), record.source.get("path"), stamp)


def load_rows(db: sqlite_utils.Database, rows: dict[str, list[dict]], path: str | None = None,
              stamp: tuple[str, str] | None = None) -> str:
    """Load the rows of one record (:func:`~.rows.record_rows`) as :func:`load_record` does."""
    doc = rows["documents"][0]
    doc_key = doc["key"]
    doc["source_hash"], doc["parser_version"] = stamp or (None, None)
    previous = stored_hash(db, doc_key)
    if previous == doc["record_hash"]:
        if stamp:
            stamp_source(db, doc_key, *stamp)
        return "unchanged"
    other = db.execute("select doc_number from documents where key = ?", [doc_key]).fetchone()
    if other and other[0] and doc["doc_number"] and other[0] != doc["doc_number"]:
        raise PolicyKBError(path or doc_key,
                            f"key {doc_key} is already {other[0]}, not {doc['doc_number']}: "
                            "add the prefix to data/doc_number_prefixes.yml")
    # the steps are looked up on the package, where callers (and tests that
    # make one fail halfway) see them: ``store.index_tasks``
    from .. import store as steps

    try:
        with db.atomic():
            steps.delete_stale_keys(db, doc_key, doc.get("source_path"))
            db.execute("delete from duplicates where path = ? or document = ?", [doc.get("source_path"), doc_key])
            steps.delete_document(db, doc_key)
            steps.insert_rows(db, rows)
            steps.index_tasks(db, doc_key)
            steps.link_citations(db, doc_key)
            steps.prune_departments(db)
    except Exception as e:  # noqa: BLE001 - any failure rolls back and names the document
        raise PolicyKBError(path or doc_key, f"could not store {doc_key}: {e}") from e
    return "added" if previous is None else "replaced"


def database_content(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    """Every row of every policykb table (and the search index, by task key),
    sorted, without rowids: two databases with equal content are equivalent."""
    content = {}
    for name in SCHEMA:
        columns = sorted(db[name].columns_dict)
        select = ", ".join(f"[{c}]" for c in columns)
        content[name] = sorted(db.execute(f"select {select} from [{name}]").fetchall(), key=repr)
    db.execute("create virtual table if not exists temp.tasks_fts_terms using fts5vocab(main, tasks_fts, instance)")
    content["tasks_fts"] = sorted(db.execute(
        "select tasks.key, v.term, v.col, v.offset from temp.tasks_fts_terms v join tasks on tasks.rowid = v.doc"
    ).fetchall())
    return content

"""Stage 4: records -> SQLite through sqlite-utils.

One document's rows are keyed by the document's key (``cq-2022-39``, from its
发文字号, else a slug of its title), and every row below it by a readable key
built on that: ``cq-2022-39/3.1.1`` for a section or task,
``cq-2022-39/3.1.1#2`` for the task's second assignment, ``cq-2022-39/2#t1``
for the first target at path 2. Loading a record replaces that document's
rows, and only those, in one transaction; loading the same record again
changes nothing (its hash is stored with the document).

Tables: documents, sections, tasks, departments, assignments, targets,
mentions, citations; ``tasks_fts`` indexes the tasks' words as jieba cuts
them (:func:`index_text`), and :func:`fts_query` cuts a query the same way.

This module knows the record (``models``), the department gazetteer and the
segmenter; it never imports read, structure or extract.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import sqlite_utils

from .data import load_yaml
from .models import PolicyKBError, Record

#: bump when the rows a record becomes change shape, so every document reloads
SCHEMA_VERSION = 1

ROLES = ("lead", "responsible", "supporting", "implementing")

# Column types of the tables; fields the record gains later are added as
# they come (``alter=True``), so the database never holds less than the record.
SCHEMA: dict[str, dict] = {
    "documents": dict(
        columns={"key": str, "doc_number": str, "title": str, "issuer": str, "issued_date": str,
                 "jurisdiction": str, "cites": str, "section_count": int, "task_count": int,
                 "target_count": int, "source_path": str, "source_format": str, "source_encoding": str, "source_original_text": str,
                 "warnings": str, "body_start": int, "title_start": int, "title_end": int,
                 "text": str, "record_hash": str},
        pk="key", foreign_keys=[],
        indexes=[["doc_number"], ["jurisdiction"], ["issued_date"]],
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
                 "deadline": str, "departments": str, "sort_key": str, "record_id": int,
                 "section_id": int, "start": int, "end": int, "notes": str},
        pk="key", foreign_keys=[("document", "documents", "key"), ("section", "sections", "key")],
        indexes=[["document", "sort_key"], ["section"], ["deadline"]],
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
DOCUMENT_TABLES = ("citations", "mentions", "targets", "assignments", "tasks", "sections")

# 渝府发〔2022〕39号: issuer prefix, year, number (brackets are normalised to 〔〕
# by structure, but older snapshots may carry [] or ())
_DOC_NUMBER = re.compile(r"^\s*(?P<prefix>.*?)\s*[〔\[［(（【](?P<year>\d{4})[〕\]］)）】]\s*(?P<number>\d+)\s*号?\s*$")
_NOT_SLUG = re.compile(r"[^0-9A-Za-z_\u3400-\u9fff]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


# --- keys ----------------------------------------------------------------

@lru_cache(maxsize=None)
def load_prefixes() -> dict:
    """The Latin forms of 发文字号 prefixes (``data/doc_number_prefixes.yml``)."""
    data = load_yaml("doc_number_prefixes.yml")
    return {"regions": data.get("regions") or {}, "series": data.get("series") or {}}


def slug_prefix(prefix: str, prefixes: dict | None = None) -> str:
    """A Latin slug for the issuer part of a 发文字号: region, then series.

    >>> slug_prefix("渝府发"), slug_prefix("国发"), slug_prefix("渝府办发"), slug_prefix("国办函")
    ('cq', 'cn', 'cq-b', 'cn-bh')

    A prefix the data does not know keeps its own characters, which are as
    stable and as readable to a staff member (add it to the data for a Latin
    form); one with no usable character gets a short stable hash.

    >>> slug_prefix("发改环资"), slug_prefix("〔〕")
    ('发改环资', 'x0e84c9')
    """
    data = prefixes or load_prefixes()
    regions, series = data["regions"], data["series"]
    for region in sorted(regions, key=len, reverse=True):
        if prefix.startswith(region) and prefix[len(region):] in series:
            tail = series[prefix[len(region):]]
            return regions[region] + (f"-{tail}" if tail else "")
    return _NOT_SLUG.sub("", prefix) or "x" + hashlib.sha1(prefix.encode("utf-8")).hexdigest()[:6]


def document_key(doc_number: str | None, title: str | None, fallback: str = "document") -> str:
    """The stable key of a document: from its 发文字号, else a slug of its title.

    >>> document_key("渝府发〔2022〕39号", "重庆市“十四五”节能减排综合工作实施方案")
    'cq-2022-39'
    >>> document_key(None, "重庆市“十四五”节能减排综合工作实施方案")
    '重庆市十四五节能减排综合工作实施方案'
    >>> document_key(None, None, "chongqing_jnjp_2022")
    'chongqing_jnjp_2022'
    """
    if doc_number:
        m = _DOC_NUMBER.match(doc_number)
        if m:
            return f"{slug_prefix(m['prefix'])}-{m['year']}-{int(m['number'])}"
        slug = _NOT_SLUG.sub("-", doc_number).strip("-")
        if slug:
            return slug
    slug = _NOT_SLUG.sub("", title or "")[:60] or _NOT_SLUG.sub("-", fallback).strip("-")
    return slug or "document"


def department_key(name: str, jurisdiction: str | None) -> str:
    """Departments are keyed within their jurisdiction: 市发展改革委 of 重庆市 is
    not 市发展改革委 of 天津市.

    >>> department_key("市发展改革委", "重庆市"), department_key("国家发展改革委", None)
    ('重庆市/市发展改革委', '国家发展改革委')
    """
    return f"{jurisdiction}/{name}" if jurisdiction else name


def unique_keys(keys: Iterable[str]) -> list[str]:
    """Keys made unique in order: a repeated path gets ``(2)``, ``(3)``…

    >>> unique_keys(["d/1", "d/2", "d/1"])
    ['d/1', 'd/2', 'd/1(2)']
    """
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append(key if seen[key] == 1 else f"{key}({seen[key]})")
    return out


# --- values --------------------------------------------------------------

def base_quantity(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """The value with a leading 万/亿 of its unit multiplied out, and the base unit.

    >>> base_quantity(4.32, "万吨")
    (43200.0, '吨')
    >>> base_quantity(1.5, "亿千瓦时"), base_quantity(14, "%")
    ((150000000.0, '千瓦时'), (14.0, '%'))
    >>> base_quantity(2, "万亿元")
    (2000000000000.0, '元')
    """
    if value is None:
        return None, unit
    from .numerals import load_numerals

    scales = load_numerals().scales
    unit = unit or ""
    factor = 1
    while unit and unit[0] in scales and len(unit) > 1:
        factor *= scales[unit[0]]
        unit = unit[1:]
    # round away binary noise (4.32 * 10000 = 43200.000000000004)
    return float(round(float(value) * factor, 6)), unit


# --- search --------------------------------------------------------------

def search_tokens(text: str) -> list[str]:
    """Words of ``text`` for the full-text index, cut by jieba in search mode
    (the shorter words inside long ones too), punctuation dropped.

    >>> search_tokens("推进钢铁行业节能。")
    ['推进', '钢铁', '行业', '钢铁行业', '节能']
    """
    from .nlp import segment_for_search

    return [w for w in segment_for_search(text) if re.search(r"\w", w)]


def index_text(text: str | None) -> str:
    """What ``tasks_fts`` stores for a text: its words, space separated, so
    SQLite's tokenizer sees jieba's words.

    >>> index_text("钢铁行业")
    '钢铁 行业 钢铁行业'
    """
    return " ".join(search_tokens(text or ""))


def index_chars(text: str | None) -> str:
    """The text's letters, digits and Han characters one by one: a phrase of
    them finds any substring, whatever jieba made of its context.

    >>> index_chars("超低排放。")
    '超 低 排 放'
    """
    return " ".join(ch for ch in (text or "") if ch.isalnum())


def has_han(text: str) -> bool:
    """True when ``text`` has a Han character (and so needs jieba to search).

    >>> has_han("PM2.5"), has_han("PM2.5浓度")
    (False, True)
    """
    return bool(_HAN.search(text))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression for a search typed in Chinese.

    Each space-separated part matches a task that has all of its jieba words,
    or has the part itself as a run of characters; parts are ANDed. Parts
    without Han characters are quoted as Datasette quotes them.

    >>> fts_query("钢铁")
    '(("钢铁") OR "钢 铁")'
    >>> fts_query("节能减排 PM2.5")
    '(("节能" AND "减排") OR "节 能 减 排") AND "PM2.5"'
    """
    clauses = []
    for part in (query or "").replace('"', " ").split():
        if not has_han(part):
            clauses.append(_quote(part))
            continue
        words = search_tokens(part)
        chars = index_chars(part)
        if not chars:
            continue
        words_clause = " AND ".join(_quote(w) for w in words) if words else None
        if words_clause:
            clauses.append(f"(({words_clause}) OR {_quote(chars)})")
        else:
            clauses.append(_quote(chars))
    return " AND ".join(clauses) or '""'


# --- record -> rows ------------------------------------------------------

def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_hash(record: Record) -> str:
    """A hash of everything a record holds (and of the schema version)."""
    data = json.dumps([SCHEMA_VERSION, record.to_dict()], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _sort_key(doc_key: str, start: int | None, ordinal: int) -> str:
    # reading order inside a document, as text so one column sorts it in Datasette
    return f"{doc_key}:{int(start or 0):08d}:{ordinal:05d}"


def record_rows(record: Record, key: str | None = None) -> dict[str, list[dict]]:
    """The rows one record becomes, by table (pure: no database).

    Departments are resolved through the gazetteer for their full name and kind.
    """
    from .departments import load_gazetteer

    d = record.document
    doc_key = key or document_key(d.doc_number, d.title, Path(record.source.get("path") or "document").stem)
    jurisdiction = d.jurisdiction
    gazetteer = load_gazetteer()

    document = {k: v for k, v in asdict(d).items()}
    document.update(
        key=doc_key, cites=_json(d.cites or []),
        section_count=len(record.sections), task_count=len(record.tasks), target_count=len(record.targets),
        source_path=record.source.get("path"), source_format=record.source.get("format"),
        source_encoding=record.source.get("encoding"), warnings=_json(record.source.get("warnings") or []),
        text=record.text, record_hash=record_hash(record),
    )
    for extra, value in record.source.items():
        if extra not in ("path", "format", "encoding", "warnings"):
            document[f"source_{extra}"] = value if isinstance(value, (str, int, float, type(None))) else _json(value)

    departments: dict[str, dict] = {}

    def department(name: str) -> str:
        resolved = gazetteer.resolve(name, jurisdiction)
        dkey = department_key(name, resolved.jurisdiction or jurisdiction)
        departments.setdefault(dkey, {"key": dkey, "name": name, "full_name": resolved.full_name,
                                      "jurisdiction": resolved.jurisdiction or jurisdiction,
                                      "kind": resolved.kind})
        return dkey

    section_keys = unique_keys(f"{doc_key}/{s.path}" for s in record.sections)
    key_of_section = {s.id: k for s, k in zip(record.sections, section_keys)}
    key_of_path: dict[str, str] = {}
    sections, mentions = [], []
    for i, (s, skey) in enumerate(zip(record.sections, section_keys)):
        key_of_path.setdefault(s.path, skey)
        row = asdict(s)
        row.pop("mentions")
        row["record_id"] = row.pop("id")
        row.update(key=skey, document=doc_key, parent=key_of_section.get(s.parent_id),
                   sort_key=_sort_key(doc_key, s.start, i))
        sections.append(row)
        for n, m in enumerate(s.mentions, 1):
            mentions.append({"key": f"{skey}#m{n}", "document": doc_key, "section": skey,
                             "department": department(m.department), "as_written": m.as_written,
                             "start": m.start, "end": m.end})

    task_keys = unique_keys(f"{doc_key}/{t.path}" for t in record.tasks)
    task_of_path: dict[str, str] = {}
    tasks, assignments = [], []
    for i, (t, tkey) in enumerate(zip(record.tasks, task_keys)):
        task_of_path.setdefault(t.path, tkey)
        row = asdict(t)
        row.pop("assignments")
        row["record_id"] = row.pop("id")
        names = list(dict.fromkeys(a.department for a in t.assignments))
        row.update(key=tkey, document=doc_key, section=key_of_section.get(t.section_id),
                   departments=_json(names), notes=_json(t.notes), sort_key=_sort_key(doc_key, t.start, i))
        tasks.append(row)
        for n, a in enumerate(t.assignments, 1):
            arow = asdict(a)
            arow.update(key=f"{tkey}#{n}", task=tkey, document=doc_key, department=department(a.department),
                        inherited=int(bool(a.inherited)), position=n,
                        sort_key=f"{row['sort_key']}:{n:03d}")
            assignments.append(arow)

    targets = []
    per_path: dict[str, int] = {}
    for i, t in enumerate(record.targets):
        per_path[t.path] = per_path.get(t.path, 0) + 1
        row = asdict(t)
        row["record_id"] = row.pop("id")
        if row.get("value_base") is None:
            row["value_base"], row["unit_base"] = base_quantity(t.value, t.unit)
        prefix = f"{doc_key}/{t.path}" if t.path else doc_key
        row.update(key=f"{prefix}#t{per_path[t.path]}", document=doc_key, section=key_of_path.get(t.path),
                   task=task_of_path.get(t.path), sort_key=_sort_key(doc_key, t.start, i))
        targets.append(row)

    citations = [{"key": f"{doc_key}>{number}", "document": doc_key, "cited_number": number,
                  "cited_document": None}
                 for number in dict.fromkeys(d.cites or [])]

    return {"documents": [document], "sections": sections, "tasks": tasks,
            "departments": list(departments.values()), "assignments": assignments,
            "targets": targets, "mentions": mentions, "citations": citations}


# --- the database --------------------------------------------------------

def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and the search index if they are missing."""
    for name, spec in SCHEMA.items():
        table = db[name]
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec["foreign_keys"])
        for columns in spec["indexes"]:
            table.create_index(columns, if_not_exists=True)
    if not db["tasks_fts"].exists():
        # standalone (not content=) because it holds jieba's words, not the text
        db.execute("CREATE VIRTUAL TABLE tasks_fts USING fts5(title, text, chars)")


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a policykb database with its schema."""
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    return db


def stored_hash(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("select record_hash from documents where key = ?", [key]).fetchone()
    return row[0] if row else None


def delete_document(db: sqlite_utils.Database, key: str) -> None:
    """Delete one document's rows (not its departments, which are shared)."""
    db.execute("delete from tasks_fts where rowid in (select rowid from tasks where document = ?)", [key])
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
    for table in ("sections", "tasks", "assignments", "targets", "mentions", "citations"):
        if rows[table]:
            db[table].insert_all(rows[table], pk="key", alter=True)


def index_tasks(db: sqlite_utils.Database, doc_key: str) -> None:
    """Put one document's tasks into ``tasks_fts`` (jieba's words, and the characters)."""
    rows = db.execute("select rowid, title, text from tasks where document = ?", [doc_key]).fetchall()
    db.conn.executemany(
        "insert into tasks_fts (rowid, title, text, chars) values (?, ?, ?, ?)",
        [(rowid, index_text(title), index_text(text), index_chars(f"{title or ''} {text or ''}"))
         for rowid, title, text in rows],
    )


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


def load_record(db: sqlite_utils.Database, record: Record, key: str | None = None) -> str:
    """Load one record, replacing the rows of its document, in one transaction.

    Returns ``"unchanged"`` (same record already loaded: nothing written),
    ``"replaced"`` or ``"added"``. On any error the database is left as it was
    and :class:`PolicyKBError` is raised.
    """
    rows = record_rows(record, key)
    doc = rows["documents"][0]
    doc_key = doc["key"]
    previous = stored_hash(db, doc_key)
    if previous == doc["record_hash"]:
        return "unchanged"
    other = db.execute("select doc_number from documents where key = ?", [doc_key]).fetchone()
    if other and other[0] and doc["doc_number"] and other[0] != doc["doc_number"]:
        raise PolicyKBError(record.source.get("path") or doc_key,
                            f"key {doc_key} is already {other[0]}, not {doc['doc_number']}: "
                            "add the prefix to data/doc_number_prefixes.yml")
    try:
        with db.atomic():
            delete_stale_keys(db, doc_key, doc.get("source_path"))
            delete_document(db, doc_key)
            insert_rows(db, rows)
            index_tasks(db, doc_key)
            link_citations(db, doc_key)
            prune_departments(db)
    except Exception as e:  # noqa: BLE001 - any failure rolls back and names the document
        raise PolicyKBError(record.source.get("path") or doc_key, f"could not store {doc_key}: {e}") from e
    return "added" if previous is None else "replaced"


def database_content(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    """Every row of every policykb table (and the search index, by task key),
    sorted, without rowids: two databases with equal content are equivalent."""
    content = {}
    for name in SCHEMA:
        columns = sorted(db[name].columns_dict)
        select = ", ".join(f"[{c}]" for c in columns)
        content[name] = sorted(db.execute(f"select {select} from [{name}]").fetchall(), key=repr)
    content["tasks_fts"] = sorted(db.execute(
        "select tasks.key, f.title, f.text, f.chars from tasks_fts f join tasks on tasks.rowid = f.rowid"
    ).fetchall())
    return content

"""Record -> rows, by table (pure: no database).

Every row below a document is keyed on the document's key:
``cq-2022-39/3.1.1`` for a section or task, ``cq-2022-39/3.1.1#2`` for the
task's second assignment, ``cq-2022-39/2#t1`` for the first target at path 2,
``cq-2022-39/3#m1`` for a section's first mention.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path

from ..models import Record
from ..vocab import default_vocabulary
from .keys import department_key, document_key, unique_keys
from .schema import SCHEMA_VERSION


def base_quantity(value: float | None, unit: str | None, vocab=None) -> tuple[float | None, str | None]:
    """The value with the scale word its unit starts with multiplied out, and
    the base unit: the extractor's own reading (:func:`~policykb.extract.quantity.scale_prefix`
    and the scales of ``vocab``), for records stored without ``value_base``.

    >>> base_quantity(4.32, "万吨")
    (43200.0, '吨')
    >>> base_quantity(1.5, "亿千瓦时"), base_quantity(14, "%")
    ((150000000.0, '千瓦时'), (14.0, '%'))
    >>> base_quantity(2, "万亿元"), base_quantity(3, "千万吨")
    ((2000000000000.0, '元'), (30000000.0, '吨'))
    """
    if value is None:
        return None, unit
    from ..extract.quantity import scale_prefix
    from ..vocab import default_vocabulary

    unit = unit or ""
    scale = scale_prefix(unit, vocab)
    factor = default_vocabulary(vocab).quantities.scales[scale] if scale else 1
    # round away binary noise (4.32 * 10000 = 43200.000000000004)
    return float(round(float(value) * factor, 6)), unit[len(scale):]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def plain(value):
    """``dataclasses.asdict`` for the record's data (dataclasses, lists,
    tuples, dicts of plain values), without its deep copy of every leaf.

    >>> from policykb.models import Mention
    >>> plain([Mention("省科技厅", "省科技厅", 0, 4)])[0]["end"]
    4
    """
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return type(value)(plain(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return value


def record_data(record: Record) -> dict:
    """``record.to_dict()``, made once per build of a document (the
    snapshot, the hash and the rows all read it).

    >>> from policykb.models import Document
    >>> r = Record(document=Document(title="t"))
    >>> record_data(r) == r.to_dict()
    True
    """
    return {"document": plain(record.document), "sections": plain(record.sections), "tasks": plain(record.tasks),
            "targets": plain(record.targets), "source": record.source, "text": record.text}


def record_hash(record: Record, data: dict | None = None) -> str:
    """A hash of everything a record holds (and of the schema version);
    ``data`` is its :func:`record_data` when already made."""
    data = json.dumps([SCHEMA_VERSION, data or record.to_dict()], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _sort_key(doc_key: str, start: int | None, ordinal: int) -> str:
    # reading order inside a document, as text so one column sorts it in Datasette
    return f"{doc_key}:{int(start or 0):08d}:{ordinal:05d}"


def _item_row(item: dict, key: str, doc_key: str, ordinal: int, children: str | None = None, **extra) -> dict:
    """A section, task or target (its :func:`plain` data) as a row: its
    fields (less its list of ``children``), ``record_id`` for its id, its
    key, ``extra`` and its reading-order sort key."""
    row = dict(item)
    if children:
        row.pop(children)
    row["record_id"] = row.pop("id")
    row.update(key=key, document=doc_key, **extra, sort_key=_sort_key(doc_key, item["start"], ordinal))
    return row


@dataclass
class DepartmentRows:
    """The departments one document's rows refer to, keyed within their
    jurisdiction: the one the record gives (an assignment's or mention's own),
    else the one the gazetteer resolves; full name and kind come from the
    gazetteer in that jurisdiction."""

    gazetteer: object
    jurisdiction: str | None
    rows: dict[str, dict] = field(default_factory=dict)
    resolved: dict[tuple, str] = field(default_factory=dict)  # (name, jurisdiction) -> key, resolved once

    def key(self, name: str, jurisdiction: str | None = None) -> str:
        """The key of the department ``name`` of ``jurisdiction`` (default:
        as resolved in the document's), adding its row once."""
        memo = self.resolved.get((name, jurisdiction))
        if memo is not None:
            return memo
        resolved = self.gazetteer.resolve(name, jurisdiction or self.jurisdiction)
        where = jurisdiction or resolved.jurisdiction or self.jurisdiction
        dkey = department_key(name, where)
        self.rows.setdefault(dkey, {"key": dkey, "name": name, "full_name": resolved.full_name,
                                    "jurisdiction": where, "kind": resolved.kind})
        self.resolved[(name, jurisdiction)] = dkey
        return dkey


def document_row(record: Record, doc_key: str, data: dict | None = None) -> dict:
    """The ``documents`` row: the document's fields, its counts and its source."""
    d = record.document
    data = data or record_data(record)
    document = dict(data["document"])
    document.update(
        key=doc_key, cites=_json(d.cites or []),
        section_count=len(record.sections), task_count=len(record.tasks), target_count=len(record.targets),
        source_path=record.source.get("path"), source_format=record.source.get("format"),
        source_encoding=record.source.get("encoding"), warnings=_json(record.source.get("warnings") or []),
        text=record.text, record_hash=record_hash(record, data),
    )
    document["title_start"], document["title_end"] = title_span(record.text, d.title, d.title_start, d.title_end)
    for extra, value in record.source.items():
        if extra not in ("path", "format", "encoding", "warnings"):
            document[f"source_{extra}"] = value if isinstance(value, (str, int, float, type(None))) else _json(value)
    return document


def title_span(text: str, title: str | None, start: int | None, end: int | None) -> tuple[int | None, int | None]:
    """The stored span of the title: the record's when it holds the title,
    else where the title is first written, else none (a lone 《 or 》 in
    or beside the title never leaves a span that is not the title).

    >>> title_span("关于印发《节能方案的通知", "《节能方案", None, None)
    (4, 9)
    >>> title_span("节能方案》", "节能方案》", 0, 4)
    (0, 5)
    """
    if not title or not text:
        return start, end
    if start is not None and end is not None and text[start:end] == title:
        return start, end
    at = text.find(title)
    return (at, at + len(title)) if at >= 0 else (None, None)


def section_rows(record: Record, doc_key: str, departments: DepartmentRows,
                 data: dict | None = None) -> tuple[list, list, dict, dict]:
    """The ``sections`` and ``mentions`` rows, and the section keys by record
    id and by path (the first section at a path)."""
    items = (data or record_data(record))["sections"]
    section_keys = unique_keys(f"{doc_key}/{s.path}" for s in record.sections)
    key_of_section = {s.id: k for s, k in zip(record.sections, section_keys)}
    key_of_path: dict[str, str] = {}
    sections, mentions = [], []
    for i, (s, skey) in enumerate(zip(record.sections, section_keys)):
        key_of_path.setdefault(s.path, skey)
        sections.append(_item_row(items[i], skey, doc_key, i, "mentions", parent=key_of_section.get(s.parent_id)))
        for n, m in enumerate(s.mentions, 1):
            mentions.append({"key": f"{skey}#m{n}", "document": doc_key, "section": skey,
                             "department": departments.key(m.department, m.jurisdiction), "jurisdiction": m.jurisdiction,
                             "as_written": m.as_written,
                             "start": m.start, "end": m.end})
    return sections, mentions, key_of_section, key_of_path


def task_rows(record: Record, doc_key: str, departments: DepartmentRows,
              key_of_section: dict, data: dict | None = None) -> tuple[list, list, dict]:
    """The ``tasks`` and ``assignments`` rows, and the task keys by path."""
    items = (data or record_data(record))["tasks"]
    task_keys = unique_keys(f"{doc_key}/{t.path}" for t in record.tasks)
    task_of_path: dict[str, str] = {}
    tasks, assignments = [], []
    for i, (t, tkey) in enumerate(zip(record.tasks, task_keys)):
        task_of_path.setdefault(t.path, tkey)
        names = list(dict.fromkeys(a.department for a in t.assignments))
        keys = list(dict.fromkeys(departments.key(a.department, a.jurisdiction) for a in t.assignments))
        row = _item_row(items[i], tkey, doc_key, i, "assignments", section=key_of_section.get(t.section_id),
                        departments=_json(names), department_keys=_json(keys), notes=_json(t.notes))
        tasks.append(row)
        for n, a in enumerate(t.assignments, 1):
            arow = dict(items[i]["assignments"][n - 1])
            arow.update(key=f"{tkey}#{n}", task=tkey, document=doc_key, department=departments.key(a.department, a.jurisdiction),
                        inherited=int(bool(a.inherited)), position=n,
                        sort_key=f"{row['sort_key']}:{n:03d}")
            assignments.append(arow)
    return tasks, assignments, task_of_path


def target_rows(record: Record, doc_key: str, key_of_path: dict, task_of_path: dict,
                vocab=None, data: dict | None = None) -> list[dict]:
    """The ``targets`` rows, numbered within their path (``#t1``, ``#t2``…)."""
    items = (data or record_data(record))["targets"]
    targets = []
    per_path: dict[str, int] = {}
    for i, t in enumerate(record.targets):
        per_path[t.path] = per_path.get(t.path, 0) + 1
        prefix = f"{doc_key}/{t.path}" if t.path else doc_key
        row = _item_row(items[i], f"{prefix}#t{per_path[t.path]}", doc_key, i, section=key_of_path.get(t.path),
                        task=task_of_path.get(t.path))
        if row.get("value_base") is None:
            row["value_base"], row["unit_base"] = base_quantity(t.value, t.unit, vocab)
        targets.append(row)
    return targets


def record_rows(record: Record, key: str | None = None, vocab=None, data: dict | None = None) -> dict[str, list[dict]]:
    """The rows one record becomes, by table (pure: no database); ``data``
    is the record's :func:`record_data` when already made.

    Departments are resolved through the gazetteer of ``vocab`` (default:
    the shipped vocabulary) for their full name and kind.
    """
    from ..departments import load_gazetteer

    vocab = default_vocabulary(vocab)
    d = record.document
    fallback = Path(record.source.get("path") or "document").stem
    doc_key = key or document_key(d.doc_number, d.title, fallback, vocab=vocab)
    departments = DepartmentRows(load_gazetteer(vocab), d.jurisdiction)
    data = data or record_data(record)
    document = document_row(record, doc_key, data)
    sections, mentions, key_of_section, key_of_path = section_rows(record, doc_key, departments, data)
    tasks, assignments, task_of_path = task_rows(record, doc_key, departments, key_of_section, data)
    targets = target_rows(record, doc_key, key_of_path, task_of_path, vocab, data)
    citations = [{"key": f"{doc_key}>{number}", "document": doc_key, "cited_number": number,
                  "cited_document": None}
                 for number in dict.fromkeys(d.cites or [])]
    tables = {"documents": [document], "sections": sections, "tasks": tasks,
              "departments": list(departments.rows.values()), "assignments": assignments,
              "targets": targets, "mentions": mentions, "citations": citations}
    for rows in tables.values():
        for row in rows:
            fit_integers(row)
    return tables


#: SQLite's INTEGER is 64 bits
_INT_MIN, _INT_MAX = -(2 ** 63), 2 ** 63 - 1


def fit_integers(row: dict) -> dict:
    """Store an integer too large for SQLite's INTEGER as a REAL (建成
    10000000000000000000个项目 extracts, and must store).

    >>> fit_integers({"value": 10 ** 19, "start": 5})
    {'value': 1e+19, 'start': 5}
    """
    for name, value in row.items():
        if type(value) is int and not _INT_MIN <= value <= _INT_MAX:
            row[name] = float(value)
    return row

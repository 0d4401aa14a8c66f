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
them (``tasks_words`` keeps the cut the pipeline made), external-content so
the text is stored once, and :func:`~.search.fts_query` cuts a query the same way.

Modules: :mod:`.schema` (tables, columns, indexes), :mod:`.keys` (document,
department and path keys), :mod:`.search` (jieba words for the full-text
index and queries), :mod:`.rows` (record -> rows), :mod:`.db` (open, load,
delete, link citations, prune). This package knows the record (``models``),
the department gazetteer and the segmenter; it never imports read,
structure or extract.
"""
from __future__ import annotations

from .db import (database_content, delete_document, ensure_index_version, index_version, reindex_all, delete_stale_keys, index_tasks, insert_rows, link_citations,
                 load_record, load_rows, mark_duplicate, open_database, prune_departments, stamp_source, stored_hash,
                 stored_source)
from .keys import department_key, document_key, load_prefixes, slug_prefix, unique_keys
from .rows import base_quantity, record_data, record_hash, record_rows
from .schema import DOCUMENT_TABLES, ROLES, SCHEMA, SCHEMA_VERSION, ensure_schema
from .search import fts_query, has_han, index_chars, index_text, search_tokens, task_codes, task_index_values

__all__ = [
    "DOCUMENT_TABLES", "ROLES", "SCHEMA", "SCHEMA_VERSION", "base_quantity", "database_content", "delete_document",
    "delete_stale_keys", "department_key", "document_key", "ensure_index_version", "ensure_schema", "index_version", "fts_query", "has_han", "index_chars",
    "index_tasks", "index_text", "insert_rows", "link_citations", "load_prefixes", "load_record", "load_rows", "mark_duplicate", "open_database",
    "prune_departments", "record_data", "record_hash", "reindex_all", "task_codes", "task_index_values", "record_rows", "search_tokens", "slug_prefix", "stamp_source", "stored_hash",
    "stored_source", "unique_keys",
]

"""How cells and links look on the site: URLs of the policykb pages (keys
tilde-encoded as Datasette encodes them), Chinese labels for codes and column
headers, department names linked by key, long text folded, a record's
``start`` linked to its span in the document."""
from __future__ import annotations

import json
from urllib.parse import urlencode

from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from .. import pages
from ..doctext import MARK_ID, MARKABLE
from ..search import highlight, search_terms

#: text longer than this is folded on table pages (the summary shows its start)
FOLD_AT = 120
FOLDED_COLUMNS = {"text", "notes", "source_original_text", "full_name", "as_written", "title"}
#: the parameter of the document page that marks a row of each table
MARK_PARAMETER = {table: parameter for parameter, table in MARKABLE.items()}


class Links:
    """The URLs of the policykb pages, for templates and cells."""

    def __init__(self, datasette):
        self.urls = datasette.urls

    def department(self, key: str) -> str:
        return self.urls.path("/-/departments/" + tilde_encode(key))

    def department_file(self, key: str, extension: str) -> str:
        return self.urls.path(f"/-/departments/{tilde_encode(key)}/tasks.{extension}")

    def departments(self, **args) -> str:
        query = urlencode({k: v for k, v in args.items() if v})
        return self.urls.path("/-/departments") + ("?" + query if query else "")

    def row(self, database: str, table: str, key: str) -> str:
        return self.urls.row(database, table, tilde_encode(str(key)))

    def document(self, key: str, **mark) -> str:
        """The document page; with ``task=KEY`` (or section, target…) that record's span marked."""
        url = self.urls.path("/-/documents/" + tilde_encode(key))
        if mark:
            url += "?" + urlencode(mark) + "#" + MARK_ID
        return url

    def plan(self, key: str, extension: str | None = None) -> str:
        return self.urls.path(f"/-/documents/{tilde_encode(key)}/tasks" + (f".{extension}" if extension else ""))


def row_context(table: str, row) -> dict | None:
    """Where a row comes from, for its row page: its document, section, task,
    department, and the parameter that marks its span in the document."""
    if row is None or table not in MARK_PARAMETER and table not in ("documents", "departments"):
        return None
    values = dict(zip(row.keys(), row))
    if table == "documents":
        return {"document": values.get("key")}
    if table == "departments":
        return {"department": values.get("key")}
    context = {name: values.get(name) for name in ("document", "section", "task", "department")}
    if values.get("start") is not None:
        context["mark"] = {MARK_PARAMETER[table]: values.get("key")}
    return context


def table_words(datasette, database: str, table: str, key: str) -> str:
    """A table's title or description from the metadata (its name when it has no title)."""
    value = datasette.metadata(key, database=database, table=table, fallback=False)
    return value or (table if key == "title" else "")


def facet_label(column: str, facet_value: dict) -> str:
    """What a facet shows for a value: a department by its key (重庆市/市发展改革委, not only
    its name, which many cities share), a code in Chinese, else Datasette's label."""
    value, label = facet_value.get("value"), facet_value.get("label")
    if column in ("department", "cited_document") or column.endswith("_keys"):
        return str(value if value is not None else label)
    return pages.site_words().code_label(column, value) or str(label if label is not None else "")


def template_helpers(datasette) -> dict:
    words = pages.site_words()
    return {
        "pk_row_context": row_context,
        "pk_facet_label": facet_label,
        "pk_table_title": lambda database, table: table_words(datasette, database, table, "title"),
        "pk_table_description": lambda database, table: table_words(datasette, database, table, "description"),
        "pk": Links(datasette),
        "pk_words": words,
        "pk_column_label": lambda name: words.columns.get(name, name),
        "pk_hidden_columns": lambda table: set(words.hidden_columns.get(table or "", ())),
        "pk_code_label": lambda column, value: words.code_label(column, value) or value,
    }


def fold(text: str) -> Markup:
    """Long text as its start, with the rest behind a click (展开)."""
    words = pages.site_words().messages
    return Markup('<details class="pk-long"><summary>{}…<span class="pk-expand">{}</span></summary>{}</details>').format(
        text[:FOLD_AT // 2], words["expand"], text)


async def department_links(datasette, database: str, task: str) -> Markup:
    """The departments of a task, each linked to its page by key."""
    db = datasette.get_database(database)
    rows = (await db.execute(
        "select a.department, d.name, min(a.position) as p from assignments a join departments d "
        "on d.key = a.department where a.task = :task group by a.department order by p", {"task": task})).rows
    links = Links(datasette)
    return Markup(pages.site_words().messages["name_joiner"]).join(
        Markup('<a href="{}">{}</a>').format(links.department(r["department"]), r["name"]) for r in rows)


def raw(value):
    """A cell's value, whether Datasette has expanded it to its label or not."""
    return value["value"] if isinstance(value, dict) and "value" in value else value


def render(row, value, column, table, database, datasette):
    """The cell as the site shows it, or None for Datasette's own rendering."""
    words = pages.site_words()
    keys = row.keys() if hasattr(row, "keys") else ()
    if table == "departments" and column == "name" and isinstance(value, str) and "key" in keys:
        return Markup('<a href="{}">{}</a>').format(Links(datasette).department(raw(row["key"])), value)
    if table == "tasks" and column in ("departments", "department_keys") and "key" in keys:
        return department_links(datasette, database, raw(row["key"]))
    if column == "snippet" and table is None and "search" in keys and isinstance(value, str):
        return highlight(value, search_terms(row["search"] or ""), None)
    if column == "start" and table in MARK_PARAMETER and value is not None and {"key", "document"} <= set(keys):
        url = Links(datasette).document(raw(row["document"]), **{MARK_PARAMETER[table]: raw(row["key"])})
        return Markup('<a href="{}" class="pk-source">{}</a>').format(url, value)
    if column == "department" and table is None and isinstance(value, str) and "/" in value:
        return Markup('<a href="{}">{}</a>').format(Links(datasette).department(value), value)
    if column == "task" and table is None and isinstance(value, str) and "/" in value:
        return Markup('<a href="{}">{}</a>').format(Links(datasette).row(database, "tasks", value), value)
    label = words.code_label(column, value) if value is not None else None
    if label is not None:
        return Markup('<span title="{}">{}</span>').format(value, label)
    if column == "notes" and isinstance(value, str) and value.startswith("["):
        try:
            return escape(words.messages["target_joiner"].join(n["text"] for n in json.loads(value)))
        except (ValueError, KeyError, TypeError):
            return None
    if column in FOLDED_COLUMNS and isinstance(value, str) and len(value) > FOLD_AT:
        return fold(value)
    return None

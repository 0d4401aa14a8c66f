"""The policykb Datasette plugin (entry point ``policykb`` in pyproject.toml).

A package so that Datasette finds its ``templates/`` (which also override
Datasette's index, database, table and row templates, in Chinese).

- Chinese search: ``zh_fts_query(q)`` cuts a query with jieba the way
  :mod:`policykb.store` cut the indexed text; Datasette's own ``escape_fts``,
  which the table search box calls, is replaced by it for Han queries;
  ``/-/search`` ranks tasks by relevance with the words in ``<mark>``.
- ``/-/departments`` (searchable, by jurisdiction) and
  ``/-/departments/KEY`` (one department by its key, 重庆市/市发展改革委, with
  its tasks by role and its 任务分工表 as xlsx).
- ``/-/documents/KEY`` a plan's text with its outline, a record's span in
  ``<mark>``; ``/-/documents/KEY/tasks`` its 任务分工表 (also .xlsx, .csv).
- Cells: Chinese labels for codes, department names linked by key, long
  text folded, ``start`` linked to the span in the document.
- ``.xlsx`` on every table and query page (Chinese column headers).
- Safe serving: a cap on the size of any one value SQLite makes, and a
  read-only site (anything but GET/HEAD is 405).
"""
from __future__ import annotations

import asyncio
import sqlite3

from datasette import hookimpl
from datasette.utils import escape_fts
from datasette.utils.asgi import Response

from ... import store
from .. import export, pages, plans, search
from . import cells, translate, views

#: the largest string or blob one query may build (SQLite's SQLITE_LIMIT_LENGTH):
#: a document's whole text is well under it, ``zeroblob(900000000)`` is an error at once
MAX_VALUE_BYTES = 10_000_000
#: the most memory SQLite may take in this process, whatever the queries
HEAP_LIMIT_BYTES = 512 * 1024 * 1024

READ_METHODS = ("GET", "HEAD", "OPTIONS")


def search_expression(query: str) -> str:
    """What the search box's query becomes: the jieba form when it has Han
    characters, Datasette's own escaping otherwise.

    >>> search_expression('"air quality" PM2.5')
    '"air quality" "PM2.5"'
    >>> search_expression("  ")  # an empty phrase, not an FTS5 syntax error
    '""'
    """
    if store.has_han(query or ""):
        return store.fts_query(query)
    return escape_fts(query) or '""'


@hookimpl(trylast=True)
def prepare_connection(conn):
    # trylast: runs after Datasette's own prepare_connection, so this
    # escape_fts is the one the table search box calls
    conn.create_function("zh_fts_query", 1, store.fts_query, deterministic=True)
    conn.create_function("escape_fts", 1, search_expression, deterministic=True)
    conn.create_function("zh_snippet", 2, search.snippet_text, deterministic=True)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.execute(f"pragma hard_heap_limit = {HEAP_LIMIT_BYTES}")


@hookimpl
def startup(datasette):
    # facet suggestions run a query per column on every table page and show
    # English hints staff do not need (`policykb serve` may also pass the setting)
    datasette._settings["suggest_facets"] = False
    translate.install(datasette, pages.site_words().templates)

    # load jieba and its department words now, not on the first search
    async def inner():
        await asyncio.to_thread(store.search_tokens, pages.site_words().messages["warm_up_query"])

    return inner


@hookimpl
def register_routes():
    return views.ROUTES


@hookimpl
def asgi_wrapper(datasette):
    """The site is read-only: a POST (or PUT, DELETE…) anywhere is 405, not a 500."""
    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope.get("method", "GET") not in READ_METHODS:
                body = pages.site_words().messages["method_not_allowed"].encode("utf-8")
                await send({"type": "http.response.start", "status": 405,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                        (b"allow", ", ".join(READ_METHODS).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
            await app(scope, receive, send)
        return read_only
    return wrap


def render_xlsx(columns, rows, table, query_name, database):
    """``.xlsx`` on any table or query page: the rows as a workbook."""
    stem = table or query_name or database
    return Response(export.rows_to_xlsx(columns, rows), content_type=export.XLSX_TYPE,
                    headers={"content-disposition": export.download_name(stem, "xlsx")})


@hookimpl
def register_output_renderer(datasette):
    return {"extension": "xlsx", "render": render_xlsx}


@hookimpl
def extra_template_vars(template, datasette):
    helpers = cells.template_helpers(datasette)
    if template != "index.html":
        return helpers

    async def with_documents():  # the home page lists the plans
        db = await pages.find_database(datasette)
        return dict(helpers, pk_database=db.name if db else None,
                    pk_documents=await plans.document_list(db) if db else [])
    return with_documents


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    return cells.render(row, value, column, table, database, datasette)


@hookimpl
def menu_links(datasette):
    menu = pages.site_words().menu
    return [{"href": datasette.urls.path("/-/documents"), "label": menu["plans"]},
            {"href": datasette.urls.path("/-/departments"), "label": menu["departments"]},
            {"href": datasette.urls.path("/-/search"), "label": menu["search"]}]

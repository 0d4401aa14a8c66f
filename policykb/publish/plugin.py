"""The policykb Datasette plugin (entry point ``policykb`` in pyproject.toml).

- Chinese search: ``zh_fts_query(q)`` cuts a query with jieba the way
  :mod:`policykb.store` cut the indexed text, for canned queries; and
  Datasette's own ``escape_fts``, which the table search box calls, is
  replaced by it for queries with Han characters.
- ``/-/departments`` lists every department with its task counts, and
  ``/-/departments/NAME`` shows one department's tasks by role with the
  co-assigned departments: the page staff open first.
- Department names in the ``departments`` table and the ``departments``
  column of ``tasks`` link to their page.
"""
from __future__ import annotations

import asyncio
import json

from datasette import hookimpl
from datasette.utils import escape_fts, tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from .. import store
from . import pages


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


def department_path(datasette, name: str) -> str:
    """The department page's URL, tilde-encoded as Datasette encodes names
    (a %-encoded path is redirected there)."""
    return datasette.urls.path("/-/departments/" + tilde_encode(name))


@hookimpl(trylast=True)
def prepare_connection(conn):
    # trylast: runs after Datasette's own prepare_connection, so this
    # escape_fts is the one the table search box calls
    conn.create_function("zh_fts_query", 1, store.fts_query, deterministic=True)
    conn.create_function("escape_fts", 1, search_expression, deterministic=True)


async def departments_view(datasette, request):
    db = await pages.find_database(datasette)
    if db is None:
        raise NotFound("no policykb database is attached")
    rows = await pages.department_index(db)
    template = datasette.jinja_env.from_string(pages.template_source("policykb_departments.html"))
    return Response.html(await datasette.render_template(
        template, {"departments": rows, "database": db.name, "department_path": lambda n: department_path(datasette, n)},
        request=request))


async def department_view(datasette, request):
    name = tilde_decode(request.url_vars["name"])
    db = await pages.find_database(datasette)
    if db is None:
        raise NotFound("no policykb database is attached")
    found = await pages.department_pages(db, name)
    jurisdiction = request.args.get("jurisdiction")
    if jurisdiction:
        found = [page for page in found if page.jurisdiction == jurisdiction]
    if not found:
        raise NotFound(pages.site_words().messages["department_not_found"].format(name=name))
    template = datasette.jinja_env.from_string(pages.template_source("policykb_department.html"))
    return Response.html(await datasette.render_template(
        template, {"name": name, "departments": found, "database": db.name, "role_label": pages.role_label,
                   "department_path": lambda n: department_path(datasette, n)},
        request=request))


@hookimpl
def startup(datasette):
    # load jieba and its department words now, not on the first search
    async def inner():
        await asyncio.to_thread(store.search_tokens, pages.site_words().messages["warm_up_query"])

    return inner


@hookimpl
def register_routes():
    return [
        (r"^/-/departments$", departments_view),
        (r"^/-/departments/(?P<name>.+)$", department_view),
    ]


@hookimpl
def render_cell(row, value, column, table, datasette):
    if table == "departments" and column == "name" and isinstance(value, str):
        target = row["key"] if "key" in row.keys() else value
        return Markup('<a href="{}">{}</a>').format(department_path(datasette, target), escape(value))
    if table == "tasks" and column == "departments" and isinstance(value, str):
        try:
            names = json.loads(value)
        except ValueError:
            return None
        if isinstance(names, list):
            return Markup(pages.site_words().messages["name_joiner"]).join(Markup('<a href="{}">{}</a>').format(department_path(datasette, str(n)), n)
                                    for n in names)
    return None


@hookimpl
def menu_links(datasette):
    return [{"href": datasette.urls.path("/-/departments"), "label": pages.site_words().menu["departments"]}]

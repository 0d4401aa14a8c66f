"""The policykb pages (routes of :mod:`policykb.publish.plugin`): departments,
documents with their text and their 任务分工表, downloads, ranked search."""
from __future__ import annotations

from urllib.parse import unquote

from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Response
from datasette.views.base import DatasetteError

from .. import doctext, export, pages, plans, search


def url_part(value: str) -> str:
    """A name from the URL, whether tilde-encoded (as the site links it) or %-encoded (as typed).

    >>> url_part("~E5~B8~82"), url_part("%E5%B8%82"), url_part("cq-2022-39")
    ('市', '市', 'cq-2022-39')
    """
    return unquote(tilde_decode(value))


def page_view(view):
    """A view of a policykb database: a query over the time limit is an error page, not a 500."""
    async def inner(datasette, request):  # not functools.wraps: Datasette reads the signature
        db = await pages.find_database(datasette)
        if db is None:
            raise NotFound("no policykb database is attached")
        try:
            return await view(datasette, request, db)
        except QueryInterrupted:
            words = pages.site_words().messages
            raise DatasetteError(words["query_interrupted"], title=words["query_interrupted_title"], status=400)
    inner.__name__, inner.__doc__ = view.__name__, view.__doc__
    return inner


async def render(datasette, request, template: str, context: dict) -> Response:
    return Response.html(await datasette.render_template(template, context, request=request))


def download(body: bytes, content_type: str, stem: str, extension: str) -> Response:
    return Response(body, content_type=content_type,
                    headers={"content-disposition": export.download_name(stem, extension)})


def table_file(rows, stem: str, title: str, file_format: str, with_document: bool) -> Response:
    if file_format == "xlsx":
        return download(export.to_xlsx(rows, title, with_document), export.XLSX_TYPE, stem, "xlsx")
    return download(export.to_csv(rows, with_document), export.CSV_TYPE, stem, "csv")


@page_view
async def departments_view(datasette, request, db):
    q = request.args.get("q", "").strip()
    jurisdiction = request.args.get("jurisdiction", "")
    page = pages.page_number(request.args.get("page"))
    rows, total = await pages.department_index(db, q, jurisdiction, page)
    return await render(datasette, request, "policykb_departments.html", {
        "departments": rows, "total": total, "q": q, "jurisdiction": jurisdiction, "page": page,
        "pages": max(1, -(-total // pages.INDEX_PAGE_SIZE)), "jurisdictions": await pages.jurisdictions(db),
        "database": db.name})


async def find_department(db, request) -> list[dict]:
    name = url_part(request.url_vars["name"])
    found = await pages.department_matches(db, name, request.args.get("jurisdiction", ""))
    if not found:
        raise NotFound(pages.site_words().messages["department_not_found"].format(name=name))
    return found


@page_view
async def department_view(datasette, request, db):
    found = await find_department(db, request)
    if len(found) > 1:  # a name several jurisdictions use: pick one
        return await render(datasette, request, "policykb_department_pick.html", {
            "name": found[0]["name"], "departments": found, "database": db.name})
    dept = await pages.department_page(db, found[0], pages.page_number(request.args.get("page")))
    return await render(datasette, request, "policykb_department.html", {
        "dept": dept, "name": dept.name, "others": await pages.same_name(db, dept.name),
        "role_label": pages.role_label, "database": db.name})


@page_view
async def department_file_view(datasette, request, db):
    found = await find_department(db, request)
    if len(found) > 1:
        raise NotFound(pages.site_words().messages["department_not_found"].format(name=found[0]["name"]))
    rows = await plans.department_rows(db, found[0]["key"])
    return table_file(rows, found[0]["key"].replace("/", "-"), found[0]["key"], request.url_vars["format"], True)


async def find_document(db, request) -> dict:
    key = url_part(request.url_vars["key"])
    document = await plans.document_row(db, key)
    if document is None:
        raise NotFound(pages.site_words().messages["document_not_found"].format(name=key))
    return document


@page_view
async def documents_view(datasette, request, db):
    return await render(datasette, request, "policykb_documents.html", {
        "documents": await plans.document_list(db), "database": db.name})


@page_view
async def plan_view(datasette, request, db):
    document = await find_document(db, request)
    return await render(datasette, request, "policykb_plan.html", {
        "document": document, "rows": await plans.plan_rows(db, document["key"]), "database": db.name,
        "role_label": pages.role_label})


@page_view
async def plan_file_view(datasette, request, db):
    document = await find_document(db, request)
    rows = await plans.plan_rows(db, document["key"])
    return table_file(rows, document["key"], document["title"] or document["key"], request.url_vars["format"],
                      False)


@page_view
async def document_view(datasette, request, db):
    document = await find_document(db, request)
    span, marked, marked_key = await doctext.mark_span(db, document["key"], request.args)
    sections = await doctext.outline(db, document["key"])
    anchors = [(s["start"], doctext.section_anchor(s["path"])) for s in sections if s["start"] is not None]
    text = doctext.render_text(await doctext.document_text(db, document["key"]), anchors, span)
    return await render(datasette, request, "policykb_document.html", {
        "document": document, "sections": sections, "text": text, "marked": marked, "marked_key": marked_key,
        "mark_id": doctext.MARK_ID, "section_anchor": doctext.section_anchor, "database": db.name})


@page_view
async def search_view(datasette, request, db):
    q = request.args.get("q", "").strip()
    page = pages.page_number(request.args.get("page"))
    results = await search.search_tasks(db, q, page) if q else []
    return await render(datasette, request, "policykb_search.html", {
        "q": q, "results": results, "page": page, "page_size": search.PAGE_SIZE, "database": db.name})


#: the routes, most specific first (a department key may hold "/")
ROUTES = [
    (r"^/-/departments$", departments_view),
    (r"^/-/departments/(?P<name>.+)/tasks\.(?P<format>xlsx|csv)$", department_file_view),
    (r"^/-/departments/(?P<name>.+)$", department_view),
    (r"^/-/documents$", documents_view),
    (r"^/-/documents/(?P<key>.+)/tasks\.(?P<format>xlsx|csv)$", plan_file_view),
    (r"^/-/documents/(?P<key>.+)/tasks$", plan_view),
    (r"^/-/documents/(?P<key>.+)$", document_view),
    (r"^/-/search$", search_view),
]

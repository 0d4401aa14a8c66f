"""A document's text as a page shows it: escaped, with an anchor at every
section's start (for the outline) and the span of one record (a task, an
assignment, a target…) in ``<mark>``, found by its ``start``/``end``."""
from __future__ import annotations

from markupsafe import Markup, escape

#: ``?task=KEY`` on a document page marks that task's span: the parameter names the table
MARKABLE = {"section": "sections", "task": "tasks", "assignment": "assignments", "target": "targets",
            "mention": "mentions"}

MARK_ID = "pk-mark"


def section_anchor(path: str) -> str:
    """The id of a section's anchor on the document page.

    >>> section_anchor("3.1")
    's-3.1'
    """
    return "s-" + path


def render_text(text: str, anchors: list[tuple[int, str]], mark: tuple[int, int] | None = None) -> Markup:
    """``text`` escaped, with an empty ``<span id=…>`` at each (position, id) of
    ``anchors`` and ``<mark>`` around the ``mark`` span.

    >>> str(render_text("一、总体<要求>", [(0, "s-1")], (3, 7)))
    '<span class="pk-anchor" id="s-1"></span>一、总<mark id="pk-mark">体&lt;要求</mark>&gt;'
    """
    events: dict[int, list[Markup]] = {}
    for position, anchor in anchors:
        events.setdefault(position, []).append(Markup('<span class="pk-anchor" id="{}"></span>').format(anchor))
    if mark and 0 <= mark[0] < mark[1] <= len(text):
        events.setdefault(mark[0], []).append(Markup('<mark id="{}">').format(MARK_ID))
        events.setdefault(mark[1], []).insert(0, Markup("</mark>"))
    out, last = [], 0
    for position in sorted(p for p in events if 0 <= p <= len(text)):
        out.append(escape(text[last:position]))
        out.extend(events[position])
        last = position
    out.append(escape(text[last:]))
    return Markup("").join(out)


async def mark_span(db, document: str, args) -> tuple[tuple[int, int] | None, str | None, str | None]:
    """The span a request's ``?task=KEY`` (or section, assignment, target,
    mention) asks to mark in ``document``: (span, parameter, key)."""
    for parameter, table in MARKABLE.items():
        key = args.get(parameter)
        if not key:
            continue
        rows = (await db.execute(f"select start, [end] from [{table}] where key = :key and document = :document",
                                 {"key": key, "document": document})).rows
        if rows and rows[0][0] is not None and rows[0][1] is not None:
            return (rows[0][0], rows[0][1]), parameter, key
    return None, None, None


_OUTLINE_SQL = """
select key, path, level, label, title, start,
       (select count(*) from tasks where tasks.section = s.key) as tasks
from sections s where document = :document order by sort_key
"""


async def outline(db, document: str) -> list[dict]:
    """The sections of a document in reading order, with their task counts."""
    return [dict(r) for r in (await db.execute(_OUTLINE_SQL, {"document": document})).rows]


async def document_text(db, document: str) -> str:
    rows = (await db.execute("select text from documents where key = :key", {"key": document})).rows
    return rows[0][0] or "" if rows else ""

"""Search as staff meet it: tasks ranked by relevance (FTS5's bm25 over the
search index of :mod:`policykb.store`), each with a snippet of its text where
the words searched for are in ``<mark>``."""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from .. import store

PAGE_SIZE = 20
#: characters of text either side of the first match in a snippet
SNIPPET_CONTEXT = 50

# bm25 weights of the index's columns (title, text, chars): a word in the title counts double
_SEARCH_SQL = """
select t.key, t.path, t.title, t.text, t.document, doc.title as document_title,
       bm25(tasks_fts, 2.0, 1.0, 0.5) as rank
from tasks_fts
join tasks t on t.rowid = tasks_fts.rowid
join documents doc on doc.key = t.document
where tasks_fts match :match
order by rank, t.sort_key
limit :limit offset :offset
"""


def search_terms(query: str) -> list[str]:
    """What to highlight for a query: each part as typed and its jieba words, longest first.

    >>> search_terms("节能减排 PM2.5")
    ['PM2.5', '节能减排', '减排', '节能']
    """
    terms = set()
    for part in (query or "").replace('"', " ").split():
        terms.add(part)
        if store.has_han(part):
            terms.update(w for w in store.search_tokens(part) if len(w) > 1 or len(part) == 1)
    return sorted(terms, key=lambda t: (-len(t), t))


def highlight(text: str, terms: list[str], context: int | None = SNIPPET_CONTEXT) -> Markup:
    """``text`` escaped, every occurrence of a term in ``<mark>``; with ``context``,
    only the stretch around the first occurrence (… where cut).

    >>> str(highlight("实施钢铁行业超低排放改造", ["超低排放", "钢铁"], context=6))
    '实施<mark>钢铁</mark>行业<mark>超低排放</mark>改造'
    >>> str(highlight("一二三四五六七八九十钢铁", ["钢铁"], context=2))
    '…九十<mark>钢铁</mark>'
    """
    text = text or ""
    if not terms:
        return escape(text[:2 * context] if context else text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    first = pattern.search(text)
    start, end = 0, len(text)
    if context is not None:
        centre = first.start() if first else 0
        start, end = max(0, centre - context), min(len(text), centre + 3 * context)
    out = [Markup("…")] if start > 0 else []
    last = start
    for match in pattern.finditer(text, start, end):
        out.append(escape(text[last:match.start()]))
        out.append(Markup("<mark>{}</mark>").format(match.group()))
        last = match.end()
    out.append(escape(text[last:end]))
    if end < len(text):
        out.append(Markup("…"))
    # words jieba cut apart but that stand side by side read as one match
    return Markup(Markup("").join(out).replace("</mark><mark>", ""))


def snippet_text(text: str | None, query: str | None) -> str:
    """The stretch of ``text`` around the first word of ``query``, as plain text
    (the SQL function ``zh_snippet`` of canned queries).

    >>> snippet_text("一二三四五六七八九十钢铁", "钢铁")[-3:]
    '十钢铁'
    """
    return str(highlight(text or "", search_terms(query or "")).striptags()) if text else ""


@dataclass
class SearchResult:
    key: str
    path: str
    title: Markup
    snippet: Markup
    document: str
    document_title: str | None


async def search_tasks(db, query: str, page: int = 1) -> list[SearchResult]:
    """One page of the tasks matching ``query``, most relevant first."""
    match = await asyncio.to_thread(store.fts_query, query)
    terms = await asyncio.to_thread(search_terms, query)
    params = {"match": match, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}
    rows = (await db.execute(_SEARCH_SQL, params)).rows
    return [SearchResult(key=r["key"], path=r["path"], title=highlight(r["title"] or "", terms, None),
                         snippet=highlight(r["text"], terms), document=r["document"],
                         document_title=r["document_title"]) for r in rows]

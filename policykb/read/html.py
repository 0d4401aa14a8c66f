"""A government web page: the article body as paragraphs, without the page
around it (navigation, share buttons, print/close links, footers).

The article is the first block matching a known content selector of
government sites (``data/read.yml``), else the block holding the most
non-link Chinese text. ``<p>``, ``<div>``, ``<br>`` and other block breaks
become line breaks; tables become lines, task-assignment tables numbered
tasks (:mod:`policykb.read.tables`).
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from ..models import PolicyKBError, Source
from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .tables import find_task_header, render_table
from .text import decode_bytes

_BLOCK = frozenset("""p div br h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr section article main
blockquote pre center hr body address figure figcaption caption""".split())
# blocks that may hold an article (a <p> is a paragraph, not a container)
_CONTAINER = frozenset("div article section main td body blockquote center".split())
# white space in the page source: a run holding a line break is marked (NUL),
# so that one standing between Chinese characters (source formatting,
# ``<span>重庆市</span>\n<span>人民政府</span>``) can be dropped once the line
# is assembled (``compile_patterns(vocab).read.break_in_cjk``); other runs are one space, as a browser shows them
_SOURCE_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_MARKED_SPACES = re.compile(r"[ \x00]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.I)


def decode_html(data: bytes, path) -> tuple[str, str]:
    """Decode a page by its declared charset, else as UTF-8 or GB18030.

    >>> decode_html('<meta charset="gb2312"><p>节能</p>'.encode("gbk"), "a.html")
    ('<meta charset="gb2312"><p>节能</p>', 'gb18030')
    """
    match = _META_CHARSET.search(data[:4096])
    if match and not data.startswith(b"\xef\xbb\xbf"):
        declared = match.group(1).decode("ascii").lower()
        # GB2312 and GBK pages use GBK characters freely: read all with GB18030
        encoding = "gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk") else declared
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, path)


def _is_dropped(node, vocab) -> bool:
    words = vocab.read
    if node.tag in words.drop_tags:
        return True
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if not names.strip():
        return False
    tokens = names.split()
    if any(word in token for token in tokens for word in words.keep_class_words):
        return False
    return any(word in token for token in tokens for word in words.drop_class_words)


def _table_rows(table, vocab) -> list[list[str]]:
    """The table's rows as cell texts, spans expanded so each cell stands in
    every grid position it covers."""
    rows: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column -> (rows left, text) of a rowspan
    for tr in table.css("tr"):
        owner = _nearest(tr, "table")
        if owner is None or owner.mem_id != table.mem_id:
            continue  # a row of a nested table
        row: list[str] = []
        cells = [c for c in tr.iter() if c.tag in ("td", "th")]
        for cell in cells:
            while len(row) in pending:
                row.append(_take(pending, len(row)))
            parts: list[str] = []
            _walk(cell, parts, vocab)
            text = "".join(_clean_lines("".join(parts), vocab))
            span = _int(cell.attributes.get("colspan"))
            down = _int(cell.attributes.get("rowspan"))
            for _ in range(span):
                if down > 1:
                    pending[len(row)] = (down - 1, text)
                row.append(text)
        while len(row) in pending:
            row.append(_take(pending, len(row)))
        rows.append(row)
    return rows


def _take(pending: dict, column: int) -> str:
    left, text = pending.pop(column)
    if left > 1:
        pending[column] = (left - 1, text)
    return text


def _int(value) -> int:
    try:
        return max(1, min(int(value), 100))
    except (TypeError, ValueError):
        return 1


def _nearest(node, tag: str):
    node = node.parent
    while node is not None and node.tag != tag:
        node = node.parent
    return node


def _walk(node, out: list[str], vocab, tables: list | None = None) -> None:
    """Append the text under ``node`` to ``out``, blocks as line breaks, and
    the rows of each task-assignment table to ``tables``."""
    for child in node.iter(include_text=True):
        if child.is_text_node:
            out.append(_SPACES.sub(" ", _SOURCE_BREAK.sub("\x00", child.text_content or "")))
            continue
        if not child.is_element_node or _is_dropped(child, vocab):
            continue
        tag = child.tag
        if tag == "br":
            out.append("\n")
        elif tag == "table":
            rows = _table_rows(child, vocab)
            lines, is_task = render_table(rows, vocab)
            out.append("\n" + "\n".join(lines) + "\n")
            if is_task and tables is not None:
                tables.append(rows[find_task_header(rows, vocab):])
        else:
            block = tag in _BLOCK
            if block:
                out.append("\n")
            _walk(child, out, vocab, tables)
            if block:
                out.append("\n")


def _clean_lines(text: str, vocab) -> list[str]:
    patterns = compile_patterns(vocab).read
    lines = []
    for line in text.split("\n"):
        line = _MARKED_SPACES.sub(" ", patterns.break_in_cjk.sub("", line)).strip()
        if line and not any(p.match(line) for p in patterns.drop_lines):
            lines.append(line)
    return lines


def _han_count(text: str, vocab) -> int:
    return len(compile_patterns(vocab).read.han.findall(text))


def _is_paragraph(node) -> bool:
    """A block that holds a paragraph rather than other blocks: no block
    children, and fewer than two ``<br>`` (a ``<div>`` per paragraph is
    common; a ``<div>`` of ``<br>``-separated lines is an article)."""
    breaks = 0
    for child in node.iter():
        if child.tag == "br":
            breaks += 1
        elif child.tag in _BLOCK:
            return False
    return breaks < 2


def _score_blocks(body, vocab) -> dict[int, tuple[float, object]]:
    """Credit each text's Han characters (outside links) to the container
    holding its paragraph in full and the next container up by half, as
    readability does."""
    scores: dict[int, tuple[float, object]] = {}
    paragraph_of: dict[int, bool] = {}
    stack = [body]
    while stack:
        node = stack.pop()
        for child in node.iter(include_text=True):
            if child.is_text_node:
                n = _han_count(child.text_content or "", vocab)
                if not n:
                    continue
                container, weight = child.parent, 1.0
                while container is not None and container.tag not in _CONTAINER:
                    container = container.parent
                if container is not None and container.tag != "body":
                    key = container.mem_id
                    if key not in paragraph_of:
                        paragraph_of[key] = _is_paragraph(container)
                    if paragraph_of[key]:
                        container = container.parent
                while container is not None and weight >= 0.5:
                    if container.tag in _CONTAINER:
                        old = scores.get(container.mem_id, (0.0, container))[0]
                        scores[container.mem_id] = (old + n * weight, container)
                        weight /= 2
                    container = container.parent
            elif child.is_element_node and child.tag != "a" and not _is_dropped(child, vocab):
                stack.append(child)
    return scores


def _find_article(tree, vocab):
    for selector in vocab.read.article_selectors:
        for node in tree.css(selector):
            if _han_count(_text_of(node, vocab), vocab) >= vocab.read.min_article_chars:
                return node
    body = tree.body
    if body is None:
        return None
    scores = _score_blocks(body, vocab)
    if not scores:
        return None
    return max(scores.values(), key=lambda pair: pair[0])[1]


def _text_of(node, vocab, tables: list | None = None) -> str:
    parts: list[str] = []
    _walk(node, parts, vocab, tables)
    return "\n".join(_clean_lines("".join(parts), vocab))


def _page_title(tree, article, vocab) -> str | None:
    """The page's heading (gov.cn puts the title in an ``<h1>`` above the
    content block)."""
    for selector in vocab.read.title_selectors:
        node = tree.css_first(selector)
        if node is not None:
            title = _SPACES.sub(" ", node.text() or "").strip()
            if _han_count(title, vocab) >= 6:
                return title
    return None


def html_to_text(html: str, path="page.html", vocab=None) -> str:
    """The article of a page as one paragraph per line.

    >>> html_to_text('<html><body><nav>首页 > 政策文件</nav><div id="zoom">'
    ...     '<p>一、总体要求</p><p>到2025年，全市单位地区生产总值能源消耗比2020年下降14%，'
    ...     '能源消费总量<br>得到合理控制。</p></div><div class="share">分享到：微信</div></body></html>')
    '一、总体要求\\n到2025年，全市单位地区生产总值能源消耗比2020年下降14%，能源消费总量\\n得到合理控制。'
    """
    return read_article(html, path, vocab)[0]


def read_article(html: str, path="page.html", vocab=None) -> tuple[str, list]:
    """The article's text and the rows of its task-assignment tables."""
    vocab = default_vocabulary(vocab)
    tree = LexborHTMLParser(html)
    article = _find_article(tree, vocab)
    tables: list = []
    text = _text_of(article, vocab, tables) if article is not None else ""
    if _han_count(text, vocab) < vocab.read.min_article_chars:
        raise PolicyKBError(path, "no article text found in the page (is it an index or error page?)")
    title = _page_title(tree, article, vocab)
    if title and title not in text[:2000]:
        text = f"{title}\n{text}"
    return text, tables


def read_html(path, data: bytes, vocab=None) -> Source:
    """Read a saved web page into a :class:`Source` (``norm`` is filled in by
    :func:`policykb.read.read_document`)."""
    html, encoding = decode_html(data, path)
    try:
        text, tables = read_article(html, path, vocab)
    except RecursionError:
        raise PolicyKBError(path, "the page nests its elements too deeply to read") from None
    return Source(path=str(path), text=text, norm="", format="html", encoding=encoding, tables=tables)

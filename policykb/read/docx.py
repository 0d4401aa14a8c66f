"""A Word document (.docx): its paragraphs and tables in reading order.

python-docx reads the body; a table becomes lines, and a task-assignment table
numbered tasks with their notes (:mod:`policykb.read.tables`), so the
responsibility-note grammar of stage 3 reads table rows like running text.
"""
from __future__ import annotations

import re
import zipfile

from ..models import PolicyKBError, Source
from .numbering import Numbering
from .tables import find_task_header, render_table
from ..vocab import default_vocabulary

_LINE_SPACE = re.compile(r"[ \t]*\n[ \t]*")


def _cell_text(cell) -> str:
    """A cell's paragraphs run together (a cell is one value)."""
    return "".join(p.text.strip() for p in cell.paragraphs)


def _table_rows(table) -> list[list[str]]:
    """Cell texts by grid position; python-docx repeats a merged cell in each
    position it covers, which is what :mod:`.tables` expects."""
    rows = []
    for row in table.rows:
        try:
            rows.append([_cell_text(cell) for cell in row.cells])
        except (IndexError, ValueError):  # a malformed grid: take the cells as written
            rows.append(["".join(t.text for t in tc.iter() if t.tag.endswith("}t"))
                         for tc in row._tr.tc_lst])
    return rows


def _blocks(element, parent):
    """Paragraphs and tables in reading order, including those inside
    content controls (``w:sdt``: cover pages, form fields), which
    ``Document.iter_inner_content`` passes over."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, parent)


def docx_to_text(document, vocab=None) -> tuple[str, list[list[list[str]]]]:
    """The text of an opened ``docx.Document`` and its task-assignment tables.

    >>> import docx
    >>> d = docx.Document()
    >>> _ = d.add_paragraph("三、重点任务")
    >>> t = d.add_table(rows=2, cols=3)
    >>> for cell, text in zip(t.rows[0].cells + t.rows[1].cells,
    ...                       ["重点任务", "牵头单位", "完成时限", "推进工业节能。", "市经济信息委", "2025年"]):
    ...     cell.text = text
    >>> docx_to_text(d)[0]
    '三、重点任务\\n1．推进工业节能。（牵头单位：市经济信息委；完成时限：2025年）'
    """
    vocab = default_vocabulary(vocab)
    numbering = Numbering(document, vocab)
    lines: list[str] = []
    task_tables: list[list[list[str]]] = []
    for block in _blocks(document.element.body, document._body):
        if hasattr(block, "rows"):
            rows = _table_rows(block)
            table_lines, is_task = render_table(rows, vocab)
            lines.extend(table_lines)
            if is_task:
                task_tables.append(rows[find_task_header(rows, vocab):])
        else:
            # Word's automatic numbering is not in the text: put the label in;
            # a soft line break (Shift+Enter) inside a paragraph is a new line
            text = block.text.strip()
            label = numbering.label(block) if text else ""
            if label and not text.startswith(label):
                text = label + text
            lines.extend(_LINE_SPACE.split(text))
    return "\n".join(line.strip() for line in lines if line.strip()), task_tables


def read_docx(path, data: bytes, vocab=None) -> Source:
    """Read a .docx file into a :class:`Source` (``norm`` is filled in by
    :func:`policykb.read.read_document`)."""
    import io

    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        hint = " (an old .doc saved as .docx? save it again as .docx)" if data.startswith(b"\xd0\xcf\x11\xe0") else ""
        raise PolicyKBError(path, f"not a valid .docx file: corrupt or truncated{hint}")
    try:
        document = docx.Document(io.BytesIO(data))
        text, tables = docx_to_text(document, vocab)
    except PolicyKBError:
        raise
    except Exception as e:  # python-docx, zipfile and lxml each raise their own
        detail = {"KeyError": "a part of the package is missing", "XMLSyntaxError": "damaged XML",
                  "BadZipFile": "damaged zip"}.get(type(e).__name__, type(e).__name__)
        raise PolicyKBError(path, f"cannot read the .docx file: corrupt or truncated ({detail})") from None
    return Source(path=str(path), text=text, norm="", format="docx", tables=tables)

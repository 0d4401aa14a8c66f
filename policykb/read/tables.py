"""Tables as text lines, and task-assignment tables as numbered tasks.

A plan often lists its tasks in a table: 序号 | 重点任务 | 牵头单位 | 配合单位 |
完成时限. Stage 3 reads responsibility notes in running text, so each row of
such a table is written as the numbered paragraph the same plan would have
printed: ``1．任务文字（牵头单位：A；配合单位：B；完成时限：C）``. The header
words that name each column are data (``data/read.yml``).

Rows are lists of cell strings, a merged cell repeated in every grid position
it covers (python-docx does this; the HTML reader expands spans the same way).
"""
from __future__ import annotations

import re

from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .normalize import fold_punctuation

# the order in which header words are tried: unit and date columns before the
# generic task words (内容, 任务) that a longer header may contain
_KIND_ORDER = ("number", "lead", "responsible", "supporting", "deadline", "task")
_DIGITS = re.compile(r"^\s*[0-9０-９]+\s*$")
CELL_SEPARATOR = "\u3000"


def classify_header(cells: list[str], vocab=None) -> list[str | None]:
    """The kind of each column named by a header row, or None.

    >>> classify_header(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
    ['number', 'task', 'lead', 'supporting', 'deadline']
    >>> classify_header(["指标", "2020年", "2025年"])
    [None, None, None]
    """
    columns = default_vocabulary(vocab).read.columns
    kinds = []
    for cell in cells:
        cell = re.sub(r"\s+", "", cell)
        kind = None
        if cell and len(cell) <= 12:
            kind = next((k for k in _KIND_ORDER if k in columns
                         and any(w in cell for w in columns[k][0])), None)
        kinds.append(kind)
    return kinds


def _is_task_header(kinds: list[str | None]) -> bool:
    return "task" in kinds and any(k in kinds for k in ("lead", "responsible", "supporting"))


def find_task_header(rows: list[list[str]], vocab=None) -> int | None:
    """Index of the header row of a task-assignment table (among its first
    three rows), or None when the table is not one."""
    for i, row in enumerate(rows[:3]):
        if _is_task_header(classify_header(row, vocab)):
            return i
    return None


def _has_label(cell: str, vocab) -> bool:
    """Whether a cell opens with a heading label of the ladder
    (``data/numbering.yml``): a task that carries its own, or a number cell
    written as one.

    >>> [_has_label(c, None) for c in ["（一）推进工业节能", "一、产业结构", "3", "推进工业节能"]]
    [True, True, False, False]
    """
    return bool(compile_patterns(default_vocabulary(vocab)).read.opening.match(fold_punctuation(cell)))


def _distinct(cells: list[str]) -> list[str]:
    out: list[str] = []
    for cell in cells:
        cell = cell.strip()
        if cell and cell not in out:
            out.append(cell)
    return out


def _join_task(parts: list[str]) -> str:
    """Several task columns (重点任务 | 具体措施) as one text.

    >>> _join_task(["推进工业节能", "实施能效提升改造。"])
    '推进工业节能：实施能效提升改造。'
    """
    out = ""
    for part in parts:
        if out and not out.endswith(("。", "；", "：", "，", ".", ";", ":")):
            out += "："
        out += part
    return out


def render_task_rows(rows: list[list[str]], header: int, vocab=None) -> list[str]:
    """Write the rows under ``header`` as numbered task paragraphs.

    >>> rows = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ...         ["一、产业结构", "一、产业结构", "一、产业结构", "一、产业结构", "一、产业结构"],
    ...         ["1", "淘汰落后产能。", "市经济信息委", "市发展改革委、市水利局", "2023年底"]]
    >>> render_task_rows(rows, 0)
    ['一、产业结构', '1．淘汰落后产能。（牵头单位：市经济信息委；配合单位：市发展改革委、市水利局；完成时限：2023年底）']
    """
    vocab = default_vocabulary(vocab)
    kinds = classify_header(rows[header], vocab)
    lines: list[str] = []
    count = 0
    for row in rows[header + 1:]:
        values = _distinct(row)
        if not values:
            continue
        if len(values) == 1 and len(row) > 1 and sum(1 for c in row if c.strip()) > 1:
            lines.append(values[0])  # a group heading merged across the row
            continue
        by_kind: dict[str, list[str]] = {}
        for kind, cell in zip(kinds, row):
            cell = re.sub(r"\s*\n\s*", "", cell.strip())
            if kind and cell and cell not in by_kind.get(kind, []):
                by_kind.setdefault(kind, []).append(cell)
        task = _join_task(by_kind.get("task", []))
        if not task:
            lines.append(CELL_SEPARATOR.join(values))
            continue
        count += 1
        number = (by_kind.get("number") or [""])[0]
        if _has_label(task, vocab):
            label = ""
        elif _DIGITS.match(number):
            label = f"{number.strip()}．"
        elif number and _has_label(number, vocab):
            label = number
        else:
            label = f"{count}．"
        words = vocab.read
        parts = [f"{words.columns[k][1]}：{'、'.join(by_kind[k])}" for k in words.note_order if by_kind.get(k)]
        note = f"（{'；'.join(parts)}）" if parts else ""
        lines.append(f"{label}{task}{note}")
    return lines


def render_table(rows: list[list[str]], vocab=None) -> tuple[list[str], bool]:
    """Lines for a table, and whether it was a task-assignment table.

    Rows above a task table's header (a caption row) and every row of another
    table become one line each, their cells separated by an ideographic space.

    >>> render_table([["指标", "2025年"], ["单位GDP能耗下降", "14%"]])
    (['指标\\u30002025年', '单位GDP能耗下降\\u300014%'], False)
    """
    vocab = default_vocabulary(vocab)
    header = find_task_header(rows, vocab)
    plain = rows if header is None else rows[:header]
    lines = [CELL_SEPARATOR.join(values) for row in plain
             if (values := _distinct([re.sub(r"\s*\n\s*", "", c) for c in row]))]
    if header is None:
        return lines, False
    return lines + render_task_rows(rows, header, vocab), True

"""The read part of the vocabulary, from ``data/read.yml``: article selectors
of government sites, header words of task-assignment tables, page-number
patterns, the Traditional-script threshold, Word's numbering words.

Its regexes (page numbers, furniture lines) are compiled by
:mod:`policykb.patterns.read`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadWords:
    """The words stage 1 (:mod:`policykb.read`) reads by."""

    article_selectors: tuple[str, ...]
    title_selectors: tuple[str, ...]
    min_article_chars: int
    drop_tags: frozenset[str]
    drop_class_words: tuple[str, ...]
    keep_class_words: tuple[str, ...]
    drop_line_patterns: tuple[str, ...]
    # column kind -> (header words, note label or None)
    columns: dict[str, tuple[tuple[str, ...], str | None]]
    note_order: tuple[str, ...]
    page_number_patterns: tuple[str, ...]
    print_furniture_patterns: tuple[str, ...]
    margin_lines: int
    running_share: float
    line_overlap: float
    paragraph_end_marks: str
    ragged_chars: float
    deepest_indent: float
    sentence_end_marks: str
    traditional_share: float
    traditional_min_chars: int
    heavenly_stems: str


def table_columns(columns: dict, notes: dict) -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Column kind -> (header words, the note label its values take): a unit
    or date column is named by the field labels of notes, then by its own
    short header words (``read.yml``)."""
    labels = {**notes["role_labels"], "deadline": notes["deadline_labels"]}
    out = {}
    for kind, spec in columns.items():
        field = tuple(labels.get(kind, ()))
        out[kind] = (field + tuple(spec["words"]), field[0] if field else None)
    return out


def build(files) -> ReadWords:
    """The read words of ``files``.

    >>> from policykb.vocab import DataFiles
    >>> build(DataFiles()).columns["lead"]
    (('牵头单位', '牵头部门', '牵头处室', '牵头责任单位', '牵头'), '牵头单位')
    """
    data = files.yaml("read.yml")
    html, table, pdf, script = data["html"], data["table"], data["pdf"], data["script"]
    return ReadWords(
        **{key: tuple(html[key]) for key in ("article_selectors", "title_selectors", "drop_line_patterns")},
        min_article_chars=int(html["min_article_chars"]),
        drop_tags=frozenset(html["drop_tags"]),
        drop_class_words=tuple(w.lower() for w in html["drop_class_words"]),
        keep_class_words=tuple(w.lower() for w in html.get("keep_class_words", [])),
        columns=table_columns(table["columns"], files.yaml("notes.yml")),
        note_order=tuple(table["note_order"]),
        page_number_patterns=tuple(pdf["page_number_patterns"]),
        print_furniture_patterns=tuple(pdf.get("print_furniture_patterns", ())),
        margin_lines=int(pdf["margin_lines"]),
        running_share=float(pdf["running_share"]),
        line_overlap=float(pdf["line_overlap"]),
        paragraph_end_marks=str(pdf["paragraph_end_marks"]),
        ragged_chars=float(pdf["ragged_chars"]),
        deepest_indent=float(pdf["deepest_indent"]),
        sentence_end_marks=str(pdf["sentence_end_marks"]),
        traditional_share=float(script["traditional_share"]),
        traditional_min_chars=int(script["traditional_min_chars"]),
        heavenly_stems=data["docx"]["heavenly_stems"],
    )

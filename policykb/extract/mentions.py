"""Departments named in running text -> ``Section.mentions``.

A plan names departments in two ways: in responsibility notes, which
``tasks`` turns into assignments, and in its sentences (市发展改革委、市生态环境局
要加强协调调度). The second kind are mentions: every department
:func:`policykb.nlp.find_departments` finds in a section's own text (label,
title and body, before its first child), outside the notes.
"""
from __future__ import annotations

import bisect

from ..departments import load_gazetteer
from ..models import Document, Mention, Section, Source, Task
from ..nlp import find_departments, get_nlp, load_patterns
from .notes import find_notes


def note_spans(norm: str, tasks: list[Task] | None = None, vocab=None) -> list[tuple[int, int]]:
    """Spans of the responsibility notes in (folded) ``norm``: the notes the
    tasks carry, or, when no tasks are given, every note the grammar of
    :mod:`policykb.extract.notes` finds (one definition of a note).

    >>> t = "推动低碳（零碳）建筑试点。（市住房城乡建委牵头，市财政局等按职责分工负责）"
    >>> [t[s:e] for s, e in note_spans(t)]
    ['（市住房城乡建委牵头，市财政局等按职责分工负责）']
    >>> note_spans("开展试点。\\n责任单位：市科技局\\n")
    [(6, 15)]
    """
    if tasks is None:
        return [(a, b) for a, b, _ in find_notes(norm, vocab=vocab)]
    return sorted((n["start"], n["end"]) for task in tasks for n in task.notes
                  if isinstance(n, dict) and isinstance(n.get("start"), int) and isinstance(n.get("end"), int))


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def add_mentions(source: Source, document: Document, sections: list[Section],
                 tasks: list[Task] | None = None, vocab=None) -> list[Section]:
    """Fill each section's ``mentions`` with the departments its running text
    names; ``start``/``end`` are offsets into ``source.text``.

    Departments inside responsibility notes are left to the assignments:
    the notes the tasks carry (or, without tasks, every note found) are
    skipped. ``vocab`` (default: the shipped vocabulary) gives the
    gazetteer, the department patterns and the list separator.
    """
    if not sections:
        return sections
    text = source.norm or source.text
    notes = note_spans(text, tasks, vocab)
    ordered = sorted(sections, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    gazetteer = load_gazetteer(vocab)
    separator = load_patterns(vocab).list_separator
    for section in sections:
        section.mentions = []
    offset = ordered[0].start
    previous = None  # (end, Department) of the last mention
    for _, start, end in find_departments(text[offset:max(s.end for s in ordered)], nlp=get_nlp(vocab)):
        start, end = start + offset, end + offset
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or end > ordered[i].end or _inside(notes, start, end):
            continue
        as_written = source.text[start:end]
        # in a list (四川省林业局、经济和信息化厅) a bare name shares the level of the one before
        context = previous[1] if previous and previous[0] + 1 == start and text[previous[0]] == separator else None
        department = gazetteer.resolve(as_written, document.jurisdiction, context=context)
        ordered[i].mentions.append(Mention(as_written=as_written, department=department.name, start=start, end=end,
                                           jurisdiction=department.jurisdiction or document.jurisdiction))
        previous = (end, department)
    return sections

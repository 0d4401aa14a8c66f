"""Responsibility notes -> tasks and their assignments.

A task is a numbered unit whose own text (its span before its first child)
carries a responsibility note: in brackets after a sentence, or on lines of
its own (``责任单位：…`` / ``完成时限：…``). The grammar of one note is in
:mod:`policykb.extract.notes`; this module finds the notes of each unit, keeps
the document's standing rules in force from where they are stated
(``以下均需区县落实，不再列出``, ``列第一位者为牵头单位``) and turns names into
:class:`Assignment` records with canonical departments.
"""
from __future__ import annotations

from dataclasses import replace

from ..departments import Department, load_gazetteer
from ..models import Assignment, Document, Section, Source, Task
from ..vocab import default_vocabulary
from ..dates import document_year, parse_deadline, text_deadline
from .notes import (NoteReading, apply_first_is_lead, find_label_lines, find_notes, first_is_lead_positions,
                    resolve_implementing)

__all__ = ["document_year", "extract_tasks", "find_notes", "notes_by_owner", "stands_alone"]


def stands_alone(norm: str, start: int, vocab=None) -> bool:
    """Whether a note at ``start`` is a block of its own: a field line
    (责任单位：…) or a bracket that opens its line, rather than a bracket
    closing a sentence.

    >>> t = "1．甲。（省科技厅负责）\\n（省财政厅负责）\\n责任处室：规划处"
    >>> [stands_alone(t, t.find(w)) for w in ("（省科", "（省财", "责任处室")]
    [False, True, True]
    """
    line_start = norm.rfind("\n", 0, start) + 1
    return not norm[line_start:start].strip() or bool(find_label_lines(norm, start, start + 12, vocab))


def note_owner(section: Section, sections: dict[int, Section], children: dict[int | None, list[Section]],
               noted: set[int]) -> Section:
    """The unit a block of notes after ``section`` closes.

    A note standing on its own lines after the last of a run of numbered
    items, none of which has a note of its own, closes the whole run: the
    six conditions of 有下列情形之一的 under （四）, or the plan and measures
    under 一、 that 责任处室：… ends. It climbs while the unit is the last
    child of its parent, no earlier sibling carries a note, and the parent's
    own text has none. ``children`` lists each unit's children in order;
    ``noted`` holds the units whose own text has a note.
    """
    def carries_note(s: Section) -> bool:
        return s.id in noted or any(carries_note(c) for c in children.get(s.id, []))

    owner = section
    while owner.parent_id is not None and owner.parent_id not in noted:
        siblings = children[owner.parent_id]
        if siblings[-1] is not owner or any(carries_note(s) for s in siblings[:-1]):
            break
        owner = sections[owner.parent_id]
    return owner


def assign_note(text: str, start: int, reading: NoteReading, jurisdiction: str | None,
                vocab=None) -> list[Assignment]:
    """The assignments of one note that starts at ``start`` in ``text``: its
    names (each resolved in the light of the name before it in its list) and
    the term of a standing rule it states (implementing, here not inherited).
    Each keeps the jurisdiction its name resolves to (四川省能源局 in a
    重庆市 plan is 四川省's 省能源局)."""
    gazetteer = load_gazetteer(vocab)
    out: list[Assignment] = []
    previous: Department | None = None
    group = None
    for name in reading.names:
        if name.group != group:
            previous, group = None, name.group
        as_written = text[start + name.start:start + name.end]
        previous = gazetteer.resolve(as_written, jurisdiction, context=previous)
        out.append(Assignment(as_written, previous.name, name.role, False, start + name.start, start + name.end,
                              jurisdiction=previous.jurisdiction or jurisdiction))
    for s, e in reading.standing:
        as_written = text[start + s:start + e]
        body = gazetteer.resolve(as_written, jurisdiction)
        out.append(Assignment(as_written, body.name, "implementing", False, start + s, start + e,
                              jurisdiction=body.jurisdiction or jurisdiction))
    return out


def find_deadline(norm: str, section: Section, notes, year: int | None, vocab=None) -> str | None:
    """The latest date the unit's notes give (完成时限：…), else the first due
    date its own words state (2019年6月底前)."""
    due = [parse_deadline(norm[a + r.deadline[0]:a + r.deadline[1]], year, vocab) for a, _, r in notes if r.deadline]
    due = [d for d in due if d]
    if not due:
        stated = text_deadline(norm, section.start, section.end, vocab)
        due = [d for d in [parse_deadline(stated, year, vocab) if stated else None] if d]
    # a bare year (2025) is due at its end, after any month of it
    return max(due, key=lambda d: d.ljust(10, "~")) if due else None


def notes_by_owner(norm: str, sections: list[Section], vocab=None) -> list[tuple[Section, list]]:
    """The units that carry notes, in reading order, each with its notes
    (a block of notes after a run of items goes to the unit it closes)."""
    found = {s.id: find_notes(norm, s.start, s.end, vocab) for s in sections}
    found = {i: notes for i, notes in found.items() if any(r.is_note for _, _, r in notes)}
    by_id = {s.id: s for s in sections}
    children: dict[int | None, list[Section]] = {}
    for section in sorted(sections, key=lambda s: s.start):
        children.setdefault(section.parent_id, []).append(section)
    owned: dict[int, list] = {}
    for section in sorted(sections, key=lambda s: s.start):
        notes = found.get(section.id)
        if not notes:
            continue  # a 完成时限 line alone names no one
        owner = section
        if all(stands_alone(norm, a, vocab) for a, _, _ in notes):
            owner = note_owner(section, by_id, children, set(found))
        owned.setdefault(owner.id, []).extend(notes)
    return [(by_id[i], notes) for i, notes in sorted(owned.items(), key=lambda kv: by_id[kv[0]].start)]


def extract_tasks(source: Source, document: Document, sections: list[Section], vocab=None) -> list[Task]:
    """Every numbered unit with a responsibility note, as a :class:`Task`.

    Standing rules hold from the note that states them on: the bodies of
    以下均需X落实 are an inherited ``implementing`` assignment of every later
    task, and under 列第一位者为牵头单位 the first name of each list leads.
    """
    vocab = default_vocabulary(vocab)
    norm, text = source.norm, source.text
    year = document_year(document, vocab)
    # a rule may stand in the cover notice too (各项任务列第一位者为牵头单位)
    lead_rules = first_is_lead_positions(norm, vocab)
    standing: list[Assignment] = []  # the implementing bodies of the rule in force
    tasks: list[Task] = []
    for section, notes in notes_by_owner(norm, sections, vocab):
        assignments: list[Assignment] = []
        for a, b, reading in notes:
            if any(pos < b for pos in lead_rules):
                apply_first_is_lead(reading)
            resolve_implementing(reading)
            assignments += assign_note(text, a, reading, document.jurisdiction, vocab)
        stated = [x for x in assignments if x.role == "implementing" and any(
            a <= x.start < b and r.standing for a, b, r in notes)]
        assignments += [replace(x, inherited=True) for x in standing]
        standing = stated or standing
        end = max(section.end, notes[-1][1])  # a block note closes the unit's children too
        tasks.append(Task(
            id=len(tasks) + 1,
            section_id=section.id,
            path=section.path,
            title=section.title,
            text=text[section.start:end].strip(),
            deadline=find_deadline(norm, section, notes, year, vocab),
            assignments=assignments,
            start=section.start,
            end=end,
            notes=[{"text": text[a:b], "start": a, "end": b} for a, b, _ in notes],
        ))
    return tasks

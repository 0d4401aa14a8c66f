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
from .notes import (NoteReading, apply_lead_rule, bare_list_positions, find_label_lines, find_notes, lead_rule_positions,
                    drop_glosses, resolve_implementing, spell_out)

__all__ = ["extract_tasks", "find_notes", "notes_by_owner", "stands_alone"]


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


def spelled_names(note: str, spans: list[tuple[int, int]], own_level: str | None = None,
                  vocab=None) -> dict[int, str]:
    """The names of a note written elliptically, spelled out, by their index
    in ``spans``: in 市、区机管局 the 市 is 市机管局, and the full name that lends
    its head (区机管局) is spelled as written too. Only names that follow one
    another across a bare 、 form a list."""
    sep = default_vocabulary(vocab).notes.punctuation.list_separator
    runs: list[list[int]] = []
    for i, (s, _) in enumerate(spans):
        if runs and note[spans[i - 1][1]:s].strip() == sep:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: dict[int, str] = {}
    for run in runs:
        names = ["".join(note[s:e].split()) for s, e in (spans[i] for i in run)]  # a PDF line break
        spelled = spell_out(names, vocab, own_level)
        for k, full in enumerate(spelled):
            if full:
                out[run[k]] = full
                donor = next(j for j in range(k + 1, len(run)) if spelled[j] is None)
                out[run[donor]] = names[donor]
    return out


def assign_note(text: str, start: int, reading: NoteReading, jurisdiction: str | None,
                vocab=None) -> list[Assignment]:
    """The assignments of one note that starts at ``start`` in ``text``: its
    names (each resolved in the light of the name before it in its list) and
    the term of a standing rule it states (implementing, here not inherited).
    Each keeps the jurisdiction its name resolves to (四川省能源局 in a
    重庆市 plan is 四川省's 省能源局); a name written elliptically (市、区机管局)
    is spelled out (市机管局), as a table lists it or else as spelled."""
    gazetteer = load_gazetteer(vocab)
    spans = [(n.start, n.end) for n in reading.names] + list(reading.standing)
    note = text[start:start + max((e for _, e in spans), default=0)]
    spelled = spelled_names(note, spans, gazetteer.rules.level_word(jurisdiction), vocab)
    out: list[Assignment] = []
    previous: Department | None = None
    group = None
    for i, (s, e) in enumerate(spans):
        name = reading.names[i] if i < len(reading.names) else None
        if name is None or name.group != group:
            previous, group = None, name.group if name else None
        as_written = text[start + s:start + e]
        if i in spelled:
            found = gazetteer.lookup(spelled[i], jurisdiction)
            previous = found or Department(spelled[i], None, jurisdiction, gazetteer.rules.kind_of(spelled[i]))
        else:
            previous = gazetteer.resolve(drop_glosses(as_written, vocab), jurisdiction,
                                         context=previous if name else None)
        out.append(Assignment(as_written, previous.name, name.role if name else "implementing", False,
                              start + s, start + e, jurisdiction=previous.jurisdiction or jurisdiction))
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
    # after 按职能分工负责，下同 a bare list of names is a note
    bare_rule = next(iter(bare_list_positions(norm, vocab)), None)
    found = {s.id: find_notes(norm, s.start, s.end, vocab, bare_rule) for s in sections}
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
    lead_rules = lead_rule_positions(norm, vocab)
    standing: list[Assignment] = []  # the implementing bodies of the rule in force
    tasks: list[Task] = []
    for section, notes in notes_by_owner(norm, sections, vocab):
        assignments: list[Assignment] = []
        for a, b, reading in notes:
            # the last rule stated before the note's end is in force
            apply_lead_rule(reading, next((kind for pos, kind in reversed(lead_rules) if pos < b), None))
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

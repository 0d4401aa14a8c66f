"""The grammar of responsibility notes (责任分工), as pure functions.

A plan says who carries a task out in a note after it::

    （市农业农村委牵头，市发展改革委、市能源局等按职责分工负责）
    （责任单位：省商务厅，配合单位：省统计局等）
    责任单位：市发展改革委            (on a line of its own)
    完成时限：2023年6月底前

A note is a run of clauses split on ，；。 (outside nested brackets). A clause
is either a field (``责任单位：`` + names), a list of names ending in a role
verb (``…牵头``, ``…按职责分工负责``, ``…配合``), a bare list of names that
waits for the next verb, or a standing rule (``以下均需区县落实，不再列出``,
``列第一位者为牵头单位``). A clause the grammar does not understand (a
sentence, or names with no known verb at the end) is dropped; the clauses
understood keep their names. Everything works on folded text (see
:mod:`policykb.read.normalize`), so ``(X负责)`` and ``（X负责）`` read alike,
and every name keeps its span so the caller can slice the text as written.

- :mod:`.names`: splitting a list into names, generic tails, role marks;
- :mod:`.clauses`: the clause rules (``CLAUSE_RULES``) and :func:`read_note`;
- :mod:`.find`: finding notes (brackets, label lines, bare lists);
- :mod:`.rules`: standing rules (lead rules, bare lists, implementing bodies);

The words are in ``data/notes.yml`` (how a body's name ends, in
``data/bodies.yml``), read by :mod:`policykb.vocab.notes`; the patterns are
built by :mod:`policykb.patterns.notes`. Every function takes ``vocab`` (the
whole vocabulary, default the shipped one), so a test can swap the words::

    >>> import dataclasses
    >>> from policykb.vocab import load_vocabulary
    >>> shipped = load_vocabulary()
    >>> verbs = (("主抓", "lead"),) + shipped.notes.role_verbs
    >>> vocab = dataclasses.replace(shipped, notes=dataclasses.replace(shipped.notes, role_verbs=verbs))
    >>> parse_responsibility("（市甲局主抓，市乙局负责）", vocab=vocab)[0]
    ('市甲局', 'lead', 1, 4)
"""
from __future__ import annotations

from ...vocab.notes import NoteVocabulary
from .clauses import CLAUSE_RULES, NoteName, NoteReading, NoteState, read_note, split_clauses
from .find import closes_paragraph, find_brackets, find_label_lines, find_notes, parse_responsibility, read_bare_list
from .names import MAX_NAME, drop_glosses, is_name, role_mark, spell_out, split_names, strip_generic_tail
from .rules import (apply_first_is_lead, apply_lead_rule, bare_list_positions, first_is_lead_positions,
                    lead_rule_kind, lead_rule_positions, resolve_implementing, standing_term, states_first_is_lead)


__all__ = [
    "CLAUSE_RULES", "MAX_NAME", "NoteName", "NoteReading", "NoteState", "NoteVocabulary", "apply_first_is_lead",
    "apply_lead_rule", "bare_list_positions", "closes_paragraph", "drop_glosses", "find_brackets",
    "find_label_lines", "find_notes", "first_is_lead_positions", "is_name", "lead_rule_kind", "lead_rule_positions",
    "parse_responsibility", "read_bare_list", "read_note", "resolve_implementing", "role_mark", "spell_out",
    "split_clauses", "split_names", "standing_term", "states_first_is_lead", "strip_generic_tail",
]

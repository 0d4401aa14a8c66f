"""Standing rules of notes: first-is-lead and the implementing bodies.

A plan may say once how to read every note after it: 列第一位者为牵头单位 (the
first name of each list leads), 以下均需区县落实，不再列出 (区县 carry every
task out locally). This module finds such rules and applies them to a
reading; :mod:`.clauses` reads the clauses that state them.
"""
from __future__ import annotations

from ...patterns import compile_patterns


def states_first_is_lead(text: str, vocab=None) -> bool:
    """Whether ``text`` states that the first name of each list leads.

    >>> states_first_is_lead("各项任务列第一位者为牵头单位"), states_first_is_lead("市甲局牵头")
    (True, False)
    """
    return compile_patterns(vocab).notes.first_is_lead.search(text) is not None


def first_is_lead_positions(norm: str, vocab=None) -> list[int]:
    """Where ``norm`` states a first-is-lead rule (a cover notice may too).

    >>> first_is_lead_positions("通知。各项任务列第一位者为牵头单位。")
    [8]
    """
    return [m.start() for m in compile_patterns(vocab).notes.first_is_lead.finditer(norm)]


def standing_term(norm: str, a: int, b: int, vocab=None) -> tuple[int, int] | None:
    """The span of X in 以下均需X落实 within ``norm[a:b]``.

    >>> t = "以下均需区县落实"
    >>> t[slice(*standing_term(t, 0, len(t)))]
    '区县'
    """
    for pattern in compile_patterns(vocab).notes.standing_implementing:
        m = pattern.search(norm, a, b)
        if m:
            return m.span("term")
    return None


def apply_first_is_lead(reading) -> None:
    """Under a 列第一位者为牵头单位 rule, the first responsible name of each
    ；-group leads and the rest support (unless the note names a lead)."""
    if any(n.role == "lead" for n in reading.names):
        return
    seen: set[int] = set()
    for n in reading.names:
        if n.role != "responsible":
            continue
        if n.group in seen:
            n.role = "supporting"
        else:
            n.role = "lead"
            seen.add(n.group)


def resolve_implementing(reading) -> None:
    """Where a note states a standing rule, its 负责落实 clause is the rule's
    term: the seed's 各区县（自治县）和…（以下统称区县）负责落实。以下均需区县落实
    gives 区县, once."""
    if reading.standing:
        reading.names = [n for n in reading.names if n.role != "implementing"]

"""Standing rules of notes: lead rules, bare lists and the implementing bodies.

A plan may say once how to read every note after it: 列第一位者为牵头单位 (the
first name of each list leads), 逗号前为牵头单位 (the names before the first ，
lead), 按职能分工负责，下同 (later bare lists are responsible too),
以下均需区县落实，不再列出 (区县 carry every task out locally). This module finds
such rules and applies them to a reading; :mod:`.clauses` reads the clauses
that state them.
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


def lead_rule_kind(text: str, vocab=None) -> str | None:
    """The kind of lead rule ``text`` states (``notes.yml`` ``lead_rules``), or None.

    >>> lead_rule_kind("排名第一的为牵头部门"), lead_rule_kind("逗号前为牵头单位"), lead_rule_kind("市甲局牵头")
    ('first', 'before_comma', None)
    """
    return next((kind for kind, p in compile_patterns(vocab).notes.lead_rules if p.search(text)), None)


def lead_rule_positions(norm: str, vocab=None) -> list[tuple[int, str]]:
    """Where ``norm`` states a lead rule, and its kind, in reading order.

    >>> lead_rule_positions("通知。逗号前为牵头单位。各项任务列第一位者为牵头单位。")
    [(3, 'before_comma'), (17, 'first')]
    """
    found = [(m.start(), kind) for kind, p in compile_patterns(vocab).notes.lead_rules for m in p.finditer(norm)]
    return sorted(found)


def bare_list_positions(norm: str, vocab=None) -> list[int]:
    """Where ``norm`` states that later bare lists read as this note (按职能分工负责，下同).

    >>> bare_list_positions("（市甲局、市乙局按职能分工负责，下同）"), bare_list_positions("（市甲局负责，下同）")
    ([8], [])
    """
    return [m.start() for m in compile_patterns(vocab).notes.bare_list_rule.finditer(norm)]


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


def apply_lead_rule(reading, kind: str | None = "first") -> None:
    """Under a lead rule, the responsible names of each ；-group split into a
    lead and supporters (unless the note names a lead): under ``first``
    (列第一位者为牵头单位) the first name leads; under ``before_comma``
    (逗号前为牵头单位) the names before the group's first ， lead."""
    if kind is None or any(n.role == "lead" for n in reading.names):
        return
    leading: dict[int, int] = {}  # group -> the clause (or name) that leads it
    for i, n in enumerate(reading.names):
        if n.role != "responsible":
            continue
        mark = n.clause if kind == "before_comma" else i
        leading.setdefault(n.group, mark)
        n.role = "lead" if leading[n.group] == mark else "supporting"


def apply_first_is_lead(reading) -> None:
    """Under a 列第一位者为牵头单位 rule, the first responsible name of each
    ；-group leads and the rest support (unless the note names a lead)."""
    apply_lead_rule(reading, "first")


def resolve_implementing(reading) -> None:
    """Where a note states a standing rule, its 负责落实 clause is the rule's
    term: the seed's 各区县（自治县）和…（以下统称区县）负责落实。以下均需区县落实
    gives 区县, once."""
    if reading.standing:
        reading.names = [n for n in reading.names if n.role != "implementing"]

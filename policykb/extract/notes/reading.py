"""What one note says: its names (with roles, groups and clauses) and the
rules it states. :mod:`.clauses` builds a :class:`NoteReading`; :mod:`.rules`
and :mod:`policykb.extract.tasks` apply the document's rules to it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class NoteName:
    """One name of a note: its span in the note, its role, its ；-group and
    the clause (split on ，；。) it stands in."""

    start: int
    end: int
    role: str
    group: int = 0
    clause: int = 0


@dataclass
class NoteReading:
    """What one note says. Spans are offsets into the note's text."""

    names: list[NoteName] = field(default_factory=list)
    # standing implementing rule: the term's names (以下均需区县落实 -> 区县)
    standing: list[tuple[int, int]] = field(default_factory=list)
    lead_rule: str | None = None  # the kind of lead rule the note states: first, before_comma
    deadline: tuple[int, int] | None = None  # span of the 完成时限 value
    valid: bool = True
    # clauses not understood and left out (no name, or no verb after names)
    dropped: int = 0
    # a bare list of names with no verb or field: （省商务厅、省体育局）
    bare: list[tuple[int, int]] = field(default_factory=list)

    @property
    def is_note(self) -> bool:
        return self.valid and bool(self.names or self.standing)

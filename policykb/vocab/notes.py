"""The notes part of the vocabulary: the words of responsibility notes
(``data/notes.yml``) and how a body's name ends (``data/bodies.yml``).

Words only; the patterns built from them are in :mod:`policykb.patterns.notes`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..brackets import Brackets


@dataclass(frozen=True)
class Punctuation:
    """The punctuation of a note, after folding (``notes.yml`` ``punctuation``)."""

    clause_separators: str
    full_stop: str
    group_separator: str
    field_colon: str
    list_separator: str


@dataclass(frozen=True)
class NoteVocabulary:
    """The words of notes (``data/notes.yml``), swappable in tests."""

    role_labels: dict[str, str]  # label -> role
    deadline_labels: tuple[str, ...]
    other_labels: tuple[str, ...]
    role_verbs: tuple[tuple[str, str], ...]  # (verb, role), longest first
    standing_implementing: tuple[str, ...]  # regular expressions with a group ``term``
    standing_implementing_after: tuple[str, ...]
    time_clause: dict  # prefixes, periods, verbs, since, ongoing, timeless
    timeless: frozenset[str]
    ignorable: frozenset[str]
    anaphora: frozenset[str]
    brackets: Brackets
    punctuation: Punctuation
    lead_rules: tuple[tuple[str, str], ...] = ()  # (kind, regular expression): first, before_comma
    bare_list_rule: tuple[str, ...] = ()  # regular expressions
    ignorable_pattern: str = "(?!)"  # a regular expression
    gloss: dict = field(default_factory=dict)  # opens, ends
    ellipsis: dict = field(default_factory=dict)  # each, levels, not_levels
    label_qualifiers: tuple[str, ...] = ()
    not_in_names: tuple[str, ...] = ()
    duty_modifier: str = "(?!)"  # a regular expression
    body_endings: tuple[str, ...] = ()
    generic_tail: dict = field(default_factory=dict)  # mark, nouns, joins
    name_split: tuple[str, ...] = ()
    name_split_keep_first: tuple[str, ...] = ()
    name_split_before_each: dict = field(default_factory=dict)  # words, each
    name_split_and_after: dict = field(default_factory=dict)  # ends, word
    name_lead_in: tuple[str, ...] = ()
    aside_words: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """Every field label: roles, deadlines, others."""
        return (*self.role_labels, *self.deadline_labels, *self.other_labels)

    @property
    def verb_roles(self) -> dict[str, str]:
        """Role verb -> role: 牵头 -> lead."""
        return dict(self.role_verbs)


# keys of notes.yml read as they stand: lists (as tuples), sets, mappings
_LISTS = ("deadline_labels", "other_labels", "standing_implementing", "standing_implementing_after",
          "bare_list_rule", "label_qualifiers", "not_in_names", "name_split", "name_split_keep_first",
          "name_lead_in", "aside_words")
_SETS = ("ignorable", "anaphora")
_MAPPINGS = ("generic_tail", "name_split_before_each", "name_split_and_after", "gloss", "ellipsis")


def build(files) -> NoteVocabulary:
    """The notes part, from ``notes.yml`` and ``bodies.yml``.

    >>> from policykb.vocab import DataFiles
    >>> build(DataFiles()).role_labels["配合单位"]
    'supporting'
    """
    data = files.yaml("notes.yml")
    bodies = files.yaml("bodies.yml")
    labels = {label: role for role, words in data["role_labels"].items() for label in words}
    verbs = sorted(((v, role) for role, words in data["role_verbs"].items() for v in words),
                   key=lambda vr: len(vr[0]), reverse=True)
    return NoteVocabulary(
        role_labels=labels,
        role_verbs=tuple(verbs),
        time_clause=dict(data["time_clause"]),
        timeless=frozenset(data["time_clause"]["ongoing"] + data["time_clause"]["timeless"]),
        duty_modifier=data["duty_modifier"],
        ignorable_pattern=data["ignorable_pattern"],
        lead_rules=tuple((kind, rx) for kind, rxs in data["lead_rules"].items() for rx in rxs),
        brackets=Brackets(data["brackets"]["open"], data["brackets"]["close"]),
        punctuation=Punctuation(**data["punctuation"]),
        body_endings=tuple(bodies["body_endings"] + bodies["note_extra_endings"]),
        **{key: tuple(data.get(key, ())) for key in _LISTS},
        **{key: frozenset(data[key]) for key in _SETS},
        **{key: dict(data[key]) for key in _MAPPINGS},
    )

"""Every compiled pattern of the project, built from one vocabulary.

:func:`compile_patterns` builds them all from a
:class:`~policykb.vocab.Vocabulary`, once per vocabulary object; the parts
they are built from are in :mod:`policykb.patterns.parts`. Each stage's
patterns are compiled by the module of the same name in this package.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import departments, notes, quantity, read, store, structure, targets, time


@dataclass(frozen=True, eq=False)
class Patterns:
    """The compiled patterns of every stage."""

    vocab: Any
    read: Any
    structure: Any
    notes: Any
    quantity: Any
    targets: Any
    time: Any
    store: Any
    departments: Any


@lru_cache(maxsize=8)
def compile_patterns(vocab=None) -> Patterns:
    """Every pattern of the project, compiled from ``vocab`` (default: the
    shipped vocabulary), once per vocabulary object.

    >>> compile_patterns() is compile_patterns()
    True
    """
    from ..vocab import default_vocabulary

    vocab = default_vocabulary(vocab)
    return Patterns(vocab=vocab, read=read.compile(vocab), structure=structure.compile(vocab),
                    notes=notes.compile(vocab), quantity=quantity.compile(vocab), targets=targets.compile(vocab),
                    time=time.compile(vocab), store=store.compile(vocab), departments=departments.compile(vocab))

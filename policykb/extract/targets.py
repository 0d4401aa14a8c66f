"""Quantities -> targets (placeholder)."""
from __future__ import annotations

from ..models import Document, Section, Source, Target, Task


def extract_targets(source: Source, document: Document, sections: list[Section], tasks: list[Task]) -> list[Target]:
    return []

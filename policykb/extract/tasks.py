"""Responsibility notes -> tasks and assignments (placeholder)."""
from __future__ import annotations

from ..models import Document, Section, Source, Task


def extract_tasks(source: Source, document: Document, sections: list[Section]) -> list[Task]:
    return []

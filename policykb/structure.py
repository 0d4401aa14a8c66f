"""Stage 2: text -> document metadata and the section tree (GB/T 9704).

(placeholder until the structure parser lands)
"""
from __future__ import annotations

from .models import Document, Section, Source


def parse_structure(source: Source) -> tuple[Document, list[Section]]:
    """Read the document fields and the numbered sections of ``source``."""
    return Document(), []

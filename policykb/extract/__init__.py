"""Stage 3: sections -> tasks with their assignments, targets, and the
departments mentioned in running text."""
from __future__ import annotations

from ..models import Document, Record, Section, Source
from .mentions import add_mentions
from .targets import extract_targets
from .tasks import extract_tasks


def extract_record(source: Source, document: Document, sections: list[Section], vocab=None) -> Record:
    """Build the whole record from the structured document."""
    tasks = extract_tasks(source, document, sections, vocab=vocab)
    targets = extract_targets(source, document, sections, tasks, vocab=vocab)
    add_mentions(source, document, sections, tasks, vocab=vocab)
    return Record(
        document=document,
        sections=sections,
        tasks=tasks,
        targets=targets,
        source={"path": source.path, "format": source.format, "encoding": source.encoding,
                "warnings": list(source.warnings),
                # Traditional-script input: the text as written, before conversion
                # (same length, so the record's offsets hold for it too)
                "original_text": source.original_text},
        text=source.text,
    )

"""Stage 3: sections -> tasks with their assignments, targets, and the
departments mentioned in running text."""
from __future__ import annotations

from ..models import Document, Record, Section, Source
from .targets import extract_targets
from .tasks import extract_tasks


def extract_record(source: Source, document: Document, sections: list[Section]) -> Record:
    """Build the whole record from the structured document."""
    tasks = extract_tasks(source, document, sections)
    targets = extract_targets(source, document, sections, tasks)
    return Record(
        document=document,
        sections=sections,
        tasks=tasks,
        targets=targets,
        source={"path": source.path, "format": source.format, "encoding": source.encoding,
                "warnings": list(source.warnings)},
        text=source.text,
    )

"""The library API over the stages: what the CLI and the tests call.

read -> structure -> extract here; store and publish take the records.
"""
from __future__ import annotations

from pathlib import Path

from .extract import extract_record
from .models import Record
from .read import read_document
from .structure import parse_structure


def extract_file(path: str | Path) -> Record:
    """Read, structure and extract one document into its record.

    Raises :class:`policykb.models.PolicyKBError` for input it cannot read.
    """
    source = read_document(path)
    document, sections = parse_structure(source)
    return extract_record(source, document, sections)

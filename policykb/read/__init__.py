"""Stage 1: a file in any supported format becomes a :class:`Source`.

``read_document(path)`` decides the format from the file's extension and
returns clean text; everything after this stage works on text alone.
"""
from __future__ import annotations

from pathlib import Path

from ..models import PolicyKBError, Source
from .normalize import fold_punctuation
from .text import decode_bytes, clean_text

READERS = {".txt": "text"}


def read_document(path: str | Path) -> Source:
    """Read one document into a :class:`Source`, or raise :class:`PolicyKBError`.

    The error names the file and the problem in one line: missing, empty,
    binary, undecodable, or of a format policykb does not read.
    """
    path = Path(path)
    if not path.exists():
        raise PolicyKBError(path, "no such file")
    if path.is_dir():
        raise PolicyKBError(path, "is a directory, not a document")
    suffix = path.suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise PolicyKBError(path, f"unsupported file type '{suffix or '(none)'}' (policykb reads {known})")
    data = path.read_bytes()
    if not data.strip():
        raise PolicyKBError(path, "file is empty")
    text, encoding = decode_bytes(data, path)
    text = clean_text(text)
    if not text.strip():
        raise PolicyKBError(path, "file has no text")
    return Source(path=str(path), text=text, norm=fold_punctuation(text), format="txt", encoding=encoding)

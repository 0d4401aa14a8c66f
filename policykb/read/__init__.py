"""Stage 1: a file in any supported format becomes a :class:`Source`.

``read_document(path)`` decides the format from the file's extension, reads
the file with that format's reader (:data:`READERS`) and finishes the text the
same way for all: line breaks normalised, Traditional script converted to
Simplified (the original kept), punctuation folded into ``norm``. Everything
after this stage works on text alone.

Every problem with the input is a :class:`PolicyKBError` naming the file and
the problem in one line, never a traceback.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..models import PolicyKBError, Source
from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .docx import read_docx
from .html import read_html
from .normalize import fold_punctuation
from .pdf import read_pdf
from .script import simplify_script
from .text import clean_text, decode_bytes, decode_warnings

def read_text_file(path, data: bytes, vocab=None) -> Source:
    """Read a plain-text file (UTF-8 with or without BOM, GB18030/GBK)."""
    text, encoding = decode_bytes(data, path)
    return Source(path=str(path), text=text, norm="", format="txt", encoding=encoding,
                  warnings=decode_warnings(data, text, encoding))


# extension -> reader(path, bytes, vocab) -> Source (``norm`` left for read_document)
READERS: dict[str, Callable[..., Source]] = {
    ".txt": read_text_file,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}

# formats people have that policykb does not read, and what to do instead
_HINTS = {
    ".doc": "save it as .docx",
    ".wps": "save it as .docx",
    ".rtf": "save it as .docx",
    ".ofd": "save it as .pdf",
    ".xlsx": "save the table as .docx",
}


def read_document(path: str | Path, vocab=None) -> Source:
    """Read one document into a :class:`Source`, or raise :class:`PolicyKBError`.

    The error names the file and the problem in one line: missing, empty,
    binary, undecodable, corrupt, or of a format policykb does not read.
    ``vocab`` is the :class:`~policykb.vocab.Vocabulary` whose ``read`` words
    (and patterns) the readers use (default: the shipped one).
    """
    vocab = default_vocabulary(vocab)
    path = Path(path)
    if not path.exists():
        raise PolicyKBError(path, "no such file")
    if path.is_dir():
        raise PolicyKBError(path, "is a directory, not a document")
    suffix = path.suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        hint = f"; {_HINTS[suffix]}" if suffix in _HINTS else ""
        raise PolicyKBError(path, f"unsupported file type '{suffix or '(none)'}' (policykb reads {known}){hint}")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise PolicyKBError(path, f"cannot read the file ({e.strerror or type(e).__name__})") from None
    if not data.strip():
        raise PolicyKBError(path, "file is empty")
    source = READERS[suffix](path, data, vocab)
    return finish_source(source, vocab)


def finish_source(source: Source, vocab=None) -> Source:
    """Normalise a reader's text: line breaks, script, folded punctuation.

    >>> s = finish_source(Source(path="p.txt", text="二、主要目標\\r\\n到2025年", norm=""))
    >>> s.text, s.original_text, s.norm == s.text
    ('二、主要目标\\n到2025年', '二、主要目標\\n到2025年', True)
    """
    vocab = default_vocabulary(vocab)
    text = clean_text(source.text)
    if not text.strip():
        raise PolicyKBError(source.path, "file has no text")
    if not compile_patterns(vocab).read.han.search(text):
        raise PolicyKBError(source.path, "no Chinese text in the file (not a policy plan, or a wrong encoding)")
    source.text, source.original_text = simplify_script(text, vocab)
    source.norm = fold_punctuation(source.text)
    return source


__all__ = ["READERS", "read_document", "finish_source", "fold_punctuation"]

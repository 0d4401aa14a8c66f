"""What a build compares before it reads a document: the hash of the
source's bytes and the parser's version (a hash of the package's code and
data files, and of a swapped vocabulary's folder)."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent

#: files of the package that change what a document becomes
VERSIONED_SUFFIXES = (".py", ".yml", ".yaml", ".csv", ".json", ".txt")


def source_hash(data: bytes) -> str:
    """The hash of a source file's bytes.

    >>> source_hash(b"abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(data).hexdigest()


def _folder_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in VERSIONED_SUFFIXES
                       and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=None)
def package_version() -> str:
    """The hash of every code and data file of the installed package."""
    return _folder_hash(PACKAGE)


def parser_version(vocab=None) -> str:
    """The parser's version for ``vocab`` (default: the shipped vocabulary):
    the package's hash, with the vocabulary's own folder when it is another.

    >>> parser_version() == parser_version()
    True
    """
    files = getattr(vocab, "files", None)
    root = getattr(files, "root", None)
    if root is None or not isinstance(root, Path) or PACKAGE in root.resolve().parents:
        return package_version()
    return hashlib.sha256((package_version() + _folder_hash(root)).encode("ascii")).hexdigest()

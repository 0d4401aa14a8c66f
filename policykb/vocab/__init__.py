"""The one vocabulary: every word policykb reads by, loaded once.

In the manner of dateutil's ``parserinfo``: the words of the genre (layout
words, note cue words, quantity words, time words, number words, places,
department tables...) live in ``policykb/data/`` and are read by one loader,
:func:`load_vocabulary`, into one :class:`Vocabulary`. The pipeline passes
that object down every stage (``extract_file(path, vocab=...)``), so a test or
another genre can swap any part of it end to end::

    vocab = load_vocabulary()
    other = dataclasses.replace(vocab, numerals=my_numerals)

Each part is built by the module of the same name in this package, from the
parsed data files (:class:`DataFiles`); no other module reads a data file.
Patterns compiled from a vocabulary are in :mod:`policykb.patterns`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import departments, indicators, layout, notes, quantities, read, site, store, time
from . import numerals as numerals_part


class DataFiles:
    """The data files of one vocabulary, each read and parsed once.

    ``root`` is a folder laid out like ``policykb/data`` (default: that one).
    """

    def __init__(self, root: str | Path | None = None):
        self.root = resources.files("policykb.data") if root is None else Path(root)
        self._parsed: dict[tuple[str, ...], Any] = {}

    def text(self, *parts: str) -> str:
        """The text of a data file: ``files.text("departments", "chongqing.csv")``."""
        return self.root.joinpath(*parts).read_text("utf-8")

    def yaml(self, *parts: str) -> Any:
        """A YAML data file, parsed once (an empty file gives ``{}``).

        >>> DataFiles().yaml("numerals.yml")["digits"]["三"]
        3
        """
        if parts not in self._parsed:
            self._parsed[parts] = yaml.safe_load(self.text(*parts)) or {}
        return self._parsed[parts]

    @property
    def read_files(self) -> set[tuple[str, ...]]:
        """The YAML files parsed so far (a test checks that every file is)."""
        return set(self._parsed)


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """Every part of the vocabulary, built from one :class:`DataFiles`.

    Compared and hashed by identity: compiled patterns are cached per object.
    """

    numerals: Any
    read: Any
    layout: Any
    notes: Any
    quantities: Any
    time: Any
    departments: Any
    store: Any
    site: Any
    indicators: Any
    files: DataFiles = field(repr=False, default=None)


def build_vocabulary(files: DataFiles) -> Vocabulary:
    """Build every part from ``files``; parts that need another part get it."""
    nums = numerals_part.build(files)
    return Vocabulary(
        numerals=nums,
        read=read.build(files),
        layout=layout.build(files, nums),
        notes=notes.build(files),
        quantities=quantities.build(files, nums),
        time=time.build(files),
        departments=departments.build(files),
        store=store.build(files),
        site=site.build(files),
        indicators=indicators.build(files),
        files=files,
    )


@lru_cache(maxsize=None)
def load_vocabulary(data_dir: str | None = None) -> Vocabulary:
    """The vocabulary of ``data_dir`` (default: the one shipped in
    ``policykb/data``), loaded once per folder.

    >>> load_vocabulary() is load_vocabulary()
    True
    """
    return build_vocabulary(DataFiles(data_dir))


def default_vocabulary(vocab: Vocabulary | None = None) -> Vocabulary:
    """``vocab``, or the shipped vocabulary when it is None."""
    return vocab if vocab is not None else load_vocabulary()

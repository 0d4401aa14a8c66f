"""The extraction record (../shared/spec/EXTRACTION.md) as dataclasses.

Every stage speaks these types: ``read`` yields a :class:`Source`, ``structure``
a :class:`Document` and :class:`Section` list, ``extract`` the :class:`Task` and
:class:`Target` lists, and :class:`Record` bundles them for ``store``.

Offsets (``start``, ``end``) are character offsets into ``Source.text``, the
text the parser read (``Record.text``), so ``text[start:end]`` is the evidence.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class PolicyKBError(Exception):
    """A problem with one input, reported to the user as one line.

    >>> str(PolicyKBError("plan.txt", "file is empty"))
    'plan.txt: file is empty'
    """

    def __init__(self, path: Any, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass
class Source:
    """A document read into text: what every later stage parses.

    ``text`` is the text as read (simplified script, newlines normalised);
    ``norm`` is the same text, character for character, with full-width and
    half-width punctuation folded to one form, so regexes match either and
    offsets into ``norm`` are offsets into ``text``. ``original_text`` keeps the
    text before script conversion when it differed (Traditional input).
    """

    path: str
    text: str
    norm: str
    format: str = "txt"
    encoding: str | None = None
    original_text: str | None = None
    warnings: list[str] = field(default_factory=list)
    # rows of a task-assignment table (docx), each a list of cell strings
    tables: list[list[list[str]]] = field(default_factory=list)


@dataclass
class Document:
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_date: str | None = None
    jurisdiction: str | None = None
    cites: list[str] = field(default_factory=list)
    # where the plan body starts in the text (after the cover notice), and
    # where the title stands
    body_start: int = 0
    title_start: int | None = None
    title_end: int | None = None


@dataclass
class Mention:
    """A department named in running text (not in a responsibility note)."""

    as_written: str
    department: str
    start: int
    end: int
    # whose body it is (重庆市, 四川省, 全国): the document's jurisdiction, or the one the name states
    jurisdiction: str | None = None


@dataclass
class Section:
    id: int
    parent_id: int | None
    level: int
    label: str
    path: str
    title: str
    text: str
    start: int  # start of the label
    end: int  # end of the section's own text (before its first child)
    number: int = 0  # the label's number (（三） -> 3)
    style: str = ""  # the label's kind: part, cn, paren_cn, arabic, paren_arabic, circled
    text_start: int = 0  # where `text` starts in Source.text
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Assignment:
    as_written: str
    department: str
    role: str  # lead / responsible / supporting / implementing
    inherited: bool = False
    start: int | None = None
    end: int | None = None
    # whose body it is (重庆市, 四川省, 全国): the document's jurisdiction, or the one the name states
    jurisdiction: str | None = None


@dataclass
class Task:
    id: int
    section_id: int
    path: str
    title: str
    text: str
    deadline: str | None = None
    assignments: list[Assignment] = field(default_factory=list)
    start: int = 0
    end: int = 0
    # the responsibility notes as written, with their spans
    notes: list[dict] = field(default_factory=list)


@dataclass
class Target:
    id: int
    kind: str  # target / threshold
    path: str
    indicator: str
    value: float
    unit: str
    comparator: str
    change: str
    baseline_year: int | None
    target_year: int | None
    text: str
    start: int = 0
    end: int = 0
    # the value with 万/亿 multiplied out, and the unit without them
    value_base: float | None = None
    unit_base: str | None = None


@dataclass
class Record:
    document: Document
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    source: dict = field(default_factory=dict)  # path, format, encoding, warnings
    text: str = ""

    def to_dict(self) -> dict:
        """The record as JSON-ready data, in the spec's key order."""
        return {
            "document": asdict(self.document),
            "sections": [asdict(s) for s in self.sections],
            "tasks": [asdict(t) for t in self.tasks],
            "targets": [asdict(t) for t in self.targets],
            "source": self.source,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        """Rebuild a record from :meth:`to_dict` output (``extracted/*.json``)."""
        sections = []
        for s in data.get("sections", []):
            s = dict(s)
            s["mentions"] = [Mention(**m) for m in s.get("mentions", [])]
            sections.append(Section(**s))
        tasks = []
        for t in data.get("tasks", []):
            t = dict(t)
            t["assignments"] = [Assignment(**a) for a in t.get("assignments", [])]
            tasks.append(Task(**t))
        return cls(
            document=Document(**data["document"]),
            sections=sections,
            tasks=tasks,
            targets=[Target(**t) for t in data.get("targets", [])],
            source=data.get("source", {}),
            text=data.get("text", ""),
        )

"""The library API over the stages: what the CLI and the tests call.

read -> structure -> extract here; store and publish take the records.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .extract import extract_record
from .models import PolicyKBError, Record
from .read import read_document
from .structure import parse_structure
from .vocab import Vocabulary, default_vocabulary


def extract_file(path: str | Path, vocab: Vocabulary | None = None) -> Record:
    """Read, structure and extract one document into its record, with the
    words of ``vocab`` (default: the shipped vocabulary).

    Raises :class:`policykb.models.PolicyKBError` for input it cannot read.
    """
    vocab = default_vocabulary(vocab)
    source = read_document(path, vocab=vocab)
    copies = repeated_copies(source.text)
    if copies > 1:
        source.warnings.append(f"the file holds {copies} copies of one plan; read as it is (remove the copies)")
    document, sections = parse_structure(source, vocab=vocab)
    return extract_record(source, document, sections, vocab=vocab)


def repeated_copies(text: str, head: int = 80) -> int:
    r"""How many times the whole text is one plan written again (1: once).

    >>> repeated_copies("一、总体要求\n到2025年。\n" * 3), repeated_copies("一、总体要求\n到2025年。\n")
    (3, 1)
    """
    body = text.strip()
    start = body.split("\n", 1)[0].strip()[:head]  # the first line: notice or title
    if not start or body.count(start) < 2:
        return 1
    parts, at = [], 0
    while (nxt := body.find(start, at + 1)) > 0:
        parts.append(body[at:nxt].strip())
        at = nxt
    parts.append(body[at:].strip())
    return len(parts) if len(set(parts)) == 1 else 1


# --- build: documents -> extracted/*.json -> SQLite ----------------------

#: more documents than this and ``build_database(progress=True)`` shows a bar
PROGRESS_MIN_DOCUMENTS = 3


@dataclass
class BuildReport:
    """What one build did, document by document (paths as given)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line problem)
    duplicates: list[str] = field(default_factory=list)  # files of a plan another file holds
    warnings: list[str] = field(default_factory=list)  # one line each, naming the file

    def summary(self) -> str:
        """One line for the user.

        >>> BuildReport(added=["a.txt"], unchanged=["b.txt"]).summary()
        '2 documents: 1 added, 0 replaced, 1 unchanged, 0 failed'
        """
        total = len(self.added) + len(self.replaced) + len(self.unchanged) + len(self.failed) + len(self.duplicates)
        duplicates = f", {len(self.duplicates)} duplicates" if self.duplicates else ""
        return (f"{total} documents: {len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.unchanged)} unchanged{duplicates}, {len(self.failed)} failed")


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """The documents named by ``paths``: files as given, directories searched
    (recursively) for the formats ``read`` knows, in name order."""
    from .read import READERS

    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def write_snapshot(record: Record, extracted_dir: str | Path, name: str, data: dict | None = None) -> Path:
    """Write ``extracted/NAME.json`` (as ``policykb extract --format json``
    prints it); leave the file untouched when its content is the same.
    ``data`` is ``record.to_dict()`` when already made."""
    out = Path(extracted_dir) / f"{name}.json"
    text = json.dumps(data or record.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if not out.exists() or out.read_text(encoding="utf-8") != text:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return out


def build_database(paths: Iterable[str | Path] = ("corpus",), db_path: str | Path = "policykb.db",
                   extracted_dir: str | Path | None = "extracted", progress: bool = False,
                   vocab: Vocabulary | None = None, jobs: int | None = None, echo=None) -> BuildReport:
    """Extract every document of ``paths`` with the words of ``vocab``,
    snapshot it to ``extracted_dir`` and load it into ``db_path``, one
    transaction per document, with ``jobs`` worker processes (default:
    every core).

    A document whose bytes and parser are those its rows came from is not
    read again. The build waits for any other build of ``db_path``, writes
    into a copy and swaps it in (a running site keeps reading the file it
    has). A document that fails (unreadable, or an error while storing)
    keeps its previous rows and is listed in ``BuildReport.failed``; the
    others load. ``echo`` (default: nothing) hears that the build waits.
    """
    from . import batch

    vocab = default_vocabulary(vocab)
    paths = list(paths)
    files = find_documents(paths)
    if not files:
        raise PolicyKBError(", ".join(map(str, paths)), "no documents (.txt, .html, .docx or .pdf) to build")
    version = batch.parser_version(vocab)
    with batch.build_lock(db_path, echo):
        todo, unchanged = batch.plan_build(db_path, files, version, extracted_dir)
        report = BuildReport(unchanged=[str(p) for p in unchanged])
        if todo is None:  # nothing to read and the index is current: the file is left alone
            return report
        work = batch.working_copy(db_path)
        try:
            _load_all(work, todo, version, vocab, extracted_dir, progress, jobs, report)
            batch.swap_in(work, db_path)
        finally:
            batch.discard(work)
    return report


def _duplicate(db, done, report: BuildReport, version: str) -> bool:
    """True when ``done`` is a file of a plan another file holds (same key:
    same document number, or the same title without one) and loses to it:
    the file whose path sorts first wins, so a folder with both settles."""
    key = done.rows["documents"][0]["key"]
    row = db.execute("select source_path from documents where key = ?", [key]).fetchone()
    holder = row[0] if row else None
    if not holder or holder == done.path or not Path(holder).is_file():
        return False
    winner = min(holder, done.path)
    report.warnings.append(f"{done.path}: the same plan as {holder if winner == holder else done.path} "
                           f"(key {key}); {winner} is kept")
    if winner == holder:
        from . import store

        store.mark_duplicate(db, done.path, key, (done.digest, version))
        report.duplicates.append(done.path)
        return True
    return False


def _load_all(work: Path, todo, version: str, vocab, extracted_dir, progress: bool, jobs: int | None,
              report: BuildReport) -> None:
    """Prepare the documents of ``todo`` and load them into the database ``work``."""
    from tqdm import tqdm

    from . import batch, store

    db = store.open_database(work)
    db.execute("pragma synchronous = off")  # a private copy: swapped in only once complete
    store.ensure_index_version(db, version)
    bar = tqdm(total=len(todo), desc="build", unit="doc", disable=not progress or len(todo) <= PROGRESS_MIN_DOCUMENTS)
    try:
        for done in batch.prepared(todo, vocab, extracted_dir, jobs or batch.default_jobs()):
            bar.update(1)
            if done.problem:
                report.failed.append((done.path, done.problem))
                continue
            report.warnings.extend(f"{done.path}: {warning}" for warning in done.warnings)
            if _duplicate(db, done, report, version):
                continue
            try:
                status = store.load_rows(db, done.rows, done.path, (done.digest, version))
            except PolicyKBError as e:
                report.failed.append((done.path, str(e)))
                continue
            getattr(report, status).append(done.path)
    finally:
        bar.close()
        db.close()

"""One build: which documents changed (by source hash and parser version,
before reading them), their extraction in worker processes, and their rows
written by this process in the order of the files, so a build with any
number of workers gives the database a serial build gives."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..models import PolicyKBError
from .version import source_hash


@dataclass
class Job:
    """A document to read: its path and the hash of its bytes."""

    path: Path
    digest: str


@dataclass
class Prepared:
    """A document read and extracted by a worker: its rows, or its problem."""

    path: str
    digest: str
    rows: dict | None = None
    warnings: list[str] = field(default_factory=list)
    problem: str | None = None


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def changed_jobs(db, files: list[Path], version: str, extracted_dir) -> tuple[list[Job], list[Path]]:
    """Split ``files`` into the documents to read and those unchanged since
    the database stored them (same bytes, same parser, snapshot present);
    only the bytes are hashed, nothing is parsed."""
    from .. import store

    jobs, unchanged = [], []
    for path in files:
        digest = _digest(path)  # "" when unreadable: the reader names the problem
        snapshot_ok = extracted_dir is None or (Path(extracted_dir) / f"{path.stem}.json").is_file()
        if digest and snapshot_ok and store.stored_source(db, str(path), digest, version):
            unchanged.append(path)
        else:
            jobs.append(Job(path, digest))
    return jobs, unchanged


def plan_build(db_path, files: list[Path], version: str, extracted_dir) -> tuple[list[Job] | None, list[Path]]:
    """:func:`changed_jobs` against the database at ``db_path`` (read only);
    ``None`` for the jobs when nothing is to be read and its index is of
    this parser version (then the build writes nothing)."""
    import sqlite3

    from .. import store

    if not Path(db_path).exists():
        return [Job(path, _digest(path)) for path in files], []
    db = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    try:
        jobs, unchanged = changed_jobs(db, files, version, extracted_dir)
        current = db.execute("pragma user_version").fetchone()[0] == store.index_version(version)
    except sqlite3.Error:  # a database of an older build: read everything
        return [Job(path, _digest(path)) for path in files], []
    finally:
        db.close()
    return (None if not jobs and current else jobs), unchanged


def _digest(path: Path) -> str:
    try:
        return source_hash(path.read_bytes())
    except OSError:
        return ""


#: what every worker needs, set before the pool forks (a vocabulary holds
#: compiled patterns and need not be pickled)
_STATE: dict = {}


def prepare(job: Job) -> Prepared:
    """Read, extract and turn one document into rows (in a worker, or here)."""
    from .. import pipeline, store

    vocab, extracted_dir = _STATE["vocab"], _STATE["extracted_dir"]
    try:
        record = pipeline.extract_file(job.path, vocab)
        data = store.record_data(record)  # the record as data once: snapshot, hash and rows
        if extracted_dir is not None:
            pipeline.write_snapshot(record, extracted_dir, job.path.stem, data)
        rows = store.record_rows(record, None, vocab, data)
        rows["tasks_words"] = task_words(record, rows)
    except PolicyKBError as e:
        return Prepared(str(job.path), job.digest, problem=str(e))
    except Exception as e:  # noqa: BLE001 - an extractor bug fails this document, not the build
        return Prepared(str(job.path), job.digest, problem=f"{job.path}: {type(e).__name__}: {e}")
    return Prepared(str(job.path), job.digest, rows=rows, warnings=list(record.source.get("warnings") or []))


def task_words(record, rows: dict) -> list[dict]:
    """Each task's cut (``tasks_words``) from the words the department
    mentions' pass made over the sections' text, so the search index does
    not cut the text a second time."""
    from .. import store
    from ..nlp import last_words

    words = None
    if record.sections:
        offset = min(s.start for s in record.sections)
        found = last_words(max(s.end for s in record.sections) - offset)
        words = [(start + offset, n) for start, n in found] if found else None
    starts = [w[0] for w in words] if words else []
    return [{"key": row["key"], "document": row["document"],
             "cut": store.task_codes(row["title"], row["text"], words, row["start"] or 0, starts)}
            for row in rows["tasks"]]


def prepared(jobs: list[Job], vocab, extracted_dir, workers: int) -> Iterator[Prepared]:
    """Each job prepared, in the order of ``jobs``, by ``workers`` processes
    (1: in this process)."""
    _STATE.update(vocab=vocab, extracted_dir=extracted_dir)
    if workers <= 1 or len(jobs) <= 1:
        yield from map(prepare, jobs)
        return
    from ..nlp import get_nlp

    get_nlp(vocab)  # loaded once here, shared by the forked workers
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
        yield from pool.map(prepare, jobs, chunksize=1)

"""A build never disturbs a running site: it waits for any other build of the
same database (a lock file beside it), writes into a copy and swaps the copy
in with one ``os.replace``. A reader keeps the file it opened; a site that
watches the path (:mod:`policykb.publish.serve`) picks the new one up."""
from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


def lock_path(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


@contextmanager
def build_lock(db_path: str | Path, echo: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the build lock of ``db_path``; when another build holds it, say so
    once and wait for it to finish."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            if echo:
                echo(f"{db_path}: another build is running ({holder}, lock {path}); waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield path
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def working_copy(db_path: str | Path) -> Path:
    """A copy of ``db_path`` (empty when there is none) beside it, to build into."""
    db_path = Path(db_path)
    work = db_path.with_name(f".{db_path.name}.building-{os.getpid()}")
    work.unlink(missing_ok=True)
    if db_path.exists():
        shutil.copyfile(db_path, work)
    return work


def swap_in(work: Path, db_path: str | Path) -> None:
    """Make ``work`` the database at ``db_path`` in one step (its bytes on
    disk first)."""
    with open(work, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(work, db_path)


def discard(work: Path) -> None:
    for path in (work, work.with_name(work.name + "-journal")):
        path.unlink(missing_ok=True)

"""Serving the database with Datasette: build it when needed, then run
``datasette serve`` immutable (read-only) with ``metadata.yml``; the plugin
loads through its entry point."""
from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterable

import yaml

from ..models import PolicyKBError

#: metadata.yml at the top of the repository (editable install), used when the
#: working directory has none
REPO_METADATA = Path(__file__).resolve().parents[2] / "metadata.yml"


def find_metadata(path: str | Path | None = None) -> Path:
    """The metadata file to serve with: ``path``, else ./metadata.yml, else the repository's."""
    for candidate in ([Path(path)] if path else [Path("metadata.yml"), REPO_METADATA]):
        if candidate.is_file():
            return candidate
    raise PolicyKBError(path or "metadata.yml", "no such metadata file")


def needs_build(db_path: str | Path, inputs: Iterable[Path]) -> bool:
    """True when the database is missing or older than any of its input documents."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return True
    built = db_path.stat().st_mtime
    return any(p.stat().st_mtime > built for p in inputs)


def metadata_for(db_path: str | Path, metadata_path: str | Path) -> dict:
    """The metadata, its ``databases.policykb`` section renamed after the
    database file (Datasette names a database by its file's stem)."""
    data = yaml.safe_load(Path(metadata_path).read_text(encoding="utf-8")) or {}
    name = Path(db_path).stem
    databases = data.get("databases") or {}
    if name not in databases and "policykb" in databases:
        databases[name] = databases.pop("policykb")
    return data


def datasette_command(db_path: str | Path, metadata_path: str | Path, host: str, port: int) -> list[str]:
    """The ``datasette serve`` command line: immutable database, metadata, localhost."""
    return [sys.executable, "-m", "datasette", "serve", "-i", str(db_path), "-m", str(metadata_path),
            "--host", host, "--port", str(port)]


def build_if_needed(db_path: str | Path, paths: Iterable[str | Path], echo=print) -> None:
    """Build the database when :func:`needs_build` says so; failures are warnings."""
    from ..pipeline import build_database, find_documents

    if needs_build(db_path, find_documents(paths)):
        report = build_database(paths, db_path, progress=True)
        echo(f"built {db_path}: {report.summary()}")
        for _, problem in report.failed:
            echo(f"warning: {problem}")


def serve_database(db_path: str | Path = "policykb.db", paths: Iterable[str | Path] = ("corpus",),
                   metadata: str | Path | None = None, host: str = "127.0.0.1", port: int = 8001,
                   build: bool = True, echo=print) -> int:
    """Build ``db_path`` from ``paths`` if needed, then serve it until stopped.

    Returns Datasette's exit status.
    """
    if build:
        build_if_needed(db_path, paths, echo)
    if not Path(db_path).exists():
        raise PolicyKBError(db_path, "no such database (build it with: policykb build)")
    source = find_metadata(metadata)
    with tempfile.TemporaryDirectory(prefix="policykb-") as tmp:
        meta = Path(tmp) / "metadata.yml"
        meta.write_text(yaml.safe_dump(metadata_for(db_path, source), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        echo(f"serving {db_path} on http://{host}:{port}/ (read-only)")
        return run_until_stopped(datasette_command(db_path, meta, host, port))


def run_until_stopped(command: list[str]) -> int:
    """Run ``command``; a SIGTERM or Ctrl-C sent to this process stops it too."""
    proc = subprocess.Popen(command)
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: proc.terminate())
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)

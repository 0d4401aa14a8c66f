"""Serving the database with Datasette: build it when needed, then run
``datasette serve`` immutable (read-only) with ``metadata.yml``; the plugin
loads through its entry point. A build swaps a new file in at the path
(:mod:`policykb.batch.swap`); the site watches the path and serves the new
file from the next request on, while requests under way finish on the old
one (:func:`pick_up`, run before each request by the ``asgi_wrapper`` hook
of :func:`watcher`, which the served Datasette loads from a plugins folder)."""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
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


def metadata_for(db_path: str | Path, metadata_path: str | Path) -> dict:
    """The metadata, its ``databases.policykb`` section renamed after the
    database file (Datasette names a database by its file's stem)."""
    data = yaml.safe_load(Path(metadata_path).read_text(encoding="utf-8")) or {}
    name = Path(db_path).stem
    databases = data.get("databases") or {}
    if name not in databases and "policykb" in databases:
        databases[name] = databases.pop("policykb")
    return data




def datasette_command(db_path: str | Path, metadata_path: str | Path, host: str, port: int,
                      plugins_dir: str | Path | None = None) -> list[str]:
    """The ``datasette serve`` command line: immutable database, metadata,
    localhost (and the folder of the swap watcher)."""
    extra = ["--plugins-dir", str(plugins_dir)] if plugins_dir else []
    return [sys.executable, "-m", "datasette", "serve", "-i", str(db_path), "-m", str(metadata_path), *extra,
            "--host", host, "--port", str(port)]


def file_id(path: str | Path) -> tuple[int, int] | None:
    """What changes when a build swaps a new file in: its device and inode."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def pick_up(datasette, path: str | Path, name: str, seen: tuple[int, int] | None):
    """Serve the file now at ``path`` as database ``name`` when it is not the
    one ``seen`` (one assignment: a request sees the old or the new file).
    Returns the id of the file served and the database it replaced (or None)."""
    now = file_id(path)
    if now is None or now == seen or name not in datasette.databases:
        return (seen if now is None else now), None
    old = datasette.databases[name]
    db = file_database(datasette, path, f"{name}@{now[0]}:{now[1]}")
    db.name, db.route = name, old.route
    databases = datasette.databases.copy()
    databases[name] = db
    datasette.databases = databases
    return now, old


def file_database(datasette, path: str | Path, key: str):
    """An immutable Datasette database whose threads keep their connections
    under ``key`` (Datasette keys them by name, which the new file shares)."""
    from datasette.database import Database, connections

    class FileDatabase(Database):
        async def execute_fn(self, fn):
            if self.ds.executor is None:
                return await super().execute_fn(fn)

            def in_thread():
                conn = getattr(connections, key, None)
                if not conn:
                    conn = self.connect()
                    self.ds._prepare_connection(conn, self.name)
                    setattr(connections, key, conn)
                return fn(conn)

            return await asyncio.get_running_loop().run_in_executor(self.ds.executor, in_thread)

    return FileDatabase(datasette, path=str(path), is_mutable=False)


def watcher(path: str | Path, grace: float = 60.0):
    """A Datasette ``asgi_wrapper`` hook: before each request, serve the file
    now at ``path`` if a build swapped a new one in (a ``stat``, nothing
    more); a replaced database's files are closed ``grace`` seconds later,
    when the requests under way on it have finished."""
    name = Path(path).stem

    def asgi_wrapper(datasette):
        state = {"seen": file_id(path)}

        def wrap(app):
            async def watched(scope, receive, send):
                state["seen"], old = pick_up(datasette, path, name, state["seen"])
                if old is not None:
                    asyncio.get_running_loop().call_later(grace, old.close)
                await app(scope, receive, send)

            return watched

        return wrap

    return asgi_wrapper


#: the plugins-folder module that gives the served Datasette the hook above
WATCH_PLUGIN = ("from datasette import hookimpl\n\nfrom policykb.publish import serve\n\n"
                "asgi_wrapper = hookimpl(serve.watcher({path!r}))\n")


#: the database ``serve`` builds from corpus/ when it is given no documents
DEFAULT_DB = "policykb.db"


def build_if_needed(db_path: str | Path, paths: Iterable[str | Path], echo=print) -> None:
    """Bring the database up to date with its documents: a build reads only
    what changed (source bytes or parser version), so a parser change
    rebuilds and nothing else costs more than a hash; failures are warnings."""
    from ..pipeline import build_database

    report = build_database(paths, db_path, progress=True)
    if report.added or report.replaced or report.failed:
        echo(f"built {db_path}: {report.summary()}")
    for _, problem in report.failed:
        echo(f"warning: {problem}")


def may_build(db_path: str | Path, paths: Iterable[str | Path] | None) -> bool:
    """Whether ``serve`` may write into ``db_path``: when it was given the
    documents to build, or it serves the default database of corpus/; never
    corpus/ into another database it was only asked to serve.

    >>> may_build("policykb.db", None), may_build("plans.db", None), may_build("plans.db", ["plans/"])
    (True, False, True)
    """
    return bool(paths) or Path(db_path).name == DEFAULT_DB


def serve_database(db_path: str | Path = DEFAULT_DB, paths: Iterable[str | Path] | None = None,
                   metadata: str | Path | None = None, host: str = "127.0.0.1", port: int = 8001,
                   build: bool = True, echo=print) -> int:
    """Bring ``db_path`` up to date with ``paths`` (default: corpus/, for the
    default database only), then serve it until stopped.

    Returns 0 when stopped by Ctrl-C or SIGTERM, else Datasette's exit status.
    """
    if build and may_build(db_path, paths):
        build_if_needed(db_path, paths or ("corpus",), echo)
    if not Path(db_path).exists():
        raise PolicyKBError(db_path, f"no such database (build it with: policykb build PATHS --db {db_path})")
    source = find_metadata(metadata)
    with tempfile.TemporaryDirectory(prefix="policykb-") as tmp:
        meta = Path(tmp) / "metadata.yml"
        meta.write_text(yaml.safe_dump(metadata_for(db_path, source), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        plugins = Path(tmp) / "plugins"
        plugins.mkdir()
        (plugins / "policykb_watch.py").write_text(WATCH_PLUGIN.format(path=str(Path(db_path).resolve())),
                                                   encoding="utf-8")
        url = f"http://{host}:{port}/"
        return run_until_stopped(datasette_command(db_path, meta, host, port, plugins),
                                 ready=lambda: port_answers(host, port),
                                 announce=lambda: echo(f"serving {db_path} on {url} (read-only; "
                                                       "a new build is picked up; Ctrl-C stops)"))


def port_answers(host: str, port: int) -> bool:
    """Whether something accepts connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def run_until_stopped(command: list[str], ready=None, announce=None, wait: float = 60.0) -> int:
    """Run ``command``; say ``announce()`` once ``ready()`` is true (the port
    answers), not before. A Ctrl-C or SIGTERM sent to this process stops the
    command too, and this returns 0: stopping the site is no error."""
    proc = subprocess.Popen(command)
    stopped = []

    def stop(signum=None, frame=None):
        stopped.append(True)
        proc.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        deadline = time.monotonic() + wait
        while ready and proc.poll() is None and time.monotonic() < deadline and not ready():
            time.sleep(0.1)
        if announce and proc.poll() is None:
            announce()
        code = proc.wait()
    except KeyboardInterrupt:
        stop()
        code = proc.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0 if stopped else code

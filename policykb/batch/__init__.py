"""Batch builds of the database: skip what has not changed before reading it
(:mod:`.version`), extract the rest in worker processes and write in one
(:mod:`.run`)."""
from __future__ import annotations

from .run import Job, Prepared, changed_jobs, default_jobs, prepare, prepared
from .version import package_version, parser_version, source_hash

__all__ = ["Job", "Prepared", "changed_jobs", "default_jobs", "package_version", "parser_version", "prepare",
           "prepared", "source_hash"]

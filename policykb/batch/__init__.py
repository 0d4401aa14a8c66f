"""Batch builds of the database: skip what has not changed before reading it
(:mod:`.version`), extract the rest in worker processes and write in one
(:mod:`.run`), into a copy swapped in when complete, one build at a time
(:mod:`.swap`)."""
from __future__ import annotations

from .run import Job, Prepared, changed_jobs, default_jobs, plan_build, prepare, prepared
from .swap import build_lock, discard, lock_path, swap_in, working_copy
from .version import package_version, parser_version, source_hash

__all__ = ["Job", "Prepared", "build_lock", "changed_jobs", "default_jobs", "discard", "lock_path",
           "package_version", "parser_version", "plan_build", "prepare", "prepared", "source_hash", "swap_in",
           "working_copy"]

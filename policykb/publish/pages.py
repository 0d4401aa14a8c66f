"""The data behind the policykb pages of the Datasette site: typed helpers
that run SQL on a Datasette ``Database`` and shape the rows for a template.
The hooks in :mod:`policykb.publish.plugin` only call these.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..store import ROLES


def site_words():
    """The words of the site (``data/site.yml``)."""
    from ..vocab import load_vocabulary

    return load_vocabulary().site

#: the tables a database needs for the department pages to apply to it
REQUIRED_TABLES = {"departments", "assignments", "tasks", "documents"}


def role_label(role: str) -> str:
    """The Chinese word for a role; unknown roles as they are.

    >>> role_label("lead"), role_label("other")
    ('牵头', 'other')
    """
    return site_words().roles.get(role, role)


@lru_cache(maxsize=None)
def template_source(name: str) -> str:
    """A template of ``publish/templates`` as text (the plugin is a module, so
    Datasette does not find the folder by itself)."""
    return resources.files("policykb.publish").joinpath("templates", name).read_text("utf-8")


async def find_database(datasette):
    """The first attached database that holds policykb tables, or None."""
    for db in datasette.databases.values():
        if db.name == "_internal":
            continue
        if REQUIRED_TABLES <= set(await db.table_names()):
            return db
    return None


@dataclass
class TaskEntry:
    task: str  # task key: cq-2022-39/3.1.1
    path: str
    title: str
    text: str
    deadline: str | None
    document: str
    document_title: str
    doc_number: str | None
    as_written: list[str]
    inherited: bool
    others: list[dict]  # co-assigned departments: {key, name, role, role_label}


@dataclass
class DepartmentPage:
    key: str
    name: str
    full_name: str | None
    jurisdiction: str | None
    kind: str | None
    roles: dict[str, list[TaskEntry]] = field(default_factory=dict)  # role -> tasks, in ROLES order

    @property
    def task_count(self) -> int:
        return len({entry.task for entries in self.roles.values() for entry in entries})


_DEPARTMENTS_SQL = """
select key, name, full_name, jurisdiction, kind from departments
where name = :name or key = :name or full_name = :name
order by jurisdiction, key
"""

# one row per (task, role) of the department, with the other departments of the task
_TASKS_SQL = """
select a.role, t.key as task, t.path, t.title, t.text, t.deadline, t.sort_key,
       doc.key as document, doc.title as document_title, doc.doc_number,
       json_group_array(a.as_written) as as_written, min(a.inherited) as inherited,
       (select json_group_array(json_object('key', o.department, 'name', od.name, 'role', o.role))
          from (select department, role, min(position) as position from assignments
                where task = t.key and department != :key group by department, role order by position) o
          join departments od on od.key = o.department) as others
from assignments a
join tasks t on t.key = a.task
join documents doc on doc.key = t.document
where a.department = :key
group by a.role, t.key
order by t.sort_key
"""


async def department_pages(db, name: str) -> list[DepartmentPage]:
    """Every department called ``name`` (a short name, a full name or a key),
    one per jurisdiction, with its tasks by role."""
    pages = []
    for row in (await db.execute(_DEPARTMENTS_SQL, {"name": name})).rows:
        page = DepartmentPage(**dict(row))
        entries: dict[str, list[TaskEntry]] = {}
        for r in (await db.execute(_TASKS_SQL, {"key": page.key})).rows:
            others = [dict(o, role_label=role_label(o["role"])) for o in json.loads(r["others"] or "[]")]
            entries.setdefault(r["role"], []).append(TaskEntry(
                task=r["task"], path=r["path"], title=r["title"], text=r["text"], deadline=r["deadline"],
                document=r["document"], document_title=r["document_title"], doc_number=r["doc_number"],
                as_written=sorted(set(json.loads(r["as_written"]))), inherited=bool(r["inherited"]),
                others=others))
        known = [role for role in ROLES if role in entries]
        page.roles = {role: entries[role] for role in known + sorted(set(entries) - set(known))}
        pages.append(page)
    return pages


_INDEX_SQL = """
select d.key, d.name, d.jurisdiction, d.kind,
       count(distinct case when a.role = 'lead' then a.task end) as lead,
       count(distinct case when a.role = 'responsible' then a.task end) as responsible,
       count(distinct case when a.role = 'supporting' then a.task end) as supporting,
       count(distinct case when a.role = 'implementing' then a.task end) as implementing,
       count(distinct a.task) as tasks
from departments d left join assignments a on a.department = d.key
group by d.key
order by d.jurisdiction, tasks desc, d.name
"""


async def department_index(db) -> list[dict]:
    """Every department with the number of tasks it has in each role."""
    return [dict(row) for row in (await db.execute(_INDEX_SQL)).rows]

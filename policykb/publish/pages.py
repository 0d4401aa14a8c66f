"""The data behind the department pages of the Datasette site: typed helpers
that run SQL on a Datasette ``Database`` and shape the rows for a template.
Every filter and every page limit is in the SQL, never in Python after it.
The hooks in :mod:`policykb.publish.plugin` only call these.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from ..store import ROLES

#: tasks on one page of a department, departments on one page of the list
PAGE_SIZE = 50
INDEX_PAGE_SIZE = 100

#: the tables a database needs for the policykb pages to apply to it
REQUIRED_TABLES = {"departments", "assignments", "tasks", "documents"}


@lru_cache(maxsize=None)
def vocabulary():
    """The vocabulary (its ``site`` words and the gazetteer's aliases), read once."""
    from ..vocab import load_vocabulary

    return load_vocabulary()


def site_words():
    """The words of the site (``data/site.yml``)."""
    return vocabulary().site


def role_label(role: str) -> str:
    """The Chinese word for a role; unknown roles as they are.

    >>> role_label("lead"), role_label("other")
    ('牵头', 'other')
    """
    return site_words().roles.get(role, role)


async def find_database(datasette):
    """The first attached database that holds policykb tables, or None."""
    for db in datasette.databases.values():
        if db.name == "_internal":
            continue
        if REQUIRED_TABLES <= set(await db.table_names()):
            return db
    return None


def page_number(value) -> int:
    """``?page=`` as a number from 1 (anything else is page 1).

    >>> page_number("3"), page_number("x"), page_number(None), page_number("-2")
    (3, 1, 1, 1)
    """
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


@dataclass
class TaskEntry:
    task: str  # task key: cq-2022-39/3.1.1
    path: str
    title: str
    text: str
    deadline: str | None
    target_years: list[int]
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
    counts: dict[str, int] = field(default_factory=dict)  # role -> tasks, all pages
    roles: dict[str, list[TaskEntry]] = field(default_factory=dict)  # role -> this page's tasks, in ROLES order
    page: int = 1
    pages: int = 1

    @property
    def task_count(self) -> int:
        return self.counts.get("", 0)


_MATCH_SQL = """
select key, name, full_name, jurisdiction, kind from departments
where (key = :name or name = :name or full_name = :name)
  and (:jurisdiction = '' or jurisdiction = :jurisdiction)
order by jurisdiction, key
"""

_SAME_NAME_SQL = "select key, jurisdiction from departments where name = :name order by jurisdiction"

_COUNTS_SQL = """
select role, count(distinct task) as n from assignments where department = :key group by role
union all select '', count(distinct task) from assignments where department = :key
"""

_ROLE_ORDER = " ".join(f"when '{role}' then {i}" for i, role in enumerate(ROLES))

# one row per (task, role) of the department, one page of them, with the other departments of the task
_TASKS_SQL = f"""
select a.role, t.key as task, t.path, t.title, t.text, t.deadline,
       doc.key as document, doc.title as document_title, doc.doc_number,
       json_group_array(a.as_written) as as_written, min(a.inherited) as inherited,
       (select json_group_array(distinct target_year) from targets
         where task = t.key and kind = 'target' and target_year is not null) as target_years,
       (select json_group_array(json_object('key', o.department, 'name', od.name, 'role', o.role))
          from (select department, role, min(position) as position from assignments
                where task = t.key and department != :key group by department, role order by position) o
          join departments od on od.key = o.department) as others
from assignments a
join tasks t on t.key = a.task
join documents doc on doc.key = t.document
where a.department = :key
group by a.role, t.key
order by case a.role {_ROLE_ORDER} else {len(ROLES)} end, a.role, doc.key, t.sort_key
limit :limit offset :offset
"""


async def department_matches(db, name: str, jurisdiction: str = "") -> list[dict]:
    """The departments a name, full name or key stands for (one per jurisdiction)."""
    return [dict(r) for r in (await db.execute(_MATCH_SQL, {"name": name, "jurisdiction": jurisdiction})).rows]


async def same_name(db, name: str) -> list[dict]:
    """Every department called ``name``, one per jurisdiction: the jurisdiction picker."""
    return [dict(r) for r in (await db.execute(_SAME_NAME_SQL, {"name": name})).rows]


def task_entry(r) -> TaskEntry:
    others = [dict(o, role_label=role_label(o["role"])) for o in json.loads(r["others"] or "[]")]
    return TaskEntry(
        task=r["task"], path=r["path"], title=r["title"], text=r["text"], deadline=r["deadline"],
        target_years=sorted(json.loads(r["target_years"] or "[]")), document=r["document"],
        document_title=r["document_title"], doc_number=r["doc_number"],
        as_written=sorted(set(json.loads(r["as_written"]))), inherited=bool(r["inherited"]), others=others)


async def department_page(db, department: dict, page: int = 1) -> DepartmentPage:
    """One department (a row of :func:`department_matches`) with one page of its tasks by role."""
    result = DepartmentPage(**department, page=page)
    result.counts = {r["role"]: r["n"] for r in (await db.execute(_COUNTS_SQL, {"key": result.key})).rows}
    rows = sum(n for role, n in result.counts.items() if role)
    result.pages = max(1, -(-rows // PAGE_SIZE))
    params = {"key": result.key, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}
    entries: dict[str, list[TaskEntry]] = {}
    for r in (await db.execute(_TASKS_SQL, params)).rows:
        entries.setdefault(r["role"], []).append(task_entry(r))
    result.roles = entries
    return result


_INDEX_SQL = """
select d.key, d.name, d.full_name, d.jurisdiction, d.kind,
       count(distinct case when a.role = 'lead' then a.task end) as lead,
       count(distinct case when a.role = 'responsible' then a.task end) as responsible,
       count(distinct case when a.role = 'supporting' then a.task end) as supporting,
       count(distinct case when a.role = 'implementing' then a.task end) as implementing,
       count(distinct a.task) as tasks
from departments d left join assignments a on a.department = d.key
where (:jurisdiction = '' or d.jurisdiction = :jurisdiction)
  and (:q = '' or d.name like :like or d.full_name like :like or d.name like :spread
       or d.name in (select value from json_each(:aliases)))
group by d.key
order by d.name = :q desc, tasks desc, d.jurisdiction, d.name
limit :limit offset :offset
"""

_INDEX_COUNT_SQL = """
select count(*) from departments d
where (:jurisdiction = '' or d.jurisdiction = :jurisdiction)
  and (:q = '' or d.name like :like or d.full_name like :like or d.name like :spread
       or d.name in (select value from json_each(:aliases)))
"""

_JURISDICTIONS_SQL = """
select jurisdiction, count(*) as n from departments where jurisdiction is not null
group by jurisdiction order by n desc, jurisdiction
"""


def spread_pattern(q: str) -> str:
    """A LIKE pattern of the query's characters in order with anything between:
    an abbreviation finds the name it shortens (发改委 → 市发展改革委).

    >>> spread_pattern("发改委")
    '%发%改%委%'
    """
    return "%" + "%".join(ch.replace("%", "").replace("_", "") for ch in q if ch.strip()) + "%"


def alias_names(q: str) -> list[str]:
    """Canonical names whose gazetteer alias contains ``q`` (市发改委 → 市发展改革委)."""
    if not q:
        return []
    names = {dept.name for rows in vocabulary().departments.aliases.values() for form, dept in rows if q in form}
    return sorted(names)


async def department_index(db, q: str = "", jurisdiction: str = "", page: int = 1) -> tuple[list[dict], int]:
    """One page of departments matching ``q`` (part of a name, a full name or an
    alias, or an abbreviation) in ``jurisdiction``, with their task counts by
    role; and how many match in all."""
    q = (q or "").strip()
    params = {"q": q, "like": f"%{q}%", "spread": spread_pattern(q), "aliases": json.dumps(alias_names(q)),
              "jurisdiction": jurisdiction or "", "limit": INDEX_PAGE_SIZE, "offset": (page - 1) * INDEX_PAGE_SIZE}
    rows = [dict(row) for row in (await db.execute(_INDEX_SQL, params)).rows]
    total = (await db.execute(_INDEX_COUNT_SQL, params)).first()[0]
    return rows, total


async def jurisdictions(db) -> list[dict]:
    """Every jurisdiction with departments, largest first: the list's picker."""
    return [dict(r) for r in (await db.execute(_JURISDICTIONS_SQL)).rows]

"""The 任务分工表 of a plan (or of one department): one row per task, in the
plan's order, with its departments by role, its deadline (else the target
years of its targets) and its targets as written.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..store import ROLES
from .pages import site_words

#: what a row of the table holds, in the order of ``plan_columns`` in site.yml
PLAN_FIELDS = ("path", "task", *ROLES, "deadline", "targets")

_ROWS_SQL = """
select t.key, t.path, t.title, t.text, t.deadline, t.document, doc.title as document_title,
       (select json_group_array(json_object('key', x.department, 'name', x.name, 'role', x.role))
          from (select a.department, d.name, a.role, min(a.position) as position from assignments a
                join departments d on d.key = a.department
                where a.task = t.key group by a.department, a.role order by position) x) as assigned,
       (select json_group_array(json_object('key', g.key, 'text', g.text, 'year', g.target_year))
          from (select key, text, target_year from targets
                where task = t.key and kind = 'target' order by sort_key) g) as targets
from tasks t join documents doc on doc.key = t.document
where {where}
order by t.document, t.sort_key
"""

_BY_DOCUMENT = "t.document = :key"
_BY_DEPARTMENT = "t.key in (select task from assignments where department = :key)"

_DOCUMENTS_SQL = """
select key, doc_number, title, issuer, issued_date, coalesce(jurisdiction, '') as jurisdiction, task_count, target_count
from documents order by jurisdiction, issued_date desc, key
"""


@dataclass
class PlanRow:
    key: str
    path: str
    title: str | None
    text: str
    deadline: str | None
    document: str
    document_title: str | None
    departments: dict[str, list[dict]] = field(default_factory=dict)  # role -> [{key, name}]
    targets: list[dict] = field(default_factory=list)  # [{key, text, year}]

    @property
    def due(self) -> str:
        """The task's deadline, else the target years of its targets (2025年)."""
        if self.deadline:
            return self.deadline
        years = sorted({t["year"] for t in self.targets if t.get("year")})
        return site_words().messages["name_joiner"].join(
            site_words().messages["target_year"].format(year=y) for y in years)

    def cells(self) -> dict[str, str]:
        """The row as the text of each column (for xlsx and csv)."""
        words = site_words().messages
        cells = {"path": self.path, "task": self.text, "deadline": self.due,
                 "targets": words["target_joiner"].join(t["text"] for t in self.targets),
                 "document": self.document_title or self.document}
        for role in ROLES:
            cells[role] = words["name_joiner"].join(d["name"] for d in self.departments.get(role, []))
        return cells


def unique_targets(targets: list[dict]) -> list[dict]:
    """A task's targets, one per clause (a clause with several values is several targets).

    >>> [t["key"] for t in unique_targets([{"key": "a", "text": "x"}, {"key": "b", "text": "x"}])]
    ['a']
    """
    seen: dict[str, dict] = {}
    for target in targets:
        seen.setdefault(target["text"], target)
    return list(seen.values())


def plan_row(r) -> PlanRow:
    row = PlanRow(key=r["key"], path=r["path"], title=r["title"], text=r["text"], deadline=r["deadline"],
                  document=r["document"], document_title=r["document_title"],
                  targets=unique_targets(json.loads(r["targets"] or "[]")))
    for d in json.loads(r["assigned"] or "[]"):
        row.departments.setdefault(d["role"], []).append({"key": d["key"], "name": d["name"]})
    return row


async def plan_rows(db, document: str) -> list[PlanRow]:
    """The 任务分工表 of one document, in the plan's order."""
    sql = _ROWS_SQL.format(where=_BY_DOCUMENT)
    return [plan_row(r) for r in (await db.execute(sql, {"key": document})).rows]


async def department_rows(db, department: str) -> list[PlanRow]:
    """The 任务分工表 of one department (by key): its tasks in every plan."""
    sql = _ROWS_SQL.format(where=_BY_DEPARTMENT)
    return [plan_row(r) for r in (await db.execute(sql, {"key": department})).rows]


async def document_row(db, key: str) -> dict | None:
    """One document's row (without its text), or None."""
    rows = (await db.execute("select key, doc_number, title, issuer, issued_date, jurisdiction, task_count, "
                             "target_count, section_count, body_start from documents where key = :key",
                             {"key": key})).rows
    return dict(rows[0]) if rows else None


async def document_list(db) -> list[dict]:
    """Every document, by jurisdiction and newest first."""
    return [dict(r) for r in (await db.execute(_DOCUMENTS_SQL)).rows]

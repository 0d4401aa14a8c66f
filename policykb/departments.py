"""Departments: canonical names, full names and aliases.

The gazetteer is data (``policykb/data/departments/``): one table per
jurisdiction (``index.yml`` says which) listing each department's canonical
short name as its own plans write it (市发展改革委), its full name
(重庆市发展和改革委员会) and the other forms plans use; and ``rules.yml``, which
canonicalises names no table lists, for any jurisdiction: a leading province
name becomes the level word (四川省能源局 -> 省能源局 in 四川省), a bare body takes
the level word of the name before it (省发展改革委、水利厅 -> 省水利厅), and full or
colloquial bodies are shortened (省发改委 -> 省发展改革委). Unknown names pass
through unchanged.

API other stages rely on:
- ``load_gazetteer() -> Gazetteer`` (cached)
- ``Gazetteer.resolve(as_written, jurisdiction) -> Department``
- ``Gazetteer.aliases() -> iterable of (written form, Department)``
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .data import load_yaml, read_data

NATIONAL = "全国"
# an aside inside a name: 万盛经开区（以下统称区县）, 各市〔州〕人民政府
_ASIDE = re.compile(r"[（(〔\[][^（）()〔〕\[\]]*[）)〕\]]")


@dataclass(frozen=True)
class Department:
    name: str  # canonical short name in its jurisdiction: 市发展改革委
    full_name: str | None = None  # 重庆市发展和改革委员会
    jurisdiction: str | None = None  # 重庆市, 全国
    kind: str = "department"  # department, government, generic, ...


@dataclass(frozen=True)
class Rules:
    """The canonicalisation vocabulary of ``rules.yml``."""

    provinces: tuple[str, ...]
    level_words: dict[str, str]
    placed_prefixes: tuple[str, ...]
    not_placed: tuple[str, ...]
    provincial_endings: tuple[str, ...]
    body_endings: tuple[str, ...]
    no_level_word: tuple[str, ...]
    regions: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...]  # longest first
    generic_markers: tuple[str, ...]
    kinds: dict[str, tuple[str, ...]]

    def level_word(self, jurisdiction: str | None) -> str | None:
        """The word a jurisdiction's departments start with.

        >>> load_gazetteer().rules.level_word("安徽省"), load_gazetteer().rules.level_word("全国")
        ('省', None)
        """
        if not jurisdiction or jurisdiction == NATIONAL:
            return None
        for ending, word in sorted(self.level_words.items(), key=lambda kv: -len(kv[0])):
            if jurisdiction.endswith(ending):
                return word
        return None

    def kind_of(self, name: str) -> str:
        for kind, endings in self.kinds.items():
            if any(name.endswith(e) for e in endings):
                return kind
        return "department"

    def short_place(self, place: str) -> str:
        """A place's name without its level word: 广东省 -> 广东, 天津市 -> 天津."""
        for ending in sorted(self.level_words, key=len, reverse=True):
            if place.endswith(ending) and len(place) > len(ending) + 1:
                return place[: -len(ending)]
        return place

    def takes_level_word(self, body: str, jurisdictions: Iterable[str | None] = ()) -> bool:
        """Whether a body without a level word is one of the jurisdiction's
        departments (水利厅) rather than a branch or place-named body
        (四川银保监局, 天津海事局, 南方能源监管局)."""
        if not body.endswith(self.body_endings) or any(m in body for m in self.no_level_word):
            return False
        places = [self.short_place(p) for p in (*self.provinces, *jurisdictions) if p]
        return not body.startswith(tuple(places) + self.regions)

    def abbreviate(self, body: str) -> str:
        for long, short in self.abbreviations:
            if body.endswith(long):
                return body[: -len(long)] + short
        return body


class Gazetteer:
    def __init__(self, tables: dict[str, list[Department]], aliases: dict[str, list[tuple[str, Department]]],
                 rules: Rules):
        self.tables = tables  # jurisdiction -> departments
        self._alias_rows = aliases  # jurisdiction -> (written form, department)
        self._index = {(j, form): d for j, rows in aliases.items() for form, d in rows}
        self.rules = rules

    def lookup(self, form: str, jurisdiction: str | None) -> Department | None:
        """The listed department written ``form`` in ``jurisdiction``."""
        return self._index.get((jurisdiction, form))

    def resolve(self, as_written: str, jurisdiction: str | None = None,
                context: Department | None = None) -> Department:
        """The department a name stands for in ``jurisdiction``; ``context``
        is the department named just before it in the same list.

        >>> g = load_gazetteer()
        >>> g.resolve("生态环境局", "重庆市").name, g.resolve("重庆市发展和改革委员会", "重庆市").name
        ('市生态环境局', '市发展改革委')
        >>> g.resolve("工信部", "全国").name, g.resolve("四川省能源局", "重庆市")
        ('工业和信息化部', Department(name='省能源局', full_name=None, jurisdiction='四川省', kind='department'))
        >>> sichuan = g.resolve("四川省能源局", "重庆市")
        >>> g.resolve("经济和信息化厅", "重庆市", context=sichuan).name
        '省经济和信息化厅'
        >>> g.resolve("省发改委", "福建省").name, g.resolve("市级有关部门", "重庆市").kind
        ('省发展改革委', 'generic')
        >>> g.resolve("市场监管局", "福建省", context=g.resolve("省工信厅", "福建省")).name
        '省市场监管局'
        >>> g.resolve("达州市发展和改革委员会", "达州市").name, g.resolve("渝北区人民政府", "重庆市").name
        ('市发展改革委', '渝北区政府')
        >>> g.resolve("气候处", None).name, g.resolve("财审处", "黑龙江省", context=g.resolve("省监测中心", "黑龙江省")).name
        ('气候处', '财审处')
        >>> g.resolve("四川银保监局", "重庆市", context=g.resolve("四川省财政厅", "重庆市")).name
        '四川银保监局'
        >>> g.resolve("天津海事局", "天津市", context=g.resolve("市交通运输委", "天津市")).name
        '天津海事局'
        """
        r = self.rules
        key = "".join(as_written.split())
        bare = _ASIDE.sub("", key)
        places = (*r.provinces, jurisdiction) if jurisdiction and jurisdiction != NATIONAL else r.provinces
        place = next((p for p in places if bare.startswith(p) and len(bare) > len(p)), None)
        where = place or jurisdiction
        found = self.lookup(key, where) or self.lookup(bare, where)
        if found:
            return found
        if where in (None, NATIONAL) or not self.tables.get(where):
            found = self.lookup(bare, NATIONAL) if where in (None, NATIONAL) else None
            if found:
                return found
        if any(m in bare for m in r.generic_markers):
            kind = "government" if r.kind_of(bare) == "government" else "generic"
            return Department(as_written, None, where, kind)
        context_word = r.level_word(context.jurisdiction) if context else None
        if place:
            word = r.level_word(place) or ""
            candidate = word + bare[len(place):]
        elif bare.startswith(r.placed_prefixes) and not bare.startswith(r.not_placed):
            candidate = bare
            if context_word and bare.startswith(context_word):
                where = context.jurisdiction
        elif (context_word and context.name.startswith(context_word)
              and r.takes_level_word(bare, (jurisdiction, context.jurisdiction))):
            candidate, where = context_word + bare, context.jurisdiction
        elif r.level_word(where) in ("省", "自治区") and bare.endswith(r.provincial_endings):
            candidate = r.level_word(where) + bare
        else:
            candidate = bare
        candidate = r.abbreviate(candidate)
        found = self.lookup(candidate, where) or (self.lookup(candidate, NATIONAL) if where in (None, NATIONAL) else None)
        if found:
            return found
        return Department(candidate, None, where, r.kind_of(candidate))

    def aliases(self) -> Iterable[tuple[str, Department]]:
        """Every written form the tables list (names, full names, aliases)
        with its department: what the jieba dictionary and the entity
        ruler are built from.

        >>> ("市发改委", "市发展改革委") in {(a, d.name) for a, d in load_gazetteer().aliases()}
        True
        """
        for rows in self._alias_rows.values():
            yield from rows


def read_table(text: str, jurisdiction: str) -> list[tuple[str, Department]]:
    """The (written form, department) rows of one table.

    >>> read_table("name,full_name,aliases,kind\\n市能源局,重庆市能源局,能源局,department\\n", "重庆市")[-1]
    ('能源局', Department(name='市能源局', full_name='重庆市能源局', jurisdiction='重庆市', kind='department'))
    """
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        dept = Department(row["name"], row.get("full_name") or None, jurisdiction, row.get("kind") or "department")
        forms = [dept.name, dept.full_name or ""] + (row.get("aliases") or "").split("|")
        seen = set()
        for form in forms:
            form = form.strip()
            if form and form not in seen:
                seen.add(form)
                rows.append((form, dept))
    return rows


@lru_cache(maxsize=None)
def load_gazetteer() -> Gazetteer:
    index = load_yaml("departments", "index.yml")["tables"]
    aliases = {j: read_table(read_data("departments", f), j) for f, j in index.items()}
    tables = {j: list({d.name: d for _, d in rows}.values()) for j, rows in aliases.items()}
    data = load_yaml("departments", "rules.yml")
    rules = Rules(
        provinces=tuple(load_yaml("places.yml")["provinces"]),
        level_words=dict(data["level_words"]),
        placed_prefixes=tuple(data["placed_prefixes"]),
        not_placed=tuple(data.get("not_placed", [])),
        provincial_endings=tuple(data["provincial_endings"]),
        body_endings=tuple(load_yaml("bodies.yml")["body_endings"]),
        no_level_word=tuple(data.get("no_level_word", [])),
        regions=tuple(data.get("regions", [])),
        abbreviations=tuple(sorted(data["abbreviations"].items(), key=lambda kv: -len(kv[0]))),
        generic_markers=tuple(data["generic_markers"]),
        kinds={k: tuple(v) for k, v in data["kinds"].items()},
    )
    return Gazetteer(tables, aliases, rules)

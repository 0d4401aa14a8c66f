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
- ``load_gazetteer(vocab=None) -> Gazetteer`` (cached per vocabulary)
- ``Gazetteer.resolve(as_written, jurisdiction) -> Department``
- ``Gazetteer.aliases() -> iterable of (written form, Department)``

The data is read by :mod:`policykb.vocab.departments`; :meth:`Gazetteer.resolve`
runs two ordered lists of named rules: ``RESOLVE_RULES`` (listed, listed
nationally, national body, generic, canonical) and, for a name no table lists,
``LEVEL_RULES`` (which level word and which jurisdiction it takes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable


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
    national_forms: tuple[tuple[str, ...], tuple[str, ...]]  # (prefixes, endings) of names only the nation has
    body_endings: tuple[str, ...]
    no_level_word: tuple[str, ...]
    regions: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...]  # longest first
    generic_markers: tuple[str, ...]
    kinds: dict[str, tuple[str, ...]]
    national: str  # the jurisdiction of national bodies: 全国
    provincial_levels: tuple[str, ...]  # level words of a province-level jurisdiction
    aside_open: str  # brackets of an aside inside a name
    aside_close: str

    def level_word(self, jurisdiction: str | None) -> str | None:
        """The word a jurisdiction's departments start with.

        >>> load_gazetteer().rules.level_word("安徽省"), load_gazetteer().rules.level_word("全国")
        ('省', None)
        """
        if not jurisdiction or jurisdiction == self.national:
            return None
        for ending, word in sorted(self.level_words.items(), key=lambda kv: -len(kv[0])):
            if jurisdiction.endswith(ending):
                return word
        return None

    def is_national(self, jurisdiction: str | None) -> bool:
        """Whether names placed in ``jurisdiction`` are looked up nationally."""
        return jurisdiction in (None, self.national)

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


@dataclass(frozen=True)
class Name:
    """A name being resolved: the state every rule reads."""

    as_written: str
    key: str  # as written, without whitespace
    bare: str  # the key without asides: 万盛经开区（以下统称区县） -> 万盛经开区
    jurisdiction: str | None  # the document's
    context: Department | None  # the department named just before it in a list
    place: str | None  # the province or jurisdiction the name opens with: 四川省能源局
    where: str | None  # the jurisdiction the name is looked up in
    context_word: str | None  # the level word of the context's jurisdiction


# --- which level word a name no table lists takes ------------------------------
# Each rule returns (candidate name, jurisdiction) or None; the first that
# answers wins. The order is the rule: a place written in the name beats
# everything, a name that places itself keeps its own form, and only then
# do a list's context and the jurisdiction's level add a level word.

Level = tuple[str, "str | None"]


def level_of_named_place(r: Rules, n: Name) -> Level | None:
    """A name that opens with a province (or the document's jurisdiction)
    takes that place's level word, in that place.

    >>> load_gazetteer().resolve("四川省能源局", "重庆市")
    Department(name='省能源局', full_name=None, jurisdiction='四川省', kind='department')
    """
    # first: the place written in the name is the surest sign of where it belongs
    if n.place:
        return (r.level_word(n.place) or "") + n.bare[len(n.place):], n.where
    return None


def level_already_placed(r: Rules, n: Name) -> Level | None:
    """A name that starts with a level or national word keeps its form; in a
    list it belongs where the name before it does, if it shares its level.

    >>> g = load_gazetteer()
    >>> g.resolve("省发改委", "福建省").name
    '省发展改革委'
    """
    # before the context rule: 市场监管局 is not placed (not_placed), 省财政厅 is
    if n.bare.startswith(r.placed_prefixes) and not n.bare.startswith(r.not_placed):
        if n.context_word and n.bare.startswith(n.context_word):
            return n.bare, n.context.jurisdiction
        return n.bare, n.where
    return None


def level_of_the_one_before(r: Rules, n: Name) -> Level | None:
    """A bare body listed after a department shares its level word and
    jurisdiction, unless it is a branch or place-named body.

    >>> g = load_gazetteer()
    >>> g.resolve("经济和信息化厅", "重庆市", context=g.resolve("四川省能源局", "重庆市")).name
    '省经济和信息化厅'
    >>> g.resolve("四川银保监局", "重庆市", context=g.resolve("四川省财政厅", "重庆市")).name
    '四川银保监局'
    """
    # before the jurisdiction's own level: the list says more than the document
    c = n.context
    if (n.context_word and c.name.startswith(n.context_word)
            and r.takes_level_word(n.bare, (n.jurisdiction, c.jurisdiction))):
        return n.context_word + n.bare, c.jurisdiction
    return None


def level_of_provincial_body(r: Rules, n: Name) -> Level | None:
    """In a province, a bare body only a province has (水利厅) takes its level word.

    >>> load_gazetteer().resolve("水利厅", "福建省").name
    '省水利厅'
    """
    # last of the level rules: it guesses from the ending alone
    word = r.level_word(n.where)
    if word in r.provincial_levels and n.bare.endswith(r.provincial_endings):
        return word + n.bare, n.where
    return None


def level_as_written(r: Rules, n: Name) -> Level:
    """Otherwise the name stays as written (without asides).

    >>> load_gazetteer().resolve("气候处", None).name
    '气候处'
    """
    # last: it always answers
    return n.bare, n.where


LEVEL_RULES: tuple[tuple[str, Callable[[Rules, Name], Level | None]], ...] = (
    ("named_place", level_of_named_place),
    ("already_placed", level_already_placed),
    ("the_one_before", level_of_the_one_before),
    ("provincial_body", level_of_provincial_body),
    ("as_written", level_as_written),
)


# --- what a name stands for ------------------------------------------------------
# Each rule returns the department or None; the first that answers wins:
# the tables first (they are the truth), then generic mentions (no
# canonical form), then a canonical name built by LEVEL_RULES.

def listed(g: "Gazetteer", n: Name) -> Department | None:
    """The department a table lists in the name's jurisdiction.

    >>> load_gazetteer().resolve("重庆市发展和改革委员会", "重庆市").name
    '市发展改革委'
    """
    # first: what a table lists is the truth, asides and all (then without them)
    return g.lookup(n.key, n.where) or g.lookup(n.bare, n.where)


def listed_nationally(g: "Gazetteer", n: Name) -> Department | None:
    """A name placed nowhere (or nationally) found in the national table.

    >>> load_gazetteer().resolve("工信部", "全国").name
    '工业和信息化部'
    """
    # second: national plans name ministries bare; only for names placed nowhere or nationally
    return g.lookup(n.bare, g.rules.national) if g.rules.is_national(n.where) else None


def national_body(g: "Gazetteer", n: Name) -> Department | None:
    """A national body named in a local plan, by its own name or full name.

    >>> g = load_gazetteer()
    >>> g.resolve("国家发展改革委", "安徽省").jurisdiction, g.resolve("生态环境部", "重庆市").jurisdiction
    ('全国', '全国')
    >>> g.resolve("发改委", "安徽省").jurisdiction
    '安徽省'
    """
    # after the plan's own tables and the national lookup of national plans: a
    # name both list is the plan's own; only a name that says it is national
    r = g.rules
    prefixes, endings = r.national_forms
    if r.is_national(n.where) or not (n.bare.startswith(prefixes) or n.bare.endswith(endings)):
        return None
    found = g.lookup(n.bare, r.national)
    return found if found is not None and n.bare in (found.name, found.full_name) else None


def generic_mention(g: "Gazetteer", n: Name) -> Department | None:
    """A generic mention (有关, 各…) is kept as written: governments or generic.

    >>> load_gazetteer().resolve("市级有关部门", "重庆市").kind
    'generic'
    """
    # before canonicalising: 各区县人民政府 must not be shortened into one body
    r = g.rules
    if any(m in n.bare for m in r.generic_markers):
        kind = "government" if r.kind_of(n.bare) == "government" else "generic"
        return Department(n.key, None, n.where, kind)  # as written, without a PDF line break
    return None


def canonical(g: "Gazetteer", n: Name) -> Department:
    """The canonical form: a level word from LEVEL_RULES, the body
    abbreviated, looked up again, else a department of its own.

    >>> g = load_gazetteer()
    >>> g.resolve("达州市发展和改革委员会", "达州市").name, g.resolve("渝北区人民政府", "重庆市").name
    ('市发展改革委', '渝北区政府')
    """
    # last: it always answers
    r = g.rules
    candidate, where = next(level for _, rule in LEVEL_RULES if (level := rule(r, n)) is not None)
    candidate = r.abbreviate(candidate)
    found = g.lookup(candidate, where) or (g.lookup(candidate, r.national) if r.is_national(where) else None)
    return found or Department(candidate, None, where, r.kind_of(candidate))


RESOLVE_RULES: tuple[tuple[str, Callable[["Gazetteer", Name], Department | None]], ...] = (
    ("listed", listed),
    ("listed_nationally", listed_nationally),
    ("national_body", national_body),
    ("generic", generic_mention),
    ("canonical", canonical),
)


class Gazetteer:
    def __init__(self, tables: dict[str, list[Department]], aliases: dict[str, list[tuple[str, Department]]],
                 rules: Rules, aside: re.Pattern):
        self.tables = tables  # jurisdiction -> departments
        self._alias_rows = aliases  # jurisdiction -> (written form, department)
        self._index = {(j, form): d for j, rows in aliases.items() for form, d in rows}
        self.rules = rules
        self.aside = aside  # an aside inside a name, dropped before lookup

    def lookup(self, form: str, jurisdiction: str | None) -> Department | None:
        """The listed department written ``form`` in ``jurisdiction``."""
        return self._index.get((jurisdiction, form))

    def name(self, as_written: str, jurisdiction: str | None = None, context: Department | None = None) -> Name:
        """The state the rules start from: the name without whitespace or
        asides, and the place it opens with.

        >>> load_gazetteer().name("四川省 能源局（暂定）", "重庆市").bare
        '四川省能源局'
        """
        r = self.rules
        key = "".join(as_written.split())
        bare = self.aside.sub("", key)
        places = (*r.provinces, jurisdiction) if jurisdiction and jurisdiction != r.national else r.provinces
        place = next((p for p in places if bare.startswith(p) and len(bare) > len(p)), None)
        context_word = r.level_word(context.jurisdiction) if context else None
        return Name(as_written, key, bare, jurisdiction, context, place, place or jurisdiction, context_word)

    def resolve(self, as_written: str, jurisdiction: str | None = None,
                context: Department | None = None) -> Department:
        """The department a name stands for in ``jurisdiction``; ``context``
        is the department named just before it in the same list. The first
        of ``RESOLVE_RULES`` that answers gives it.

        >>> g = load_gazetteer()
        >>> g.resolve("生态环境局", "重庆市").name
        '市生态环境局'
        >>> g.resolve("市场监管局", "福建省", context=g.resolve("省工信厅", "福建省")).name
        '省市场监管局'
        >>> g.resolve("财审处", "黑龙江省", context=g.resolve("省监测中心", "黑龙江省")).name
        '财审处'
        >>> g.resolve("天津海事局", "天津市", context=g.resolve("市交通运输委", "天津市")).name
        '天津海事局'
        """
        name = self.name(as_written, jurisdiction, context)
        return next(found for _, rule in RESOLVE_RULES if (found := rule(self, name)) is not None)

    def aliases(self) -> Iterable[tuple[str, Department]]:
        """Every written form the tables list (names, full names, aliases)
        with its department: what the jieba dictionary and the entity
        ruler are built from.

        >>> ("市发改委", "市发展改革委") in {(a, d.name) for a, d in load_gazetteer().aliases()}
        True
        """
        for rows in self._alias_rows.values():
            yield from rows


@lru_cache(maxsize=8)
def build_gazetteer(vocab) -> Gazetteer:
    """The gazetteer of a :class:`~policykb.vocab.Vocabulary`, built once per vocabulary object."""
    from .patterns import compile_patterns

    words = vocab.departments
    return Gazetteer(words.tables, words.aliases, words.rules, compile_patterns(vocab).departments.aside)


def load_gazetteer(vocab=None) -> Gazetteer:
    """The gazetteer of ``vocab`` (default: the shipped vocabulary).

    >>> load_gazetteer() is load_gazetteer()
    True
    """
    from .vocab import default_vocabulary

    return build_gazetteer(default_vocabulary(vocab))

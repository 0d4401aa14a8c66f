"""The departments part of the vocabulary: the gazetteer's tables
(``data/departments/``), its canonicalisation rules (``rules.yml``, with the
provinces of ``places.yml``, the body endings of ``bodies.yml`` and the
national jurisdiction of ``structure.yml``) and the
shape of a department's name in running text (``department_patterns.yml``).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..departments import Department, Rules
from ..nlp import DepartmentPatterns


@dataclass(frozen=True, eq=False)
class DepartmentWords:
    """Everything policykb knows about departments, as data."""

    aliases: dict[str, list[tuple[str, Department]]]  # jurisdiction -> (written form, department)
    rules: Rules
    patterns: DepartmentPatterns

    @property
    def tables(self) -> dict[str, list[Department]]:
        """Each jurisdiction's listed departments, once each."""
        return {j: list({d.name: d for _, d in rows}.values()) for j, rows in self.aliases.items()}


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


def build_rules(files) -> Rules:
    """The canonicalisation rules of ``departments/rules.yml``."""
    data = files.yaml("departments", "rules.yml")
    asides = data["aside_brackets"]
    return Rules(
        provinces=tuple(files.yaml("places.yml")["provinces"]),
        level_words={word: word for word in data["level_words"]},
        placed_prefixes=tuple(data["placed_prefixes"]),
        not_placed=tuple(data.get("not_placed", [])),
        provincial_endings=tuple(data["provincial_endings"]),
        national_forms=(tuple(data["national_prefixes"]), tuple(data["national_endings"])),
        body_endings=tuple(files.yaml("bodies.yml")["body_endings"]),
        no_level_word=tuple(data.get("no_level_word", [])),
        regions=tuple(data.get("regions", [])),
        abbreviations=tuple(sorted(data["abbreviations"].items(), key=lambda kv: -len(kv[0]))),
        generic_markers=tuple(data["generic_markers"]),
        kinds={k: tuple(v) for k, v in data["kinds"].items()},
        national=files.yaml("structure.yml")["national_name"],
        provincial_levels=tuple(data["provincial_levels"]),
        aside_open=asides["open"],
        aside_close=asides["close"],
    )


def build(files) -> DepartmentWords:
    """The departments part, from ``files`` (a :class:`~policykb.vocab.DataFiles`)."""
    index = files.yaml("departments", "index.yml")["tables"]
    aliases = {j: read_table(files.text("departments", f), j) for f, j in index.items()}
    return DepartmentWords(aliases=aliases, rules=build_rules(files), patterns=build_patterns(files))


def build_patterns(files) -> DepartmentPatterns:
    """The shapes of department names (``department_patterns.yml``), with the
    place endings and not-places of ``places.yml`` that departments read."""
    places = files.yaml("places.yml")
    data = dict(files.yaml("department_patterns.yml"))
    data["place_suffixes"] = [s for s, use in places["place_suffixes"].items() if "department" in use]
    data["not_places"] = places["not_places"]
    data["levels"] = data["levels"] + files.yaml("departments", "rules.yml")["level_words"]
    return DepartmentPatterns.from_data(data)

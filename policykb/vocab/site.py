"""The words of the site (``data/site.yml``, and ``data/site_templates.yml`` for
Datasette's own templates): role labels, code labels, column
headers, hidden columns, the 任务分工表's columns, messages, menu labels."""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class SiteWords:
    """What the pages say: the word for each role and code, the column headers,
    the columns a table page leaves out, the messages, the menu."""

    roles: Mapping[str, str]
    messages: Mapping[str, str]
    menu: Mapping[str, str]
    codes: Mapping[str, Mapping[str, str]]
    columns: Mapping[str, str]
    hidden_columns: Mapping[str, tuple[str, ...]]
    plan_columns: Mapping[str, str]
    templates: Mapping[str, tuple[tuple[str, str], ...]]  # Datasette template -> (English, Chinese) pairs

    def code_label(self, column: str, value) -> str | None:
        """The Chinese word for a code of ``column``, or None."""
        return self.codes.get(column, {}).get(str(value))


def _frozen(mapping) -> Mapping:
    return MappingProxyType({str(k): str(v) for k, v in (mapping or {}).items()})


def build(files) -> SiteWords:
    data = files.yaml("site.yml")
    return SiteWords(
        roles=_frozen(data["roles"]), messages=_frozen(data["messages"]), menu=_frozen(data["menu"]),
        codes=MappingProxyType({column: _frozen(codes) for column, codes in data["codes"].items()}),
        columns=_frozen(data["columns"]),
        hidden_columns=MappingProxyType({t: tuple(cols) for t, cols in data["hidden_columns"].items()}),
        plan_columns=_frozen(data["plan_columns"]),
        templates=MappingProxyType({name: tuple((str(a), str(b)) for a, b in pairs)
                                    for name, pairs in files.yaml("site_templates.yml").items()}))

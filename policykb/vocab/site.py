"""The words of the site (``data/site.yml``): role labels, messages, menu labels."""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class SiteWords:
    """What the pages say: the word for each role code, the messages, the menu."""

    roles: Mapping[str, str]
    messages: Mapping[str, str]
    menu: Mapping[str, str]


def build(files) -> SiteWords:
    data = files.yaml("site.yml")
    return SiteWords(roles=MappingProxyType(dict(data["roles"])), messages=MappingProxyType(dict(data["messages"])),
                     menu=MappingProxyType(dict(data["menu"])))

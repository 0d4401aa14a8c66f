"""The indicators part of the vocabulary: the genre's canonical indicators,
their aliases, unit families and better direction, the folds and scope
words the matcher reads them by, and the levels of government
(``data/indicators.yml``)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    """One canonical indicator: ``energy_intensity`` and its spellings."""

    id: str
    name: str
    family: str  # change, share, rate, mass, power...
    better: str  # lower or higher
    aliases: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class IndicatorWords:
    """What the indicator matcher and the level of government read."""

    indicators: tuple[Indicator, ...]
    folds: tuple[tuple[str, str], ...]  # (written, folded), applied in order
    front_verbs: tuple[str, ...]  # 完成, 创建... before an indicator
    scope_leads: tuple[str, ...]  # 全, 本, 我
    scope_levels: tuple[str, ...]  # 省, 市...
    scope_tails: tuple[str, ...]  # 范围内
    suffix_min: int  # shortest alias that may match an indicator's end
    comparable_families: tuple[str, ...]  # families a child's value compares in
    levels: dict  # national, provincial_names, provincial_endings, city_endings, county_endings
    task_lineage: dict = None  # threshold, title_weight, heading_weight, min_length, stop_words


def _indicator(item: dict) -> Indicator:
    return Indicator(id=item["id"], name=item["name"], family=item["family"], better=item["better"],
                     aliases=tuple(item.get("aliases") or ()))


def build(files) -> IndicatorWords:
    """The indicators part, from ``files`` (a :class:`~policykb.vocab.DataFiles`).

    >>> from policykb.vocab import DataFiles
    >>> build(DataFiles()).indicators[0].id
    'energy_intensity'
    """
    data = files.yaml("indicators.yml")
    return IndicatorWords(
        indicators=tuple(_indicator(item) for item in data["indicators"]),
        folds=tuple((a, b) for a, b in data.get("folds") or ()),
        front_verbs=tuple(sorted(data.get("front_verbs") or (), key=len, reverse=True)),
        scope_leads=tuple(data.get("scope_leads") or ()),
        scope_levels=tuple(data.get("scope_levels") or ()),
        scope_tails=tuple(data.get("scope_tails") or ()),
        suffix_min=int(data.get("suffix_min", 4)),
        comparable_families=tuple(data.get("comparable_families") or ()),
        levels={key: tuple(value) for key, value in (data.get("levels") or {}).items()},
        task_lineage=dict(data.get("task_lineage") or {}),
    )

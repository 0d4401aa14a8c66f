"""The level of government of a plan's jurisdiction: national, provincial,
city or county (``levels`` of ``data/indicators.yml``)."""
from __future__ import annotations


def government_level(jurisdiction: str | None, levels: dict) -> str | None:
    """The level of ``jurisdiction`` (the four municipalities are provincial).

    >>> from policykb.vocab import load_vocabulary
    >>> government_level(None, load_vocabulary().indicators.levels) is None
    True
    """
    if not jurisdiction:
        return None
    if jurisdiction in levels.get("national", ()):
        return "national"
    if jurisdiction in levels.get("provincial_names", ()) or jurisdiction.endswith(levels.get("provincial_endings", ())):
        return "provincial"
    if jurisdiction.endswith(levels.get("city_endings", ())):
        return "city"
    if jurisdiction.endswith(levels.get("county_endings", ())):
        return "county"
    return None

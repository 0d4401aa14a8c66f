"""Whose departments 市/省 refer to: a plan's jurisdiction.

The place an issuer or title names (重庆市人民政府 -> 重庆市), the whole
country for the State Council and ministries, or else the place the text's
own words point to (全省, 我市). Place words are data (``data/places.yml``).
"""
from __future__ import annotations

from ..patterns import compile_patterns
from ..vocab import default_vocabulary

# a text that says 全国 but names one X市 more often than this (and more often
# than it says 全国) is that city's plan
CITY_NAMED_MIN = 2
# ... and names it in its first lines (the issuer or the title)
HEAD_LINES = 4


def find_jurisdiction(names: list[str | None], vocab=None) -> str | None:
    """Whose departments 市/省 refer to: the place an issuer or title names,
    or the whole country for the State Council and ministries.

    >>> find_jurisdiction(["重庆市人民政府"]), find_jurisdiction([None, "东川省“十四五”节水增效实施方案"])
    ('重庆市', '东川省')
    >>> find_jurisdiction(["国务院办公厅"]), find_jurisdiction(["中共南岭市委宣传工作委员会办公室"])
    ('全国', '南岭市')
    >>> find_jurisdiction([None, "推进城市更新行动方案"]) is None
    True
    """
    vocab = default_vocabulary(vocab)
    layout = vocab.layout
    pattern = compile_patterns(vocab).structure.place
    for name in names:
        if not name:
            continue
        if name.startswith(layout.national_issuers):
            return layout.national_name
        m = pattern.match(name.removeprefix(layout.about))
        if m and not m.group("place").endswith(layout.not_places):
            return m.group("place")
    for name in names[:1]:
        if name and name.split("、")[0].endswith(layout.national_issuer_endings):
            return layout.national_name
    return None


def guess_jurisdiction(norm: str, vocab=None) -> str | None:
    """Jurisdiction from the text's own words, when no issuer or title names a place.

    A text that speaks of 全国 is national; one that speaks of 全省/我省 belongs
    to the province it names most often; one that speaks of 全市/我市 to the
    X市 it names most often where a line or clause starts. When no name stands
    out the answer is None: a city plan is never given its province.

    >>> guess_jurisdiction("全国各地区要落实。各地区要加强。")
    '全国'
    >>> guess_jurisdiction("江苏全省推进。我省将在江苏沿海和江苏南部试点。")
    '江苏省'
    >>> guess_jurisdiction("南岭市节水方案\\n全市推进。南岭市水务局负责，我市在江苏试点，江苏全面推广。")
    '南岭市'
    >>> guess_jurisdiction("南岭市水务局\\n全国推广。南岭市、南岭市、全国")
    '南岭市'
    >>> guess_jurisdiction("全市推进。我市将在城市更新中试点，江苏全面推广，江苏先行。") is None
    True
    """
    vocab = default_vocabulary(vocab)
    layout = vocab.layout
    national = sum(norm.count(w) for w in layout.national_markers)
    province = sum(norm.count(w) for w in layout.province_markers)
    city = sum(norm.count(w) for w in layout.city_markers)
    named = _most_named_city(norm, vocab)
    if province + city <= national:
        # a city plan may say 全国 more often than 全市 but names its city more
        head = "\n".join(norm.lstrip().split("\n")[:HEAD_LINES])
        if named and named[1] > max(national, CITY_NAMED_MIN) and not province and named[0] in head:
            return named[0]
        return layout.national_name if national else None
    if city > province:
        return named[0] if named else None
    counts = {p: norm.count(_short_place(p, layout)) for p in layout.provinces}
    best = max(counts, key=counts.get, default=None)
    return best if best and counts[best] >= 2 else None


def _most_named_city(norm: str, vocab) -> tuple[str, int] | None:
    """The X市 named at the start of a line or clause that the text names most
    often (twice or more), with that count; None when two tie."""
    layout = vocab.layout
    counts: dict[str, int] = {}
    for m in compile_patterns(vocab).structure.named_city.finditer(norm):
        name = m.group("place")
        if not name.endswith(layout.not_places) and not name.startswith(layout.not_place_starts):
            counts[name] = norm.count(name)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0]


def _short_place(name: str, layout) -> str:
    """江苏省 -> 江苏; the data's short names for the rest: 广西壮族自治区 -> 广西."""
    short = dict(layout.province_short_names).get(name)
    if short:
        return short
    for suffix in layout.place_suffixes:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name

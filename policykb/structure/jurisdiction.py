"""Whose departments 市/省 refer to: a plan's jurisdiction.

The place an issuer or title names (重庆市人民政府 -> 重庆市; a title may open
with a province's short name, 广西…), the whole country for the State Council
and ministries, or else the place the text's own words point to (全省, 全区,
我市), of the kind a short-form issuer's level word says (省人民政府: a
province). A short-form issuer is spelled out from the jurisdiction
(:func:`spell_out_issuer`). Place words are data (``data/places.yml``).
"""
from __future__ import annotations

from ..patterns import compile_patterns
from ..vocab import default_vocabulary

# a text that says 全国 but names one X市 more often than this (and more often
# than it says 全国) is that city's plan
CITY_NAMED_MIN = 2
# ... and names it in its first lines (the issuer or the title)
HEAD_LINES = 4


def find_jurisdiction(names: list[str | None], vocab=None, norm: str = "") -> str | None:
    """Whose departments 市/省 refer to: the place an issuer or title names,
    or the whole country for the State Council and ministries. A title may
    name a province by its short name (广西…方案); a 地区 or 盟 counts only
    where it is named with its seat (大兴安岭地区行政公署), in the names or
    in ``norm``, the text.

    >>> find_jurisdiction(["重庆市人民政府"]), find_jurisdiction([None, "东川省“十四五”节水增效实施方案"])
    ('重庆市', '东川省')
    >>> find_jurisdiction(["国务院办公厅"]), find_jurisdiction(["中共南岭市委宣传工作委员会办公室"])
    ('全国', '南岭市')
    >>> find_jurisdiction([None, "推进城市更新行动方案"]) is None
    True
    >>> find_jurisdiction([None, "广西节水行动方案"]), find_jurisdiction(["兴安盟行政公署"])
    ('广西壮族自治区', '兴安盟')
    >>> find_jurisdiction([None, "贫困地区节水行动方案"]) is None
    True
    """
    vocab = default_vocabulary(vocab)
    layout = vocab.layout
    for name in names:
        if not name:
            continue
        if name.startswith(layout.national_issuers):
            return layout.national_name
        place = _named_place(name.removeprefix(layout.about), vocab, norm)
        if place:
            return place
    for name in names[:1]:
        if name and name.split("、")[0].endswith(layout.national_issuer_endings):
            return layout.national_name
    return None


def _named_place(name: str, vocab, norm: str) -> str | None:
    """The place ``name`` starts with (中共南岭市委 -> 南岭市), or the province
    whose short name it starts with (广西… -> 广西壮族自治区)."""
    layout = vocab.layout
    name = next((name[len(p):] for p in layout.place_prefixes if name.startswith(p)), name)  # not 中共市…
    m = compile_patterns(vocab).structure.place.match(name)
    place = m.group("place") if m else ""
    if place and not place.startswith(layout.not_place_starts):
        if place.endswith(layout.seat_suffixes):
            if any(place + seat in name or place + seat in norm for seat in layout.seat_words):
                return place
        elif not place.endswith(layout.not_places):
            return place
    for province, short in layout.province_short_names:
        if len(short) > 1 and name.startswith(short):
            return province
    return None


def short_level(names: list[str | None], vocab=None) -> str | None:
    """The level word a short-form issuer or title starts with (省人民政府,
    中共市委办公厅, 自治区…方案): the kind of place the plan belongs to.

    >>> short_level(["自治区人民政府办公厅"]), short_level([None, "中共市委办公室"]), short_level(["市场监管局"])
    ('自治区', '市', None)
    """
    layout = default_vocabulary(vocab).layout
    for name in names:
        if not name:
            continue
        for part in name.split("、"):
            rest = next((part[len(p):] for p in layout.place_prefixes if part.startswith(p)), part)
            if rest.startswith(layout.not_level_starts):
                continue
            level = next((s for s in layout.place_suffixes if rest.startswith(s)), None)
            if level:
                return level
    return None


def spell_out_issuer(issuer: str | None, jurisdiction: str | None, vocab=None) -> str | None:
    """An issuer written in short form (省人民政府, 自治区人民政府办公厅,
    中共市委办公室), each name spelled out from the jurisdiction whose level
    word it starts with; names that already carry a place stay as written.

    >>> spell_out_issuer("省人民政府", "东川省"), spell_out_issuer("自治区人民政府办公厅", "广西壮族自治区")
    ('东川省人民政府', '广西壮族自治区人民政府办公厅')
    >>> spell_out_issuer("中共市委办公室、市政府办公室", "南岭市")
    '中共南岭市委办公室、南岭市政府办公室'
    >>> spell_out_issuer("南岭市人民政府", "南岭市"), spell_out_issuer("省人民政府", "全国")
    ('南岭市人民政府', '省人民政府')
    >>> spell_out_issuer("州人民政府", "凉山彝族自治州"), spell_out_issuer("市场监管局", "南岭市")
    ('凉山彝族自治州人民政府', '市场监管局')
    """
    if not issuer or not jurisdiction:
        return issuer
    layout = default_vocabulary(vocab).layout
    levels = [s for s in layout.place_suffixes if jurisdiction.endswith(s) and s != jurisdiction]
    names = []
    for name in issuer.split("、"):
        prefix = next((p for p in layout.place_prefixes if name.startswith(p)), "")
        rest = name[len(prefix):]
        level = next((s for s in levels if rest.startswith(s)), None)
        if level and not rest.startswith(layout.not_level_starts):
            name = prefix + jurisdiction[: -len(level)] + rest
        names.append(name)
    return "、".join(names)


def guess_jurisdiction(norm: str, vocab=None, level: str | None = None) -> str | None:
    """Jurisdiction from the text's own words, when no issuer or title names a place.

    A text that speaks of 全国 is national; one that speaks of 全省/我省 belongs
    to the province it names most often (of 全区/我区, to the autonomous
    region); one that speaks of 全市/我市 to the X市 it names most often where
    a line or clause starts. When no name stands out the answer is None: a
    city plan is never given its province. ``level``, the level word of a
    short-form issuer (省人民政府: 省), says which kind of place it is.

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
    >>> guess_jurisdiction("全区推进，落实全国部署。广西各市、广西全区"), guess_jurisdiction("全国推进。四川试点。", level="省")
    ('广西壮族自治区', '四川省')
    """
    vocab = default_vocabulary(vocab)
    layout = vocab.layout
    if level:
        return _guess_at_level(norm, vocab, level)
    national = sum(norm.count(w) for w in layout.national_markers)
    province = sum(norm.count(w) for w in layout.province_markers)
    region = sum(norm.count(w) for w in layout.region_markers)
    city = sum(norm.count(w) for w in layout.city_markers)
    named = _most_named_city(norm, vocab)
    if province + region + city <= national:
        # a city plan may say 全国 more often than 全市 but names its city more
        head = "\n".join(norm.lstrip().split("\n")[:HEAD_LINES])
        if named and named[1] > max(national, CITY_NAMED_MIN) and not province + region and named[0] in head:
            return named[0]
        return layout.national_name if national else None
    if city > province + region:
        return named[0] if named else None
    return _most_named_province(norm, layout, layout.region_suffix if region > province else None)


def _guess_at_level(norm: str, vocab, level: str) -> str | None:
    """The place of a short-form issuer's level: the city or the province
    (or region) the text names most."""
    layout = vocab.layout
    if level == layout.city_suffix:
        named = _most_named_city(norm, vocab)
        return named[0] if named else None
    return _most_named_province(norm, layout, level, minimum=1)


def _most_named_province(norm: str, layout, ending: str | None = None, minimum: int = 2) -> str | None:
    """The province (of those ending with ``ending``) the text names most by
    its short name, ``minimum`` times or more."""
    counts = {p: norm.count(_short_place(p, layout)) for p in layout.provinces if not ending or p.endswith(ending)}
    best = max(counts, key=counts.get, default=None)
    return best if best and counts[best] >= minimum else None


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

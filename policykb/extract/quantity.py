"""The grammar of quantities: 4.32万吨, 92%以上, 1至2个, 2.48万吨/日.

A quantity is written ``NUMBER [SCALE] UNIT [/ PER] [COMPARATOR]``; the
number is Arabic (4.32, 1,000) or Chinese (五十, 两); the scale (万, 亿) sits
between number and unit; a range (1至2个, 5%-10%) is read at its lower bound
with ``>=``. The vocabulary (units, comparator words, change verbs) is data:
``data/units.yml`` and ``data/quantity_words.yml``, loaded into a
:class:`QuantityWords` that callers may swap.

Everything here works on folded text (``Source.norm``): digits, ``%`` and
``.`` are ASCII there, so one regex covers full-width and half-width input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from ..data import alternation, load_yaml, longest_first
from ..numerals import Numerals, load_numerals, parse_chinese_number


@dataclass(frozen=True, eq=False)  # hashed by identity, so patterns can be cached per vocabulary
class QuantityWords:
    """The vocabulary of quantities, from the two data files."""

    scales: dict[str, int]
    units: tuple[str, ...]  # units of measure and percentages, without scale
    percent: tuple[str, ...]  # %, ‰, 个百分点: shares and their changes
    counters: tuple[str, ...]  # classifiers: 个, 家, 辆
    per: tuple[str, ...]  # denominators of rate units: 日, 年, 小时
    durations: tuple[str, ...]  # 个工作日, 个月: spans of time
    article_numerals: tuple[str, ...]  # 一 in 一项任务
    comparator_before: dict[str, str]
    comparator_after: dict[str, str]
    ceiling_verbs: tuple[str, ...]
    change_verbs: tuple[tuple[str, str], ...]  # (verb, change), longest first
    leading_verbs: tuple[str, ...]
    hedges: tuple[str, ...]
    five_year_plans: dict[str, tuple[int, int]]
    per_year: tuple[str, ...]
    previous_year: tuple[str, ...]  # 同比, 比上年: the baseline is the year before
    not_quantity_before: tuple[str, ...]
    not_target_clause: tuple[str, ...]
    money: tuple[str, ...]  # 元: sums of support, not goals, in a support clause
    time_words: tuple[str, ...]  # 年底前, 全年: time words of one-year plans
    goal_nouns: tuple[str, ...]  # 目标: 降低目标为14.5% names a change
    indicator_heads: tuple[str, ...]
    ratio_heads: tuple[str, ...]
    indicator_words: tuple[str, ...]
    tail_objects: tuple[str, ...]  # 污水, 光伏: object nouns a tail may take
    tail_scope_words: tuple[str, ...]  # 行业: a tail starting here is shared whole


@lru_cache(maxsize=None)
def load_quantity_words() -> QuantityWords:
    units = load_yaml("units.yml")
    words = load_yaml("quantity_words.yml")
    verbs = [(v, change) for change, vs in words["change_verbs"].items() for v in vs]
    return QuantityWords(
        scales=units["scales"],
        units=longest_first(units["percent"] + units["measures"]),
        percent=tuple(units["percent"]),
        counters=longest_first(units["counters"]),
        per=longest_first(units["per"]),
        durations=longest_first(units["durations"]),
        article_numerals=tuple(units["article_numerals"]),
        comparator_before=words["comparator_before"],
        comparator_after=words["comparator_after"],
        ceiling_verbs=longest_first(words["ceiling_verbs"]),
        change_verbs=tuple(sorted(verbs, key=lambda vc: -len(vc[0]))),
        leading_verbs=longest_first(words["leading_verbs"]),
        hedges=longest_first(words["hedges"]),
        five_year_plans={k: tuple(v) for k, v in words["five_year_plans"].items()},
        per_year=longest_first(words["per_year"]),
        previous_year=longest_first(words["previous_year"]),
        not_quantity_before=longest_first(words["not_quantity_before"]),
        not_target_clause=longest_first(words["not_target_clause"]),
        money=longest_first(units["money"]),
        time_words=longest_first(words["time_words"]),
        goal_nouns=longest_first(words["goal_nouns"]),
        indicator_heads=longest_first(words["indicator_heads"]),
        ratio_heads=longest_first(words["ratio_heads"]),
        indicator_words=longest_first(words["indicator_words"]),
        tail_objects=longest_first(words["tail_objects"]),
        tail_scope_words=longest_first(words["tail_scope_words"]),
    )


# An Arabic number: thousands commas survive folding (1,000万), decimals use
# an ASCII point after folding (4.32).
ARABIC_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"

# Vocabulary of the number's surroundings (data/quantity_words.yml, data/units.yml).
_WORDS = load_yaml("quantity_words.yml")

# A range separator between two numbers: 1至2个, 5%-10%, 1～2家 (～ folds to ~).
RANGE_SEP = f"(?:{alternation(_WORDS['range_separators'])})"

# Letters or a decimal point just before a number make it part of a name
# (PM2.5, 5G, GB3095) rather than a quantity.
NOT_AFTER = r"(?<![A-Za-z.\d])"

# After a number, these make it a date, a year, an ordinal or a document
# number (2025年, 6月, 33号, 第1批), or a fraction (2/3), not a quantity.
# (岁 is a unit: 人均预期寿命达到79岁 is a goal, 3岁以下 a threshold.)
NOT_BEFORE = f"(?!(?:{alternation(_WORDS['not_quantity_after'])})|[A-Za-z]|\\d|\\.\\d|[+＋]|/\\d)"

# “百分之三十” spells a percentage in words.
PERCENT_WORDS = f"(?:{alternation(load_yaml('units.yml')['percent_words'])})"


@dataclass
class Quantity:
    """One quantity found in text; offsets are into the text searched."""

    value: float
    unit: str  # as written, scale included: 万吨
    start: int
    end: int
    comparator: str | None = None  # from a word after the number or a range
    upper: float | None = None  # the upper bound of a range
    scale: int = 1
    bare: bool = False  # no unit at all (PUE不高于1.35)

    @property
    def value_base(self) -> float:
        return round(self.value * self.scale, 10)

    @property
    def unit_base(self) -> str:
        return self.unit[len(scale_prefix(self.unit)):]


def scale_prefix(unit: str, words: QuantityWords | None = None) -> str:
    """The scale word a unit starts with, if any.

    >>> scale_prefix("万吨/日"), scale_prefix("%"), scale_prefix("亿千瓦时")
    ('万', '', '亿')
    """
    w = words or load_quantity_words()
    for s in sorted(w.scales, key=len, reverse=True):
        if unit.startswith(s) and len(unit) > len(s):
            return s
    return ""


@lru_cache(maxsize=None)
def quantity_pattern(words: QuantityWords | None = None) -> re.Pattern:
    """The regex of one quantity, built from the vocabulary."""
    w = words or load_quantity_words()
    n = load_numerals()
    # a Chinese number starts with a digit word or 十 (万元 is a unit, not 10000)
    cn_first = "".join(n.digits) + "十拾"
    cn_number = f"[{cn_first}][{n.chars}]*"
    number = f"(?:{ARABIC_NUMBER}|{cn_number})"
    scale = f"(?:{alternation(w.scales)})"
    unit = f"(?:{alternation(w.units + w.counters)})"
    per = f"(?:/(?:{alternation(w.per)}))"
    after = alternation(w.comparator_after)
    return re.compile(
        NOT_AFTER
        + f"(?P<pct>{PERCENT_WORDS})?"
        + f"(?P<num>{number})"
        # a range repeats the unit or not: 5%-10%, 1至2个
        + f"(?:(?P<unit1>{scale}?{unit}{per}?)?{RANGE_SEP}(?P<num2>{number}))?"
        + f"(?P<unit>{scale}?{unit}{per}?|{scale})?"
        + NOT_BEFORE
        + f"(?P<post>{after})?"
    )


def _number(text: str, numerals: Numerals | None = None) -> float | None:
    if re.fullmatch(ARABIC_NUMBER, text):
        return float(text.replace(",", ""))
    v = parse_chinese_number(text, numerals)
    return float(v) if v is not None else None


# A number written without unit stands alone before a clause mark or a
# comparator word (PUE不高于1.35，); before anything else it is part of a name,
# a document number (〔2021〕33号), a span (2021—2023年) or a fraction (2/3).
BARE_END = re.compile(r"$|[，。；、）\s]")
YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


def _bare_number_ok(text: str, m: re.Match) -> bool:
    if YEAR_LIKE.fullmatch(m.group("num")) or text[max(0, m.start() - 1):m.start()] in ("/", "〔", "（", "-", "—"):
        return False
    return bool(m.group("post")) or bool(BARE_END.match(text, m.end("num")))


def find_quantities(text: str, words: QuantityWords | None = None) -> list[Quantity]:
    """Every quantity in ``text`` (folded), in order.

    A Chinese number counts only with a unit (五个新城, not 国六 or 两高), and a
    bare Arabic number only where no unit could follow (PUE不高于1.35).

    >>> [(q.value, q.unit, q.comparator) for q in find_quantities("分别达到4.32万吨、0.18万吨，超过30%")]
    [(4.32, '万吨', None), (0.18, '万吨', None), (30.0, '%', None)]
    >>> [(q.value, q.unit, q.comparator, q.upper) for q in find_quantities("建设1至2个示范区，降低5%-10%")]
    [(1.0, '个', '>=', 2.0), (5.0, '%', '>=', 10.0)]
    >>> find_quantities("到2025年，PM2.5浓度下降，国六标准")
    []
    """
    w = words or load_quantity_words()
    found = []
    for m in quantity_pattern(w).finditer(text):
        num, unit = m.group("num"), m.group("unit") or m.group("unit1") or ""
        arabic = bool(re.fullmatch(ARABIC_NUMBER, num))
        if m.group("pct"):
            unit = w.percent[0]  # 百分之六十 is 60%
        elif not unit and (not arabic or not _bare_number_ok(text, m)):
            continue  # a Chinese number without unit, or a number that is a year, a label or a part
        if num in w.article_numerals:
            continue  # 一项重要任务, 一个时期: the numeral is an article
        value = _number(num)
        unit_end = m.end() - len(m.group("post") or "")
        if value is None or (unit in w.counters and text.startswith(w.durations, unit_end)):
            continue  # 10个工作日, 3个月: a span of time
        q = Quantity(value=value, unit=unit, start=m.start(), end=m.end(), bare=not unit)
        sp = scale_prefix(unit, w)
        q.scale = w.scales[sp] if sp else 1
        if m.group("num2"):
            upper = _number(m.group("num2"))
            if upper is None or upper <= value:
                continue  # 2021-2023 and the like: not a range of one quantity
            q.upper, q.comparator = upper, ">="
        if m.group("post"):
            q.comparator = q.comparator or w.comparator_after[m.group("post")]
        found.append(q)
    return found


def parse_quantity(text: str, words: QuantityWords | None = None) -> Quantity | None:
    """The quantity that ``text`` is, or None.

    >>> q = parse_quantity("4.32万吨")
    >>> q.value, q.unit, q.value_base, q.unit_base
    (4.32, '万吨', 43200.0, '吨')
    >>> q = parse_quantity("92%以上"); q.value, q.unit, q.comparator
    (92.0, '%', '>=')
    >>> q = parse_quantity("2.48万吨/日"); q.unit, q.unit_base
    ('万吨/日', '吨/日')
    >>> q = parse_quantity("三十个"); q.value, q.unit
    (30.0, '个')
    >>> parse_quantity("2025年") is None
    True
    """
    qs = find_quantities(text, words)
    if len(qs) == 1 and qs[0].start == 0 and qs[0].end == len(text):
        return qs[0]
    return None

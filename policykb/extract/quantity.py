"""The grammar of quantities: 4.32万吨, 92%以上, 1至2个, 2.48万吨/日.

A quantity is written ``NUMBER [SCALE] UNIT [/ PER] [COMPARATOR]``; the
number is Arabic (4.32, 1,000) or Chinese (五十, 两); the scale (万, 亿) sits
between number and unit; a range (1至2个, 5%-10%) is read at its lower bound
with ``>=``. The vocabulary (units, comparator words, change verbs) is data:
``data/units.yml`` and ``data/quantity_words.yml``, the ``quantities`` part of
the vocabulary (:class:`~policykb.vocab.quantities.QuantityWords`); the
patterns are built in :mod:`policykb.patterns.quantity`. Every function takes
``vocab`` (the whole vocabulary, default: the shipped one).

Everything here works on folded text (``Source.norm``): digits, ``%`` and
``.`` are ASCII there, so one regex covers full-width and half-width input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..numerals import parse_chinese_number
from ..patterns import compile_patterns
from ..vocab import default_vocabulary, load_vocabulary
from ..vocab.quantities import QuantityWords

__all__ = ["Quantity", "QuantityWords", "find_quantities", "load_quantity_words", "parse_quantity", "scale_prefix",
           "span_limits"]


def load_quantity_words() -> QuantityWords:
    """The shipped quantity words (the ``quantities`` part of the vocabulary)."""
    return load_vocabulary().quantities


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
    scale_word: str | None = None  # the scale the unit starts with (万 of 万吨), as the vocabulary read it

    @property
    def value_base(self) -> float:
        return round(self.value * self.scale, 10)

    @property
    def unit_base(self) -> str:
        scale_word = self.scale_word if self.scale_word is not None else scale_prefix(self.unit)
        return self.unit[len(scale_word):]


def scale_prefix(unit: str, vocab=None) -> str:
    """The scale word a unit starts with, if any.

    >>> scale_prefix("万吨/日"), scale_prefix("%"), scale_prefix("亿千瓦时")
    ('万', '', '亿')
    """
    w = default_vocabulary(vocab).quantities
    for s in sorted(w.scales, key=len, reverse=True):
        if unit.startswith(s) and len(unit) > len(s):
            return s
    return ""


def _number(text: str, vocab) -> float | None:
    if compile_patterns(vocab).quantity.arabic.fullmatch(text):
        return float(text.replace(",", ""))
    v = parse_chinese_number(text, vocab.numerals)
    return float(v) if v is not None else None


def _bare_number_ok(text: str, m: re.Match, vocab) -> bool:
    p = compile_patterns(vocab).quantity
    if p.year.fullmatch(m.group("num")) or text[max(0, m.start() - 1):m.start()] in ("/", "〔", "（", "-", "—"):
        return False
    return bool(m.group("post")) or bool(p.bare_end.match(text, m.end("num")))


def _read_match(text: str, m: re.Match, vocab) -> Quantity | None:
    """The quantity one match of the quantity pattern is, or None."""
    w = vocab.quantities
    num, unit = m.group("num"), "".join((m.group("unit") or m.group("unit1") or "").split())  # 115万 吨: as written, unbroken
    arabic = bool(compile_patterns(vocab).quantity.arabic.fullmatch(num))
    if m.group("pct"):
        unit = w.percent[0]  # 百分之六十 is 60%
    elif not unit and (not arabic or not _bare_number_ok(text, m, vocab)):
        return None  # a Chinese number without unit, or a number that is a year, a label or a part
    if num in w.article_numerals:
        return None  # 一项重要任务, 一个时期: the numeral is an article
    value = _number(num, vocab)
    unit_end = m.end() - len(m.group("post") or "")
    if value is None or (unit in w.counters and text.startswith(w.durations, unit_end)):
        return None  # 10个工作日, 3个月: a span of time
    q = Quantity(value=value, unit=unit, start=m.start(), end=m.end(), bare=not unit)
    sp = scale_prefix(unit, vocab)
    q.scale, q.scale_word = (w.scales[sp] if sp else 1), sp
    if m.group("num2"):
        upper = _number(m.group("num2"), vocab)
        if upper is None or upper <= value:
            return None  # 2021-2023 and the like: not a range of one quantity
        q.upper, q.comparator = upper, ">="
    if m.group("post"):
        q.comparator = q.comparator or w.comparator_after[m.group("post")]
    return q


def find_quantities(text: str, vocab=None) -> list[Quantity]:
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
    vocab = default_vocabulary(vocab)
    found = [_read_match(text, m, vocab) for m in compile_patterns(vocab).quantity.quantity.finditer(text)]
    found = [q for q in found if q is not None]
    spans = [q for q in span_limits(text, vocab) if not any(o.start < q.end and q.start < o.end for o in found)]
    return sorted(found + spans, key=lambda q: q.start) if spans else found


def span_limits(text: str, vocab=None) -> list[Quantity]:
    """Spans of years set as a limit: 改造周期一般不超过3年 (3, 年), 控制在2年以内.

    >>> [(q.value, q.unit, q.comparator) for q in span_limits("周期控制在2年以内，5年内完成，不超过15天")]
    [(2.0, '年', '<=')]
    """
    vocab = default_vocabulary(vocab)
    out = []
    for m in compile_patterns(vocab).quantity.span_limit.finditer(text):
        value = _number(m.group("num"), vocab)
        if value is None:
            continue
        post = m.group("post")
        out.append(Quantity(value=value, unit=m.group("unit"), start=m.start("num"), end=m.end(),
                            comparator=vocab.quantities.comparator_after[post] if post else None))
    return out


def parse_quantity(text: str, vocab=None) -> Quantity | None:
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
    qs = find_quantities(text, vocab)
    if len(qs) == 1 and qs[0].start == 0 and qs[0].end == len(text):
        return qs[0]
    return None

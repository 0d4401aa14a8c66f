"""The quantity patterns: one quantity (4.32万吨, 92%以上, 1至2个, 百分之三十),
built from the ``quantities`` and ``numerals`` parts of the vocabulary.
Read by :mod:`policykb.extract.quantity`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import YEAR, words

# An Arabic number: thousands commas survive folding (1,000万), decimals use
# an ASCII point after folding (4.32).
ARABIC_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"

# A blank that PDF text leaves inside a quantity (超过 150 个, 70 %): one space,
# never a line break.
BLANK = r"[ \u3000]?"

# Letters or a decimal point just before a number make it part of a name
# (PM2.5, 5G, GB3095) rather than a quantity.
NOT_AFTER = r"(?<![A-Za-z.\d])"


@dataclass(frozen=True)
class QuantityPatterns:
    quantity: re.Pattern  # one quantity: groups pct, num, unit1, num2, unit, post
    arabic: re.Pattern  # an Arabic number, whole
    bare_end: re.Pattern  # where a number without unit may end
    year: re.Pattern  # a number that is a plan year
    span_limit: re.Pattern  # a span of time capped by the word before it: 不超过3年 (groups num, unit, post)


def _not_before(q) -> str:
    # After a number, these make it a date, a year, an ordinal or a document
    # number (2025年, 6月, 33号, 第1批), or a fraction (2/3), not a quantity.
    # (岁 is a unit: 人均预期寿命达到79岁 is a goal, 3岁以下 a threshold.)
    return f"(?!(?:{words(q.not_quantity_after)})|[A-Za-z]|\\d|\\.\\d|[+＋]|/\\d)"


def _quantity(q, numerals) -> re.Pattern:
    # a Chinese number starts with a digit word or a ten (万元 is a unit, not 10000)
    tens = "".join(ch for ch, v in numerals.units.items() if v == 10)
    cn_number = f"[{''.join(numerals.digits) + tens}][{numerals.chars}]*"
    number = f"(?:{ARABIC_NUMBER}|{cn_number})"
    scale = f"(?:{words(q.scales)})"
    unit = f"(?:{words(q.units + q.counters)})"
    per = f"(?:/(?:{words(q.per)}))"
    # A range separator between two numbers: 1至2个, 5%-10%, 1～2家 (～ folds to ~).
    range_sep = f"(?:{words(q.range_separators)})"
    return re.compile(
        NOT_AFTER
        + f"(?P<pct>(?:{words(q.percent_words)}))?"  # 百分之三十 spells a percentage in words
        + f"(?P<num>{number})"
        # a range repeats the unit or not: 5%-10%, 1至2个
        + f"(?:(?P<unit1>{scale}?{unit}{per}?)?{range_sep}(?P<num2>{number}))?"
        + f"(?:{BLANK}(?P<unit>{scale}?{BLANK}{unit}{per}?|{scale}))?"
        + _not_before(q)
        + f"{BLANK}(?P<post>{words(q.comparator_after)})?"
    )


def _span_limit(vocab) -> re.Pattern:
    # A span of time after a comparator or a capping verb (不超过3年, 压缩至10个
    # 工作日以内); not a year (2025年), a year's end (3年底) or a date (3年6月).
    q, t, numerals = vocab.quantities, vocab.time, vocab.numerals
    tens = "".join(ch for ch, v in numerals.units.items() if v == 10)
    number = rf"(?:\d{{1,2}}(?:\.\d+)?|[{''.join(numerals.digits) + tens}][{numerals.chars}]*)"
    leads = list(q.comparator_before) + list(q.ceiling_verbs) + [v for v, c in q.change_verbs if c == "decrease_to"]
    not_after = words(t.year_ends + t.horizon_words + (t.annual,))
    return re.compile(rf"(?:{words(leads)})(?P<num>{number})(?P<unit>{words(q.spans)})"
                      rf"(?!{not_after}|\d)(?P<post>{words(q.comparator_after)})?")


def compile(vocab) -> QuantityPatterns:
    return QuantityPatterns(
        quantity=_quantity(vocab.quantities, vocab.numerals),
        arabic=re.compile(ARABIC_NUMBER),
        # A number written without unit stands alone before a clause mark or a
        # comparator word (PUE不高于1.35，); before anything else it is part of a name,
        # a document number (〔2021〕33号), a span (2021—2023年) or a fraction (2/3).
        bare_end=re.compile(r"$|[，。；、）\s]"),
        year=re.compile(YEAR),
        span_limit=_span_limit(vocab),
    )

"""Chinese numerals: heading numbers (二十一), years (二〇二二), counts (三个).

The vocabulary lives in ``data/numerals.yml`` and is passed around as a
:class:`Numerals` object, so tests can swap it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Numerals:
    digits: dict[str, int]
    units: dict[str, int]
    scales: dict[str, int]
    circled: str

    @property
    def chars(self) -> str:
        """Every character that can stand in a Chinese numeral (for regexes)."""
        return "".join(self.digits) + "".join(self.units) + "".join(self.scales)


def load_numerals() -> Numerals:
    """The shipped number words (the ``numerals`` part of the vocabulary)."""
    from .vocab import load_vocabulary

    return load_vocabulary().numerals


def parse_chinese_number(text: str, numerals: Numerals | None = None) -> int | None:
    """Value of a Chinese numeral, or None if ``text`` is not one.

    >>> parse_chinese_number("二十一"), parse_chinese_number("十"), parse_chinese_number("一百零五")
    (21, 10, 105)
    >>> parse_chinese_number("两万"), parse_chinese_number("十二万三千")
    (20000, 123000)
    >>> parse_chinese_number("二〇二二")  # digit by digit, as years are written
    2022
    >>> parse_chinese_number("总体") is None
    True
    """
    n = numerals or load_numerals()
    if not text or any(ch not in n.digits and ch not in n.units and ch not in n.scales for ch in text):
        return None
    if all(ch in n.digits for ch in text):
        if len(text) == 1:
            return n.digits[text]
        return int("".join(str(n.digits[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in n.digits:
            digit = n.digits[ch]
        elif ch in n.units:
            section += (digit or 1) * n.units[ch]
            digit = 0
        else:  # 万, 亿
            total = (total + section + digit) * n.scales[ch]
            section = digit = 0
    return total + section + digit


def format_chinese_number(n: int, numerals: Numerals | None = None) -> str:
    """Write 0–999 as a Chinese numeral, the way headings count (the inverse
    of :func:`parse_chinese_number`, in the first-listed, everyday digits).

    >>> [format_chinese_number(n) for n in (1, 10, 12, 20, 35, 101, 110)]
    ['一', '十', '十二', '二十', '三十五', '一百零一', '一百一十']
    """
    num = numerals or load_numerals()
    digit = {}
    for ch, value in num.digits.items():
        digit.setdefault(value, ch)
    unit = {}
    for ch, value in num.units.items():
        unit.setdefault(value, ch)
    if n < 10:
        return digit[n]
    if n < 20:
        return unit[10] + (digit[n % 10] if n % 10 else "")
    if n < 100:
        return digit[n // 10] + unit[10] + (digit[n % 10] if n % 10 else "")
    rest = n % 100
    if not rest:
        tail = ""
    elif rest < 10:
        tail = digit[0] + digit[rest]
    elif rest < 20:
        tail = digit[1] + format_chinese_number(rest, num)
    else:
        tail = format_chinese_number(rest, num)
    return digit[n // 100] + unit[100] + tail


def parse_circled(ch: str, numerals: Numerals | None = None) -> int | None:
    """Value of a circled number.

    >>> parse_circled("③")
    3
    """
    n = numerals or load_numerals()
    i = n.circled.find(ch)
    return i + 1 if i >= 0 else None

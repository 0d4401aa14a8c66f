"""Word's automatic numbering, written out as the labels it displays.

A .docx heading typed as ``一、总体要求`` carries its label in the text; one
numbered by Word (a list style, or ``numPr`` on the paragraph) does not: the
label is drawn from ``word/numbering.xml``. Stage 2 finds headings by their
labels, so this module computes the label each numbered paragraph shows
(``%1、`` with ``chineseCounting`` at 3 is ``三、``) and puts it in front.
"""
from __future__ import annotations

from docx.oxml.ns import qn

from ..numerals import format_chinese_number
from ..vocab import default_vocabulary


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str, vocab=None) -> str:
    """One level's number in Word's ``numFmt``.

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "decimalEnclosedCircle", "lowerLetter")]
    ['3', '三', '③', 'c']
    """
    vocab = default_vocabulary(vocab)
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital"):
        return format_chinese_number(n, vocab.numerals)
    circled = vocab.numerals.circled
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= len(circled):
        return circled[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    stems = vocab.read.heavenly_stems
    if fmt in ("ideographTraditional",) and 0 < n <= len(stems):
        return stems[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return str(n)


def _val(element, tag: str, default=None):
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else default


class Numbering:
    """The running counters of a document's numbered lists."""

    def __init__(self, document, vocab=None):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> fmt, text, start
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, tuple[str, int] | None] = {}
        self.document = document
        self.vocab = default_vocabulary(vocab)
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            definition = abstract.get(_val(num, "w:abstractNumId"))
            if definition is None:
                continue
            overrides = {o.get(qn("w:ilvl")): _val(o, "w:startOverride") for o in num.findall(qn("w:lvlOverride"))}
            for lvl in definition.findall(qn("w:lvl")):
                ilvl = lvl.get(qn("w:ilvl"), "0")
                start = overrides.get(ilvl) or _val(lvl, "w:start", "1")
                self.levels[(num_id, int(ilvl))] = (_val(lvl, "w:numFmt", "decimal"),
                                                    _val(lvl, "w:lvlText", ""), int(start))

    def _num_pr(self, paragraph) -> tuple[str, int] | None:
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.numPr is not None:
            num_id = _val(ppr.numPr, "w:numId")
            ilvl = int(_val(ppr.numPr, "w:ilvl", "0"))
            return (num_id, ilvl) if num_id and num_id != "0" else None
        style = paragraph.style
        seen = 0
        while style is not None and seen < 10:  # a list style, or the style it is based on
            spr = style.element.pPr
            if spr is not None and spr.numPr is not None:
                num_id = _val(spr.numPr, "w:numId")
                return (num_id, int(_val(spr.numPr, "w:ilvl", "0"))) if num_id and num_id != "0" else None
            style, seen = style.base_style, seen + 1
        return None

    def label(self, paragraph) -> str:
        """The label Word shows before ``paragraph`` (counting it), or ''."""
        if not paragraph.text.strip():
            return ""
        num = self._num_pr(paragraph)
        if num is None or num not in self.levels:
            return ""
        num_id, ilvl = num
        fmt, text, start = self.levels[num]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts the levels below it
        if fmt in ("bullet", "none") or not text:
            return ""
        label = text
        for level in range(ilvl + 1):
            level_fmt, _, level_start = self.levels.get((num_id, level), ("decimal", "", 1))
            value = counters.get(level, level_start)
            label = label.replace(f"%{level + 1}", format_number(value, level_fmt, self.vocab))
        return label

"""The structure patterns: every regex stage 2 matches, built from the
layout words (:mod:`policykb.vocab.layout`) and the heading ladder
(``data/numbering.yml``). All match folded text (``Source.norm``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import HAN, YEAR, char_class, words


@dataclass(frozen=True)
class StructurePatterns:
    """Regexes built once from a vocabulary; all match folded text."""

    label: re.Pattern
    digit_label: re.Pattern
    date: re.Pattern
    doc_number: re.Pattern
    bare_doc_number: re.Pattern
    place: re.Pattern
    named_city: re.Pattern
    joined_cn_head: re.Pattern
    title_run: re.Pattern
    web_field: re.Pattern
    appendix_label: re.Pattern


def ladder_slots(numerals, part_words) -> dict[str, str]:
    """What the slots of a ladder shape (``data/numbering.yml``) stand for."""
    return {"{cn}": char_class(numerals.chars) + "+", "{circled}": re.escape(numerals.circled),
            "{part_words}": words(part_words)}


def ladder_regex(layout) -> str:
    """The heading ladder as one alternation, each style a named group whose
    number is group ``n_<style>``: ``(?P<part>第(?P<n_part>…)…)|(?P<cn>…)…``."""
    slots = ladder_slots(layout.numerals, layout.part_words)
    out = []
    for rung in layout.ladder:
        shape = rung.shape
        for slot, value in slots.items():
            shape = shape.replace(slot, value)
        out.append(f"(?P<{rung.style}>{shape.replace('(?P<n>', f'(?P<n_{rung.style}>')})")
    return "|".join(out)


def _date(vocab) -> re.Pattern:
    """2022年9月18日 or 二〇二二年九月十八日, spaces allowed between the parts
    (the date units are time words)."""
    n = vocab.layout.numerals
    cn_digits = char_class(n.digits)
    cn_small = char_class("".join(n.digits) + "".join(n.units))
    t = vocab.time
    y, m, d = (re.escape(w) for w in (t.year_unit, t.month_unit, t.day_unit))
    return re.compile(rf"(?P<y>\d{{4}}|{cn_digits}{{4}})\s*{y}\s*(?P<m>\d{{1,2}}|{cn_small}{{1,3}})\s*{m}"
                      rf"\s*(?P<d>\d{{1,2}}|{cn_small}{{1,3}})\s*{d}")


def compile(vocab) -> StructurePatterns:
    """The structure patterns of ``vocab`` (a :class:`~policykb.vocab.Vocabulary`)."""
    layout = vocab.layout
    n = layout.numerals
    cn_small = char_class("".join(n.digits) + "".join(n.units))
    number_end = re.escape(layout.doc_number_suffix)
    prefixes = words(layout.place_prefixes)
    return StructurePatterns(
        label=re.compile(ladder_regex(layout)),
        # 12.135工程: an arabic label whose title starts with digits (a name, not a decimal)
        digit_label=re.compile(r"(?P<n>\d{1,3})\.(?=\d+(?![.\d]))"),
        date=_date(vocab),
        # 渝府发〔2022〕39号; the prefix is cut at the stop words afterwards
        doc_number=re.compile(rf"(?P<code>[{HAN}]{{1,10}})[〔【（](?P<y>{YEAR})[〕】）](?P<n>\d{{1,5}}){number_end}"),
        # scraper output that lost its brackets: 粤府201759号, only at a line start
        bare_doc_number=re.compile(rf"(?P<code>[{HAN}]{{1,6}})(?P<y>{YEAR})(?P<n>\d{{1,4}}){number_end}"),
        place=re.compile(rf"^(?:{prefixes})?(?P<place>[{HAN}]{{2,7}}?(?:{words(layout.place_suffixes)}))"),
        # an X市 where a place name can start: a line, a clause, a quotation or a title
        named_city=re.compile(rf"(?:^|(?<=[\n。；，：、（《“\s]))(?:{prefixes})?"
                              rf"(?P<place>[{HAN}]{{2,7}}?{re.escape(layout.city_suffix)})", re.M),
        # 一、 inside a joined line only counts when a short heading follows it
        joined_cn_head=re.compile(rf"{cn_small}+、[^。，；]{{2,24}}?(?:。|（{cn_small}{{1,3}}）)"),
        # a web print runs the title, the number and the 主送 into one line
        title_run=re.compile(rf"^.{{4,120}}?{words(layout.notice_kinds)}"),
        # web-page fields above the title: 来源：…  发布日期：…
        web_field=re.compile(rf"^[{HAN}]{{2,6}}："),
        # an attachment printed on its own starts with its 附件 label
        appendix_label=re.compile(rf"(?:{words(layout.appendix_words)})\s*\d*[：]?"),
    )

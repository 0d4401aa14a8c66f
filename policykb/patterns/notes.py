"""The patterns of responsibility notes, compiled from the notes vocabulary.

Every data word enters through :func:`~policykb.patterns.parts.words`; the
shapes around them say how a note is written (see each field's comment).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import YEAR, words


def _not_in(chars: str) -> str:
    """A negated class of literal characters: ``[^、，]``."""
    return f"[^{re.escape(chars)}]"


@dataclass(frozen=True, eq=False)
class NotePatterns:
    """The compiled patterns of notes, with the words they were built from."""

    words: object  # the NoteVocabulary
    label: re.Pattern  # 责任单位： and its kin; group 1 is the label without qualifier
    generic_tail: re.Pattern
    name_split: re.Pattern
    name_lead_in: re.Pattern
    first_is_lead: re.Pattern  # any lead rule (every kind of ``lead_rules``)
    lead_rules: tuple[tuple[str, re.Pattern], ...]  # (kind, pattern)
    bare_list_rule: re.Pattern
    ignorable: re.Pattern
    gloss: re.Pattern  # the words of a gloss in brackets after a name, read whole
    aside: re.Pattern
    standing_implementing: tuple[re.Pattern, ...]
    time_clause: re.Pattern
    duty_modifier: re.Pattern


def _broken(word: str) -> str:
    """A literal word that a PDF line break may cut (牵头单\n位): one optional
    line break between any two of its characters."""
    return "\n?".join(map(re.escape, word))


def label_pattern(w) -> re.Pattern:
    """``主要责任单位：``: an optional qualifier, the label (group 1; a PDF line
    break may stand inside it, 牵头单\n位：), the colon."""
    labels = "|".join(_broken(x) for x in sorted(w.labels, key=len, reverse=True))
    return re.compile(f"(?:{words(w.label_qualifiers)})?({labels}){re.escape(w.punctuation.field_colon)}")


def generic_tail_pattern(w) -> re.Pattern:
    """A trailing 等 and the generic phrase after it: 等, 等部门, 等有关部门,
    等省直有关部门, 等有关部门和单位 (the spec drops them from a name). The
    phrase is short (up to ten characters before its noun) and holds no
    separator and no second 等."""
    tail, p = w.generic_tail, w.punctuation
    mark = re.escape(tail["mark"])
    return re.compile(
        rf"{mark}(?:{_not_in(p.list_separator + p.clause_separators + tail['mark'])}{{0,10}}?"
        rf"(?:{words(tail['nouns'])})(?:{words(tail['joins'])})?)?$")


def name_split_pattern(w) -> re.Pattern:
    """Where the names of a list part: on 、 and, where a list of bodies
    follows another, on 等和 / 和各 / 及各 (…体育总局等和各设区市人民政府负责) or on
    和 after a government (市人民政府和开发区管委会) when a name of three or more
    characters follows; a bare 和 stays, as it is part of many names
    (工业和信息化部, 住房和城乡建设厅, 党委和政府); names written in table cells are
    split on spaces (市科技局 市财政局), never on a line break (a name a PDF
    line broke, 应急\n厅, is one name)."""
    p = w.punctuation
    each, after = w.name_split_before_each, w.name_split_and_after
    return re.compile("|".join([
        # blanks between table cells, but never a line break: a PDF breaks names over lines (气候\n处)
        re.escape(p.list_separator), r"(?<!\n)[^\S\n]+(?!\s)", words(w.name_split),
        f"(?:{words(each['words'])})(?={re.escape(each['each'])})",
        *(rf"(?<={re.escape(end)}){re.escape(after['word'])}(?={_not_in(p.list_separator + p.clause_separators)}{{3}})"
          for end in after["ends"]),
    ]))


def time_clause_pattern(w, vocab) -> re.Pattern:
    """A clause that only says when, read whole (``fullmatch``): 2022年底前完成,
    每年12月底前完成, 三季度前启动, 2022年起持续推进 (the caller asks for a digit,
    so 完成 alone is none)."""
    t, tw = w.time_clause, vocab.time
    d = tw.deadline
    year = rf"(?:{YEAR}{re.escape(tw.year_unit)})?"
    date = rf"(?:\d{{1,2}}{re.escape(tw.month_unit)}(?:\d{{1,2}}{re.escape(tw.day_unit)})?)?"
    period = rf"(?:{words(t['periods'])}|(?:{words(d.quarter_digits)}){re.escape(d.quarter)})?"
    return re.compile(
        rf"(?:{words(t['prefixes'])})?{year}{date}{period}(?:{words(d.before)})?(?:{words(t['verbs'])})?"
        rf"|{year}(?:{words(t['since'])})?(?:{words(t['ongoing'])})")


def gloss_pattern(w) -> re.Pattern:
    """The words of a gloss (``fullmatch`` on the bracket's inside): 含市园林局，下同,
    以下简称市发改委 (opening words), or anything ending 下同."""
    g = w.gloss
    if not g:
        return re.compile("(?!)")
    return re.compile(f"(?:{words(g['opens'])}).*|.*(?:{words(g['ends'])})", re.S)


def compile(vocab) -> NotePatterns:
    """The notes patterns of ``vocab`` (the whole vocabulary)."""
    w = vocab.notes
    return NotePatterns(
        words=w,
        label=label_pattern(w),
        generic_tail=generic_tail_pattern(w),
        name_split=name_split_pattern(w),
        # words placed before a name: 由市发展改革委牵头 (anchored by ``match``
        # at the name's start: a ``^`` would never match there)
        name_lead_in=re.compile(f"(?:{words(w.name_lead_in)})"),
        first_is_lead=re.compile("|".join(rx for _, rx in w.lead_rules) or "(?!)"),
        lead_rules=tuple((kind, re.compile(rx)) for kind, rx in w.lead_rules),
        bare_list_rule=re.compile("|".join(w.bare_list_rule) or "(?!)"),
        ignorable=re.compile(w.ignorable_pattern),
        gloss=gloss_pattern(w),
        # an aside that names a body is no bare note: （以下简称省发改委）
        aside=re.compile(words(w.aside_words)),
        # a term may run over a PDF line break (以下均需各区县\n（…）党委和政府落实)
        standing_implementing=tuple(re.compile(rx, re.S) for rx in w.standing_implementing),
        time_clause=time_clause_pattern(w, vocab),
        duty_modifier=re.compile(f"(?:{w.duty_modifier})$"),
    )

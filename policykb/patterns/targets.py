"""The targets patterns: the shapes around an indicator, a verb and a
quantity (lists of items, scopes, shares of a whole, starting values…),
built from the ``quantities`` and ``time`` parts of the vocabulary. Read by
:mod:`policykb.extract.targets`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .parts import HAN, YEAR, char_class, words

# A dash or dot list item under a lead paragraph: ——用水效率持续提高。…
BULLET = r"^\s*(?:——|—|●|■|◆|▲|·)"

# A parenthetical inside an indicator: （含网约车）, （PUE）, （当量值）.
PARENTHETICAL = r"（[^（）]{0,30}）"


@dataclass(frozen=True)
class TargetPatterns:
    parenthetical: re.Pattern
    item_split: re.Pattern  # 城市、县城…
    item_split_wide: re.Pattern  # …and 乘用车和商用车
    list_join: re.Pattern  # any join inside an indicator
    value_join: re.Pattern  # what may stand between two values of one list (fullmatch)
    trailing_join: re.Pattern  # a join ending a noun: 10个…实验室和
    leading_noise: re.Pattern  # sentence glue before an indicator: 其中, 并, 同时
    scope_prefix: re.Pattern  # 全省, 本市, 各区
    scope_only: re.Pattern
    share_of: re.Pattern  # 销量达到全部车辆销量的35%: groups subject, whole, part
    bullet: re.Pattern
    item_label: re.Pattern  # a list item's own label left in a paragraph: （2）, ①, 3．
    start_value: re.Pattern  # 由2020年的15%提高到: group y
    next_predicate: re.Pattern  # 建成10个示范点并推广…
    noun_start: re.Pattern  # a word (or a quoted name) right after a number
    etc: re.Pattern  # 等, 等6种: the end of a list of members
    comparator_after: re.Pattern  # 5000吨标准煤（当量值）及以上: the word after a parenthetical


def _share_of(q) -> re.Pattern:
    de, of = re.escape(q.possessive), re.escape(q.share_of)
    return re.compile(rf"^(?P<subject>.+?)(?:(?:{words(q.share_verbs)})(?P<whole>[^，]+){de}"
                      rf"|{of}(?P<part>[^，]+?){de}?)$")


def _item_label(vocab) -> re.Pattern:
    # A list item's label that the section tree did not take (a numbered line
    # inside a paragraph): （2）, (二), ①, 3．; before a Han character, so 1.5倍 stays.
    n = vocab.numerals
    number = rf"(?:\d{{1,2}}|[{re.escape(n.chars)}]{{1,3}})"
    return re.compile(rf"^\s*(?:[（(]{number}[）)]|[{re.escape(n.circled)}]|\d{{1,2}}[．.、])(?=[{HAN}“])")


def compile(vocab) -> TargetPatterns:
    q, t = vocab.quantities, vocab.time
    scope = rf"^(?:{words(q.scope_words)})(?:{words(q.scope_levels)})"
    joins, value_joins = words(q.list_joins), words(q.value_joins)
    year_end = rf"(?:(?P<y>{YEAR}){re.escape(t.year_unit)}(?:{words(t.year_ends)})?)?"
    numerals = re.escape(q.etc_numerals)
    return TargetPatterns(
        parenthetical=re.compile(PARENTHETICAL),
        item_split=re.compile(re.escape(q.list_joins[0])),
        item_split_wide=re.compile(joins),
        list_join=re.compile(char_class(q.list_joins)),
        value_join=re.compile(rf"\s*(?:{value_joins})\s*"),
        trailing_join=re.compile(rf"(?:{value_joins})$"),
        leading_noise=re.compile(rf"^(?:{words(q.leading_noise)}|\s)+"),
        scope_prefix=re.compile(scope),
        scope_only=re.compile(scope + "$"),
        share_of=_share_of(q),
        bullet=re.compile(BULLET),
        item_label=_item_label(vocab),
        start_value=re.compile(rf"(?:{words(q.start_words)}){year_end}{re.escape(q.possessive)}?$"),
        next_predicate=re.compile(rf"(?<!{char_class(q.not_next_predicate_after)})(?:{words(q.next_predicate)})"),
        # HAN, plus the opening quote of a cited name (10个“无废城市”)
        noun_start=re.compile(f"[{HAN}“]"),
        etc=re.compile(rf"{re.escape(q.etc_word)}(?:[0-9{numerals}]+{char_class(q.etc_counters)})?"),
        # a parenthetical may stand between number and word: 5000吨标准煤（当量值）及以上
        comparator_after=re.compile(rf"^(?:（[^（）]{{0,12}}）)?({words(q.comparator_after)})"),
    )

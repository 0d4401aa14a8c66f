"""The words of quantities and targets (``data/units.yml``,
``data/quantity_words.yml``): units, comparators, change verbs, indicator
words, and the small grammar words a target is read by. Scales are valued
from the numerals part (``data/numerals.yml``), so there is one scale table.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..numerals import Numerals
from ..patterns.parts import longest_first


@dataclass(frozen=True, eq=False)  # hashed by identity, so patterns can be cached per vocabulary
class QuantityWords:
    """The vocabulary of quantities, from the two data files."""

    scales: dict[str, int]
    units: tuple[str, ...]  # units of measure and percentages, without scale
    percent: tuple[str, ...]  # %, ‰, 个百分点: shares and their changes
    percent_words: tuple[str, ...]  # 百分之: a percentage spelt in words
    counters: tuple[str, ...]  # classifiers: 个, 家, 辆
    per: tuple[str, ...]  # denominators of rate units: 日, 年, 小时
    durations: tuple[str, ...]  # 个工作日, 个月: spans of time
    spans: tuple[str, ...]  # 年, 个月: spans of time read as a limit (不超过3年)
    article_numerals: tuple[str, ...]  # 一 in 一项任务
    comparator_before: dict[str, str]
    comparator_after: dict[str, str]
    ceiling_verbs: tuple[str, ...]
    change_verbs: tuple[tuple[str, str], ...]  # (verb, change), longest first
    leading_verbs: tuple[str, ...]
    leading_verb_changes: dict[str, str]  # 新建: increase_by, 关停: decrease_by (else level)
    count_verbs: tuple[str, ...]  # 推动, 支持: a goal verb only right before a count
    hedges: tuple[str, ...]
    total_words: tuple[str, ...]  # 合计: a total of the parts before it
    not_quantity_before: tuple[str, ...]
    not_quantity_after: tuple[str, ...]
    range_separators: tuple[str, ...]
    not_target_clause: tuple[str, ...]
    money: tuple[str, ...]  # 元: sums of support, not goals, in a support clause
    goal_nouns: tuple[str, ...]  # 目标: 降低目标为14.5% names a change
    indicator_heads: tuple[str, ...]
    ratio_heads: tuple[str, ...]
    indicator_words: tuple[str, ...]
    tail_objects: tuple[str, ...]  # 污水, 光伏: object nouns a tail may take
    tail_scope_words: tuple[str, ...]  # 行业: a tail starting here is shared whole
    scope_grade_ends: tuple[str, ...]  # 型, 级: 大型、超大型 grade one scope
    stage_words: tuple[str, ...]  # 种植, 收获: stages of one activity share a short head
    leading_noise: tuple[str, ...]
    scope_words: tuple[str, ...]
    scope_levels: tuple[str, ...]
    list_joins: tuple[str, ...]  # 、和及与
    value_joins: tuple[str, ...]  # list_joins and 或
    verb_joins: str  # 和及或与、 (characters)
    possessive: str  # 的
    spread_word: str  # 分别
    part_word: str  # 其中
    share_verbs: tuple[str, ...]
    share_of: str  # 占
    share_noun: str  # 比例
    total_word: str  # 总
    etc_word: str  # 等
    etc_counters: tuple[str, ...]
    etc_numerals: str
    start_words: tuple[str, ...]
    next_predicate: tuple[str, ...]
    not_next_predicate_after: tuple[str, ...]
    not_count_verbs: tuple[str, ...]


def build_scales(compounds, numerals: Numerals) -> dict[str, int]:
    """Every scale word with its value: the compounds, valued from the
    numerals, then the numerals' own scales.

    >>> from policykb.vocab import load_vocabulary
    >>> build_scales(["千万", "万亿"], load_vocabulary().numerals)
    {'千万': 10000000, '万亿': 1000000000000, '万': 10000, '亿': 100000000}
    """
    values = {**numerals.units, **numerals.scales}
    scales = {}
    for word in compounds:
        value = 1
        for ch in word:
            value *= values[ch]
        scales[word] = value
    return {**scales, **numerals.scales}


def _verbs(change_verbs: dict) -> tuple[tuple[str, str], ...]:
    verbs = [(v, change) for change, vs in change_verbs.items() for v in vs]
    return tuple(sorted(verbs, key=lambda vc: -len(vc[0])))


def build(files, numerals: Numerals) -> QuantityWords:
    units, w = files.yaml("units.yml"), files.yaml("quantity_words.yml")
    lf = {k: longest_first(w[k]) for k in (
        "ceiling_verbs", "leading_verbs", "count_verbs", "hedges", "total_words", "not_quantity_before",
        "not_target_clause", "goal_nouns",
        "indicator_heads", "ratio_heads", "indicator_words", "tail_objects", "tail_scope_words")}
    plain = {k: tuple(w[k]) for k in (
        "not_quantity_after", "range_separators", "leading_noise", "scope_words", "scope_levels", "list_joins",
        "share_verbs", "scope_grade_ends", "stage_words", "etc_counters", "start_words", "next_predicate",
        "not_next_predicate_after",
        "not_count_verbs")}
    lf.update({k: longest_first(units[k]) for k in ("counters", "per", "durations", "spans", "money")})
    plain.update({k: tuple(units[k]) for k in ("percent", "percent_words", "article_numerals")})
    return QuantityWords(
        scales=build_scales(units["compound_scales"], numerals),
        units=longest_first(units["percent"] + units["measures"]),
        comparator_before=w["comparator_before"], comparator_after=w["comparator_after"],
        leading_verb_changes=dict(w["leading_verb_changes"]),
        change_verbs=_verbs(w["change_verbs"]),
        value_joins=tuple(w["list_joins"] + w["value_joins"]),
        verb_joins="".join(w["verb_joins"]),
        **{k: w[k] for k in ("possessive", "spread_word", "part_word", "share_of", "share_noun", "total_word",
                             "etc_word", "etc_numerals")},
        **lf, **plain,
    )

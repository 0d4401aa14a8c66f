"""The rules a group of values is read by, as ordered lists of named rules.

A *group* is one value, or a list of values joined by 、/和 (4.32万吨、0.18万吨),
with the text before it (``pre``: indicator and verb) and after it
(``post``). Two decisions are made for each group, each by the first rule
of its list that holds:

- :data:`THRESHOLD_RULES`: is the number a threshold that bounds a noun
  (35蒸吨/小时以下燃煤锅炉) rather than a goal?
- :data:`CHANGE_RULES`: what change does the goal name (decrease_by,
  increase_to, level…)? When no rule holds, the number sets no goal.

The order is the rule: each rule's comment says why it stands where it does.
Every doctest reads one clause with :func:`~.clause.read_groups` and shows
which rule settled it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...patterns import compile_patterns
from ..quantity import Quantity, scale_prefix
from .indicators import clean_indicator
from .verbs import leading_verb, verb_inside

BOUNDS = (">", "<", ">=", "<=")


@dataclass
class Group:
    """What the clause reader knows about one list of values while it reads it."""

    pre: str
    post: str
    last: Quantity
    post_comp: str | None
    spread: bool
    is_share: bool  # the last value is a percentage
    follows_noun: bool  # a word follows the values: the number stands before a noun
    indicator: str = ""
    change: str | None = None
    comparator: str | None = None
    kind: str = "target"
    noun_read: bool = False
    kind_rule: str | None = None  # the threshold rule that held, if any
    change_rule: str | None = None  # the change rule that settled the change

    @property
    def has_verb(self) -> bool:
        return self.change is not None or self.comparator is not None


@dataclass
class RuleContext:
    """What the change rules know beyond the group."""

    vocab: object
    clause_verb: tuple[str, str | None] | None  # (change, comparator) of an earlier value in the clause
    year_context: bool  # a year governs the clause: shares and counts may set goals without a verb
    lead: tuple[str, str] | None  # the verb the indicator starts with, and its change


# ---------------------------------------------------------------------------
# Threshold or target


def bound_after_noun(g: Group, vocab) -> bool:
    """A bound after the number, before a noun: 35蒸吨/小时以下燃煤锅炉.

    A share before its noun (60%以上集装箱泊位) and a count (30家以上专精特新
    企业, 培育30家以上的龙头企业) are goals; 200户以上的村 bounds a noun.

    >>> [g.kind_rule for g in read_groups("各区县基本淘汰35蒸吨/小时以下燃煤锅炉")]
    ['bound_after_noun']
    """
    words, last = vocab.quantities, g.last
    last_comp = last.comparator or g.post_comp
    bounded_after = last_comp in BOUNDS and not (last.comparator and last.upper)
    share = g.is_share and not g.indicator.endswith(words.indicator_heads)
    counter = last.unit[len(scale_prefix(last.unit, vocab)):] in words.counters
    counted = counter and (not g.post.startswith(words.possessive) or g.change is not None)
    return g.follows_noun and bounded_after and not share and not counted


def bound_before_noun(g: Group, vocab) -> bool:
    """A comparator before the number and 的 after it, with no goal verb:
    低于100mg/L的污水厂.

    >>> [g.kind_rule for g in read_groups("关停排放浓度高于50mg/L的污水处理厂")]
    ['bound_before_noun']
    """
    bounded_before = g.comparator in BOUNDS and g.post.startswith(vocab.quantities.possessive)
    return g.follows_noun and bounded_before and g.change is None


# The first that holds makes the number a threshold; when none does, a target.
THRESHOLD_RULES = (
    # first: a bound after the number is the stronger sign, and holds even
    # after a goal verb (淘汰35蒸吨/小时以下燃煤锅炉)
    ("bound_after_noun", bound_after_noun),
    # second: a comparator before the number bounds a noun only without a goal verb
    ("bound_before_noun", bound_before_noun),
)


def read_kind(g: Group, vocab) -> str:
    """Threshold when a threshold rule holds, else target."""
    for name, rule in THRESHOLD_RULES:
        if rule(g, vocab):
            g.kind_rule = name
            return "threshold"
    return "target"


# ---------------------------------------------------------------------------
# The change a goal names


def change_from_verb(g: Group, ctx: RuleContext) -> bool:
    """A verb or comparator before the number decides: 比2020年下降14%. A
    leading 新增 may sharpen a bare comparator (新增纯电动汽车不少于10万辆).

    >>> [(g.change_rule, g.change) for g in read_groups("全市能源消耗比2020年下降14%")]
    [('verb_before_number', 'decrease_by')]
    >>> [(g.change_rule, g.change) for g in read_groups("新增纯电动汽车不少于10万辆")]
    [('verb_before_number', 'increase_by')]
    """
    if not g.has_verb:
        return False
    leading = ctx.lead and ctx.lead[0] in ctx.vocab.quantities.leading_verbs  # 新建数据中心PUE不高于: a scope
    if g.change is None and ctx.lead and not leading and ctx.lead[1] in ("increase_by", "decrease_by"):
        g.change = ctx.lead[1]
    g.change = g.change or "level"
    return True


def change_share_of_whole(g: Group, ctx: RuleContext) -> bool:
    """A share of a whole named after its verb: 销售量达到…总量的20%.

    >>> [(g.change_rule, g.indicator) for g in read_groups("新能源车销量达到汽车总销量的20%")]
    [('share_of_whole', '新能源车销量占汽车总销量的比例')]
    """
    words = ctx.vocab.quantities
    m = compile_patterns(ctx.vocab).targets.share_of.match(g.indicator)
    if not (m and g.is_share and not g.indicator.endswith(words.indicator_heads)):
        return False
    whole = m.group("whole") or m.group("part")
    g.indicator = m.group("subject") + words.share_of + whole + words.possessive + words.share_noun
    g.change = "level"
    return True


def change_from_leading_verb(g: Group, ctx: RuleContext) -> bool:
    """A verb the indicator starts with: 新增可再生能源建筑应用面积500万平方米.

    >>> [(g.change_rule, g.change) for g in read_groups("新增可再生能源建筑应用面积500万平方米")]
    [('leading_verb', 'increase_by')]
    """
    if not ctx.lead:
        return False
    g.change = ctx.lead[1]
    return True


def change_share_names_noun(g: Group, ctx: RuleContext) -> bool:
    """A share before 的 and its noun, with no indicator before it:
    80%以上的县级党政机关…, 全市60%以上的规上工业企业完成….

    >>> [(g.change_rule, g.indicator) for g in read_groups("全市60%以上的规上企业完成改造")]
    [('share_names_noun', '全市规上企业完成改造')]
    """
    p, words = compile_patterns(ctx.vocab).targets, ctx.vocab.quantities
    if not (ctx.year_context and g.is_share and g.post.startswith(words.possessive)
            and (not g.indicator or p.scope_only.match(g.indicator))):
        return False
    g.indicator = g.indicator + clean_indicator(g.post[1:], ctx.vocab)
    g.change, g.noun_read = "level", True
    return True


def change_from_clause_verb(g: Group, ctx: RuleContext) -> bool:
    """A later value takes the verb of an earlier one in its clause:
    建成绿色园区30个、绿色工厂300家.

    >>> [(g.change_rule, g.change) for g in read_groups("建成绿色园区30个、绿色工厂300家")]
    [('leading_verb', 'level'), ('clause_verb', 'level')]
    """
    if not (ctx.clause_verb and not g.indicator.endswith(ctx.vocab.quantities.possessive) and g.kind == "target"):
        return False
    g.change, g.comparator = ctx.clause_verb
    return True


def change_indicator_head(g: Group, ctx: RuleContext) -> bool:
    """An indicator ending in a measure head, the number closing it:
    城市生活垃圾焚烧处理能力占比65%左右.

    >>> [(g.change_rule, g.change) for g in read_groups("城市生活垃圾焚烧处理能力占比65%左右")]
    [('indicator_head', 'level')]
    """
    if not (g.indicator.endswith(ctx.vocab.quantities.indicator_heads) and not g.follows_noun):
        return False
    g.change = "level"
    return True


def change_bounded_share(g: Group, ctx: RuleContext) -> bool:
    """A bounded share closing its clause: 余热回收装置覆盖面90%以上.

    >>> [(g.change_rule, g.change) for g in read_groups("余热回收装置覆盖面90%以上")]
    [('bounded_share_at_end', 'level')]
    """
    if not (ctx.year_context and g.is_share and not g.follows_noun and g.indicator
            and (g.last.comparator or g.post_comp)):
        return False
    g.change = "level"
    return True


def change_share_before_noun(g: Group, ctx: RuleContext) -> bool:
    """A share right before its noun: 城镇新建建筑100%执行绿色建筑标准.

    >>> [(g.change_rule, g.indicator) for g in read_groups("城镇新建建筑100%执行绿色建筑标准")]
    [('share_before_noun', '城镇新建建筑执行绿色建筑标准')]
    """
    if not (ctx.year_context and g.is_share and g.follows_noun
            and not g.post.startswith(ctx.vocab.quantities.possessive)):
        return False
    g.indicator = g.indicator + clean_indicator(g.post, ctx.vocab)
    g.change, g.noun_read = "level", True
    return True


def change_from_verb_inside(g: Group, ctx: RuleContext) -> bool:
    """A goal verb inside the indicator, the subject before it:
    沿海重点城市完成压减钢铁产能60万吨, 城镇新增就业1100万人.

    >>> [(g.change_rule, g.change) for g in read_groups("城镇新增就业1100万人")]
    [('verb_inside', 'increase_by')]
    """
    mid = verb_inside(g.indicator, ctx.vocab) if ctx.year_context else None
    if not (mid and not g.follows_noun):
        return False
    g.change = mid[1]
    return True


def change_count_at_end(g: Group, ctx: RuleContext) -> bool:
    """A count closing its clause after its noun, with no verb: 示范项目10个.

    >>> [(g.change_rule, g.indicator) for g in read_groups("省级绿色低碳示范项目10个")]
    [('count_at_end', '省级绿色低碳示范项目')]
    """
    words, last = ctx.vocab.quantities, g.last
    counter = last.unit[len(scale_prefix(last.unit, ctx.vocab)):] in words.counters
    if not (ctx.year_context and counter and g.indicator and not g.post.strip() and g.kind == "target"):
        return False
    g.change = "level"
    return True


def change_total_of_parts(g: Group, ctx: RuleContext) -> bool:
    """A total after the parts, with no indicator of its own: 新建200家，合计350家以上.

    The indicator is the previous target's (see ``_borrow_indicator``).

    >>> [(g.change_rule, g.change) for g in read_groups("合计350家以上")]
    [('total_of_parts', 'level')]
    """
    words = ctx.vocab.quantities
    pre = g.pre.strip()
    if g.indicator or not pre or g.kind != "target" or not any(pre.endswith(w) for w in words.total_words):
        return False
    g.change = "level"
    return True


def change_of_threshold(g: Group, ctx: RuleContext) -> bool:
    """A threshold keeps its bound as a level: 淘汰35蒸吨/小时以下燃煤锅炉.

    >>> [(g.kind, g.change_rule) for g in read_groups("基本淘汰35蒸吨/小时以下燃煤锅炉")]
    [('threshold', 'threshold')]
    """
    if g.kind != "threshold":
        return False
    g.change = "level"
    return True


# The order is the rule: the first that holds settles the change.
CHANGE_RULES = (
    # first: where the writer put a verb or comparator before the number, it decides
    ("verb_before_number", change_from_verb),
    # before leading_verb and verb_inside: its 达到…的 / 占…的 names a whole, not a verb of the goal
    ("share_of_whole", change_share_of_whole),
    # a verb at the indicator's start (新增, 淘汰) is the strongest sign left
    ("leading_verb", change_from_leading_verb),
    # before clause_verb: a share before 的 names its own noun, whatever verb came earlier
    ("share_names_noun", change_share_names_noun),
    # a list of counts after one verb shares it; before the weaker signs below
    ("clause_verb", change_from_clause_verb),
    # a measure head closing the indicator makes the number its level
    ("indicator_head", change_indicator_head),
    # the two share forms need a year in force: without one a bare share is no goal
    ("bounded_share_at_end", change_bounded_share),
    ("share_before_noun", change_share_before_noun),
    # late: a verb inside the indicator may be part of a name (完成…压减钢铁产能)
    ("verb_inside", change_from_verb_inside),
    # after every verb: a count closing its clause, and a total of parts, name no verb at all
    ("count_at_end", change_count_at_end),
    ("total_of_parts", change_total_of_parts),
    # last: a threshold, having no goal verb, is read as a level of its noun
    ("threshold", change_of_threshold),
)


def settle_change(g: Group, vocab, clause_verb, year_context: bool) -> bool:
    """Settle the change of a group by the first rule that holds; False
    when none does (the number sets no goal)."""
    words = vocab.quantities
    lead = leading_verb(g.indicator, vocab)
    if lead and g.indicator.endswith(words.ratio_heads):
        lead = (lead[0], "level")  # 新增…车辆中清洁能源车比例: the verb picks what is counted
    ctx = RuleContext(vocab=vocab, clause_verb=clause_verb, year_context=year_context, lead=lead)
    for name, rule in CHANGE_RULES:
        if rule(g, ctx):
            g.change_rule = name
            return True
    return False


def read_groups(clause: str, vocab=None, year_context: bool = True) -> list[Group]:
    """The groups of one clause as the rules settled them (see :func:`.clause.read_groups`)."""
    from .clause import read_groups as read

    return read(clause, vocab, year_context=year_context)

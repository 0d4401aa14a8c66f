"""Reading one clause (the text between ``，；。：``) into targets.

A target is read in three parts: the *indicator* before the number
(全市单位地区生产总值能源消耗), the *verb* that joins them (比2020年下降, 力争达到,
不低于) and the *quantity* (14%, 4.32万吨, 92%以上). Values joined by 、/和 form
one group; each group is read by the rules of :mod:`.rules` (threshold or
target, and the change it names); the clause's state between groups (the
cursor, the verb of an earlier value, the value a change starts from…) is a
:class:`ClauseState`. Years are left unset here: see :mod:`.paragraph`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...dates import read_baseline
from ...patterns import compile_patterns
from ...vocab import default_vocabulary
from ..quantity import Quantity, find_quantities
from .indicators import clean_indicator, split_indicator
from .rules import Group, read_kind, settle_change
from .verbs import count_verb, joined_by_count_verb, split_verb


@dataclass
class ReadTarget:
    """A target as read from a clause, before it gets an id and a path."""

    indicator: str
    quantity: Quantity
    comparator: str
    change: str
    baseline_year: int | None
    target_year: int | None
    kind: str = "target"
    extra: dict = field(default_factory=dict)


@dataclass
class ClauseState:
    """What the clause reader carries from one group of values to the next."""

    clause: str
    groups: list[list[Quantity]]
    share_items: dict[int, str]  # indicators of a run of shares before their nouns
    previous: ReadTarget | None  # the target an elliptical value borrows its indicator from
    year_context: bool
    topic: str  # a clause without numbers just before, naming an indicator
    cursor: int = 0  # where the next group's text before starts
    clause_verb: tuple | None = None  # (change, comparator) of an earlier value in this clause
    count_verb: str | None = None  # the verb of an earlier count before its noun
    carry: str = ""  # 由2020年的15%提高到20%: the indicator before the starting value…
    from_year: str | None = None  # …and its year
    out: list[ReadTarget] = field(default_factory=list)
    read: list[Group] = field(default_factory=list)  # the groups the rules settled


def in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` stands inside 《…》 or a short “…” (cited names).

    >>> in_quotes("执行《某标准2021》", 9), in_quotes("到2025年", 1)
    (True, False)
    """
    for open_, close, limit in (("《", "》", 200), ("“", "”", 12), ("〔", "〕", 8)):
        i = text.rfind(open_, max(0, pos - limit), pos)
        if i >= 0 and text.find(close, i, pos) < 0:
            j = text.find(close, pos)
            if j >= 0 and j - i <= limit:
                return True
    return False


def group_values(clause: str, quantities: list[Quantity], vocab=None) -> list[list[Quantity]]:
    """Quantities joined only by 、/和/或 form one list of values.

    >>> [[q.value for q in g] for g in group_values("达到20、30个", find_quantities("达到20、30个"))]
    [[20.0, 30.0]]
    """
    value_join = compile_patterns(vocab).targets.value_join
    groups: list[list[Quantity]] = []
    for q in quantities:
        if groups and value_join.fullmatch(clause[groups[-1][-1].end:q.start]):
            groups[-1].append(q)
            continue
        groups.append([q])
    # a unit written once at the end covers the list: 20个、10个百分点
    for g in groups:
        last = g[-1]
        for q in g[:-1]:
            if not q.unit or (last.unit.startswith(q.unit) and last.unit != q.unit):
                q.unit, q.scale, q.scale_word, q.bare = last.unit, last.scale, last.scale_word, last.bare
    return groups


def is_support_clause(clause: str, quantities: list[Quantity], vocab=None) -> bool:
    """A clause about support given or charged, whose numbers are not goals.

    The support word must precede the numbers, or the numbers be money: in
    建设8个社区节水改造示范并给予奖补 the count is still a goal.

    >>> is_support_clause("按每户不超过300元给予补助", find_quantities("按每户不超过300元给予补助"))
    True
    >>> is_support_clause("开展10个试点并给予奖补", find_quantities("开展10个试点并给予奖补"))
    False
    """
    words = default_vocabulary(vocab).quantities
    found = [clause.find(word) for word in words.not_target_clause if word in clause]
    if not found or not quantities:
        return bool(found)
    money = any(q.unit_base in words.money for q in quantities)
    return money or min(found) < quantities[0].start


def names_members(pre: str, vocab=None) -> bool:
    """True when the number after ``pre`` counts or ranks members (芜湖等6个市, 第1批).

    A count closing a list after a goal verb (完成A、B等8个项目建设) is the goal's.

    >>> names_members("芜湖、马鞍山等"), names_members("完成A工程、B专用线等"), names_members("第")
    (True, False, True)
    """
    vocab = default_vocabulary(vocab)
    words, scope = vocab.quantities, compile_patterns(vocab).targets.scope_prefix
    if not pre.endswith(words.not_quantity_before) or pre.endswith(vocab.time.time_words):
        return False
    if pre.endswith(words.etc_word):
        verbs = [v for v, _ in words.change_verbs if len(v) > 1 and v not in words.comparator_before]
        return not any(pre.startswith(v) or scope.sub("", pre).startswith(v) for v in verbs)
    return True


def part_verb(pre: str, previous: ReadTarget | None, vocab=None) -> tuple[str, str] | None:
    """A part named after 其中 takes the verb of the whole (推广15万辆，其中公交车3000辆)."""
    part_word = default_vocabulary(vocab).quantities.part_word
    if previous is None or previous.kind != "target" or not pre.lstrip().startswith(part_word):
        return None
    return previous.change, None


def comparator_after(post: str, last: Quantity, vocab=None) -> tuple[str | None, str]:
    """A comparator word after the quantity that the quantity grammar left (after a parenthetical)."""
    vocab = default_vocabulary(vocab)
    m = compile_patterns(vocab).targets.comparator_after.match(post)
    if m and last.comparator is None:
        return vocab.quantities.comparator_after[m.group(1)], post[m.end():]
    return None, post


def pair_values(g: Group, group: list[Quantity], vocab=None) -> list[tuple[str, Quantity]]:
    """Indicators matched to values: one each under 分别, all of them for a shared value."""
    if g.spread or compile_patterns(vocab).targets.list_join.search(g.indicator):
        indicators = split_indicator(g.indicator, len(group), g.spread, vocab)
    else:
        indicators = [g.indicator]
    if len(group) == 1:
        return [(ind, group[0]) for ind in indicators]
    if len(indicators) != len(group):
        return [(indicators[0], q) for q in group]
    return list(zip(indicators, group))


def comparator_of(g: Group, q: Quantity, group: list[Quantity]) -> str:
    """The comparator of one value: its own word, else the list's, else the verb's."""
    last = group[-1]
    # a bound written once after a list covers every value: 200户或500人以上的,
    # 分别在7%、2%以下, 分别降低6%、3%左右; where the writer marks values
    # one by one (分别下降8%、10%以上), an unmarked value is exact
    covers_list = g.kind == "threshold" or not any(x.comparator for x in group[:-1])
    list_comp = (last.comparator if last.upper is None else None) or g.post_comp
    shared = g.post_comp if q is last else (list_comp if covers_list else None)
    comp = q.comparator or shared or g.comparator or "="
    if g.comparator == "<=" and (q.comparator or shared) == "~":
        comp = "~"  # 控制在…左右
    return comp


def share_items(clause: str, groups: list[list[Quantity]], vocab=None) -> dict[int, str]:
    """Indicators of a run of shares before their nouns: 80%的市直单位和50%的乡镇单位达到….

    Each share names its item after 的; the last item carries the words all
    share (党政机关达到创建标准), cut at the length of the items before it.
    """
    vocab = default_vocabulary(vocab)
    words, join = vocab.quantities, compile_patterns(vocab).targets.trailing_join
    run = []
    for gi, g in enumerate(groups):
        if len(g) == 1 and g[0].unit in words.percent and clause[g[0].end:g[0].end + 1] == words.possessive:
            end = groups[gi + 1][0].start if gi + 1 < len(groups) else len(clause)
            run.append((gi, clause[g[0].end + 1:end]))
    if len(run) < 2:
        return {}
    items = [join.sub("", text) for _, text in run[:-1]]
    if any(not i or len(i) > 8 for i in items):
        return {}
    size = round(sum(map(len, items)) / len(items))
    last = run[-1][1]
    tail = last[size:]
    items.append(last[:size])
    return {gi: item + tail for (gi, _), item in zip(run, items)}


def _open_group(st: ClauseState, gi: int, group: list[Quantity], vocab) -> tuple[Group, str | None, int] | None:
    """The group with its text before and after, its verb split off and its
    kind; with the count verb and where the group's text after ends. None
    when the values are a starting value or name members."""
    clause, w, p = st.clause, vocab.quantities, compile_patterns(vocab).targets
    first, last = group[0], group[-1]
    pre, st.carry = st.carry + clause[st.cursor:first.start], ""
    if pre.count("（") > pre.count("）"):
        pre = pre[pre.rfind("（") + 1:]  # a goal inside a parenthesis: （绿电使用比例不低于40%）
    post_end = st.groups[gi + 1][0].start if gi + 1 < len(st.groups) else len(clause)
    m = p.start_value.search(pre)
    if m and len(group) == 1:
        st.carry, st.from_year, st.cursor = pre[: m.start()], m.group("y"), last.end
        return None  # the value a change starts from is no goal
    if names_members(pre, vocab) or (first.bare and not pre.strip()):
        return None  # 芜湖等6个市, 第1批: the number names members, not a goal
    post_comp, post = comparator_after(clause[last.end:post_end], last, vocab)
    g = Group(pre=pre, post=post, last=last, post_comp=post_comp, spread=w.spread_word in pre,
              is_share=last.unit in w.percent, follows_noun=bool(post) and bool(p.noun_start.match(post)))
    g.indicator, g.change, g.comparator = split_verb(pre, vocab)
    if joined_by_count_verb(pre, g.indicator, vocab) and not (st.year_context or last.comparator):
        return None  # 推动五个新城…: without a year or a bound the count names members
    verb = count_verb(pre, g.indicator, vocab)
    g.indicator = clean_indicator(g.indicator, vocab)
    g.kind = read_kind(g, vocab)
    if g.kind == "target":
        st.cursor = last.end  # a threshold stays in the next indicator: 30万以上的县城公共交通出行分担率
    return g, verb, post_end


def _attach_noun(st: ClauseState, g: Group, verb: str | None, post_end: int, vocab) -> None:
    """A count before its noun takes the noun: 创建50家节约型公共机构示范单位."""
    w, p = vocab.quantities, compile_patterns(vocab).targets
    if not (g.follows_noun and g.kind == "target" and not g.noun_read and not g.indicator.endswith(w.indicator_heads)):
        return
    noun = p.trailing_join.sub("", p.parenthetical.sub("", g.post))
    noun = p.next_predicate.split(noun, 1)[0]  # 开展20个试点并给予补助: the noun ends at 并
    st.count_verb = verb or (st.count_verb if not g.indicator else None)
    g.indicator = g.indicator + (st.count_verb or "") + noun.lstrip(w.possessive)
    st.cursor = post_end  # the noun is this count's: 10个…实验室和5个…中心


def _borrow_indicator(st: ClauseState, g: Group, first: Quantity, baseline: int | None, vocab
                      ) -> tuple[bool, int | None]:
    """An indicator borrowed from the previous target or the topic clause;
    (False, _) when the group has none to take."""
    w = vocab.quantities
    if g.indicator.startswith(w.share_of) and st.previous is not None and g.kind == "target":
        # 可再生能源装机达到3000万千瓦，占电力总装机的比重…: the share of the same subject
        g.indicator = st.previous.indicator + g.indicator
    if g.indicator and g.indicator not in w.hedges:
        return True, baseline
    if g.kind == "threshold" or (st.previous is None and not (st.topic and g.has_verb)):
        return False, baseline
    if st.previous is None:
        # 严控全市柴油消费总量，2025年控制在300万吨以内: the clause before names it
        st.previous = ReadTarget(st.topic, first, "=", g.change, None, None)
    g.indicator = st.previous.indicator
    if baseline is None and st.previous.change == g.change:
        baseline = st.previous.baseline_year
    return True, baseline


def _read_group(st: ClauseState, gi: int, group: list[Quantity], vocab) -> None:
    """Read one group of values into targets (appended to ``st.out``)."""
    opened = _open_group(st, gi, group, vocab)
    if opened is None:
        return
    g, verb, post_end = opened
    if gi in st.share_items:
        # 80%的市直单位和50%的乡镇单位达到节水型单位标准
        g.indicator, g.change, g.noun_read, g.change_rule = st.share_items[gi], "level", True, "share_items"
    elif not settle_change(g, vocab, st.clause_verb or part_verb(g.pre, st.previous, vocab), st.year_context):
        return
    st.read.append(g)
    if g.kind == "target":
        st.clause_verb = (g.change, g.comparator)
    _attach_noun(st, g, verb, post_end, vocab)
    baseline = read_baseline(g.pre, vocab) or (int(st.from_year) if st.from_year else None)  # 由2020年的…
    st.from_year = None
    ok, baseline = _borrow_indicator(st, g, group[0], baseline, vocab)
    if not ok:
        return
    time = vocab.time
    extra = {"per_year": any(p in g.pre for p in time.per_year),
             "year_on_year": any(p in g.pre for p in time.previous_year),  # 同比, 比上年
             "group": gi, "spread": g.spread}  # for a list of years (2025年和2030年…分别)
    for ind, q in pair_values(g, group, vocab):
        rt = ReadTarget(indicator=ind, quantity=q, comparator=comparator_of(g, q, group), change=g.change,
                        baseline_year=baseline, target_year=None, kind=g.kind, extra=dict(extra))
        st.out.append(rt)
        if g.kind == "target":
            st.previous = rt


def _read(clause: str, vocab, previous: ReadTarget | None, year_context: bool, topic: str) -> ClauseState:
    """Read every group of values of one clause, in order."""
    quantities = [q for q in find_quantities(clause, vocab) if not in_quotes(clause, q.start)]
    if is_support_clause(clause, quantities, vocab):
        quantities = []  # 给予每辆不超过3万元的奖励: a rate of support, not a goal
    groups = group_values(clause, quantities, vocab)
    st = ClauseState(clause=clause, groups=groups, previous=previous, year_context=year_context, topic=topic,
                     share_items=share_items(clause, groups, vocab) if year_context else {})
    for gi, group in enumerate(groups):
        _read_group(st, gi, group, vocab)
    return st


def read_clause(clause: str, vocab=None, previous: ReadTarget | None = None,
                year_context: bool = False, topic: str = "") -> list[ReadTarget]:
    """Targets (and thresholds) in one clause, years left unset. ``previous``
    is the target an elliptical clause (力争下降14.5%) borrows its indicator
    from; ``topic`` a clause without numbers just before, in the same sentence.

    >>> [(t.indicator, t.quantity.value, t.change, t.comparator)
    ...  for t in read_clause("全市单位地区生产总值能源消耗比2020年下降14%")]
    [('全市单位地区生产总值能源消耗', 14.0, 'decrease_by', '=')]
    >>> [(t.kind, t.quantity.value) for t in read_clause("各区县基本淘汰35蒸吨/小时以下燃煤锅炉")]
    [('threshold', 35.0)]
    """
    return _read(clause, default_vocabulary(vocab), previous, year_context, topic).out


def read_groups(clause: str, vocab=None, previous: ReadTarget | None = None,
                year_context: bool = True, topic: str = "") -> list[Group]:
    """The groups of one clause as the rules settled them (which rule held
    is in ``kind_rule`` and ``change_rule``).

    >>> [(g.kind_rule, g.change_rule) for g in read_groups("各区县基本淘汰35蒸吨/小时以下燃煤锅炉")]
    [('bound_after_noun', 'threshold')]
    """
    return _read(clause, default_vocabulary(vocab), previous, year_context, topic).read

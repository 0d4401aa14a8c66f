"""Quantities -> targets: the quantified goals a plan sets.

A target is read from one clause (the text between ``，；。：``) in three parts:
the *indicator* before the number (全市单位地区生产总值能源消耗), the *verb*
that joins them (比2020年下降, 力争达到, 不低于) and the *quantity*
(14%, 4.32万吨, 92%以上). The verb gives the change (下降 -> decrease_by,
降至 -> decrease_to, 达到 -> level) and, with the words around the number,
the comparator. A number that only bounds a noun (35蒸吨/小时以下燃煤锅炉,
1万吨以上的企业) is a threshold, not a target.

Years come from the paragraph: 到2025年 (or “十四五”期间) governs what follows
it to the end of its paragraph; a lead-in ending in ``：`` governs the list
below it; a one-year plan or a task's deadline dates what states no year.

All matching is on ``Source.norm``; evidence is sliced from ``Source.text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..data import alternation, load_yaml
from ..models import Document, Section, Source, Target, Task
from .dates import plan_year
from .quantity import Quantity, QuantityWords, find_quantities, load_quantity_words, scale_prefix

# ---------------------------------------------------------------------------
# Regex building blocks

# The words the regexes below are built from (data/quantity_words.yml).
_WORDS = load_yaml("quantity_words.yml")

# Clauses end at these marks (after folding: ，；：are full-width, 。stays).
CLAUSE_MARKS = "，；。：！？\n"

# A target year: 到2025年, 至2025年底, 2023年底前, 截至2022年. A bare 2022年 at
# the start of a clause (2022年，全省…) counts too; 比2020年 is a baseline,
# 2022年起 a start, and 2030年前实现 is read the same as 到2030年.
YEAR_MARKER = re.compile(
    rf"(?:(?:{alternation(_WORDS['year_lead_words'])})(?P<y1>(?:19|20)\d\d)年(?:底|末|年底)?(?:前|以前|之前)?(?![起度以])"
    r"|(?<![比较与0-9—\-~至到])(?P<y2>(?:19|20)\d\d)年(?:底|末)?(?:前|以前|之前)(?![起度])"
    r"|(?:^|(?<=[，；。：\n]))(?P<y3>(?:19|20)\d\d)年(?:底|末)?(?![起度以来至到—\-~0-9]))"
)

# A five-year plan named as a period: “十四五”期间, 十四五时期, “十四五”末.
PERIOD_MARKER = re.compile(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:期间|时期|末|内|以来)")

# A baseline: 比2020年, 较2020年底, 与2020年相比, 相比2020年, 在2020年基础上.
BASELINE = re.compile(rf"(?:{alternation(_WORDS['baseline_before'])})(?P<y>(?:19|20)\d\d)年(?:底|末)?"
                      rf"(?:{alternation(_WORDS['baseline_after'])})?")
# …and one standing right before the verb: 比2020年|下降
BASELINE_AT_END = re.compile(BASELINE.pattern + "$")

# Years or periods a 分别 list spreads over: 2025年和2030年，…分别提升至15%、20%;
# “十五五”、“十六五”期间各建成…600万千瓦 (one value for each period).
YEAR_LIST = re.compile(r"((?:19|20)\d\d)年(?:底|末)?(?:和|、|及|与)((?:19|20)\d\d)年(?:底|末)?(?![起以])")
PERIOD_LIST = re.compile(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:、|和|及|与)[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:期间|时期)")

# A five-year plan named in a list of periods: “十五五”、“十六五”期间.
PLAN_NAME = re.compile(r"[“\"]?十[一二三四五六七八九]五[”\"]?(?:、|和|至)?")

# A parenthetical inside an indicator: （含网约车）, （PUE）, （当量值）.
PARENTHETICAL = re.compile(r"（[^（）]{0,30}）")

# Joins between the items of an indicator list: 城市、县城…; 乘用车和商用车…
ITEM_SPLIT = re.compile(r"、")
ITEM_SPLIT_WIDE = re.compile(r"、|和|及|与")

# Words before an indicator that belong to the sentence, not the indicator.
LEADING_NOISE = re.compile(rf"^(?:{alternation(_WORDS['leading_noise'])}|\s)+")

# The jurisdiction a goal is set for, before its verb: 全省设立碳普惠服务站12家, 本市新增….
SCOPE_PREFIX = re.compile(rf"^(?:{alternation(_WORDS['scope_words'])})(?:{alternation(_WORDS['scope_levels'])})")
SCOPE_ONLY = re.compile(SCOPE_PREFIX.pattern + "$")

# A share of something named after its verb: 清洁能源车辆销量达到全部车辆销量的35%.
SHARE_OF = re.compile(r"^(?P<subject>.+?)(?:(?:达到|为)(?P<whole>[^，]+)的|占(?P<part>[^，]+?)的?)$")

# A dash or dot list item under a lead paragraph: ——用水效率持续提高。…
BULLET = re.compile(r"^\s*(?:——|—|●|■|◆|▲|·)")

# The value a change starts from: 由2020年的15%提高到20%, 从10%提高到.
START_VALUE = re.compile(r"(?:由|从)(?:(?P<y>(?:19|20)\d\d)年(?:底|末)?)?的?$")

# A second predicate joined after a counted noun: 建成10个示范点并推广….
NEXT_PREDICATE = re.compile(r"(?<![合兼])并(?:且)?")

# A clause short enough to name an indicator for the next (控制全省煤炭消费总量，).
TOPIC_LENGTH = 16

# A word (or a quoted name) right after a number: the number stands before a noun.
CJK = re.compile(r"[\u4e00-\u9fff“]")


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


# ---------------------------------------------------------------------------
# Small pure functions


def read_target_year(text: str) -> int | None:
    """The year a marker sets, or None.

    >>> read_target_year("到2025年"), read_target_year("2023年底前"), read_target_year("比2020年")
    (2025, 2023, None)
    """
    m = YEAR_MARKER.search(text)
    if not m:
        return None
    return int(m.group("y1") or m.group("y2") or m.group("y3"))


def read_period(text: str, words: QuantityWords | None = None) -> tuple[int, int] | None:
    """(baseline, target) years of a five-year plan period named in ``text``.

    >>> read_period("“十四五”期间，规上工业单位增加值能耗下降14.5%")
    (2020, 2025)
    """
    w = words or load_quantity_words()
    found = None
    for m in PERIOD_MARKER.finditer(text):
        if m.group(1) in w.five_year_plans:
            found = w.five_year_plans[m.group(1)]
    return tuple(found) if found else None


def read_time_list(text: str, words: QuantityWords | None = None) -> list[tuple[int | None, int]]:
    """(baseline, target) years of a list of years or periods, in order.

    >>> read_time_list("2025年和2030年"), read_time_list("“十五五”、“十六五”期间各建成")
    ([(None, 2025), (None, 2030)], [(2025, 2030), (2030, 2035)])
    """
    w = words or load_quantity_words()
    m = YEAR_LIST.search(text)
    if m:
        return [(None, int(m.group(1))), (None, int(m.group(2)))]
    m = PERIOD_LIST.search(text)
    if m and all(p in w.five_year_plans for p in m.groups()):
        return [tuple(w.five_year_plans[p]) for p in m.groups()]
    return []


def read_baseline(text: str) -> int | None:
    """The baseline year of a change.

    >>> read_baseline("全市单位地区生产总值能源消耗比2020年下降"), read_baseline("到2025年")
    (2020, None)
    """
    m = BASELINE.search(text)
    return int(m.group("y")) if m else None


def _strip_end(text: str, words) -> tuple[str, str | None]:
    for w in words:
        if w and text.endswith(w):
            return text[: -len(w)], w
    return text, None


def _strip_start(text: str, words) -> tuple[str, str | None]:
    for w in words:
        if w and text.startswith(w):
            return text[len(w):], w
    return text, None


def split_verb(pre: str, words: QuantityWords | None = None) -> tuple[str, str | None, str | None]:
    """Split the text before a number into (indicator, change, comparator).

    The verb nearest the number decides the change; a comparator word
    (不低于, 超过) stands there too; hedges (力争, 分别, 累计) and a baseline
    (比2020年) between them are dropped.

    >>> split_verb("全市单位地区生产总值能源消耗比2020年下降")
    ('全市单位地区生产总值能源消耗', 'decrease_by', None)
    >>> split_verb("新增纯电动汽车不少于")
    ('新增纯电动汽车', None, '>=')
    >>> split_verb("煤炭消费占能源消费总量比重下降至")
    ('煤炭消费占能源消费总量比重', 'decrease_to', None)
    >>> split_verb("可再生能源占电力消费总量比重力争达到")
    ('可再生能源占电力消费总量比重', 'level', None)
    """
    w = words or load_quantity_words()
    change = comparator = None
    text = pre
    verbs = [v for v, _ in w.change_verbs]
    changes = dict(w.change_verbs)
    for _ in range(6):
        before = text
        text = BASELINE_AT_END.sub("", text)
        if comparator is None and change is None:
            text, word = _strip_end(text, sorted(w.comparator_before, key=len, reverse=True))
            if word:
                comparator = w.comparator_before[word]
                continue
        if change is None:
            text, word = _strip_end(text, verbs)
            if word:
                change = changes[word]
                if word in w.ceiling_verbs and comparator is None:
                    comparator = "<="
                continue
        text, word = _strip_end(text, w.hedges)
        if word:
            continue
        if text == before:
            break
    return _goal_of_change(text, change, comparator, w)


def _goal_of_change(text: str, change: str | None, comparator: str | None, words: QuantityWords
                    ) -> tuple[str, str | None, str | None]:
    """A change named as a goal (能耗强度降低目标为14.5%) is that change.

    >>> _goal_of_change("能耗强度降低目标", "level", None, load_quantity_words())
    ('能耗强度', 'decrease_by', None)
    """
    rest, noun = _strip_end(text, words.goal_nouns)
    if noun and change in (None, "level"):
        for verb, verb_change in words.change_verbs:
            if rest.endswith(verb) and verb_change.endswith("_by"):
                return rest[: -len(verb)], verb_change, comparator
    return text, change, comparator


def leading_verb(indicator: str, words: QuantityWords | None = None) -> tuple[str, str] | None:
    """The verb an indicator starts with and the change it names (新增纯电动汽车).

    A verb joined to another (新增和改造, 新增及更新) names no single change:
    the count is a level.

    >>> leading_verb("新增纯电动汽车"), leading_verb("新增和改造污水收集管网"), leading_verb("绿色园区")
    (('新增', 'increase_by'), ('新增', 'level'), None)
    """
    w = words or load_quantity_words()
    indicator = SCOPE_PREFIX.sub("", indicator)
    indicator, _ = _strip_start(indicator, [h for h in w.hedges if len(h) > 1])  # 全市累计净增…
    for verb, change in w.change_verbs + tuple((v, "level") for v in w.leading_verbs):
        if indicator.startswith(verb) and len(indicator) > len(verb):
            if indicator[len(verb)] in "和及或与、":
                return verb, "level"
            return verb, change
    return None


def clean_indicator(text: str, words: QuantityWords | None = None) -> str:
    """The indicator without time words, baselines, hedges and sentence glue.

    >>> clean_indicator("力争规上工业企业用水重复利用率")
    '规上工业企业用水重复利用率'
    """
    w = words or load_quantity_words()
    text = YEAR_MARKER.sub("", text)
    text = PERIOD_MARKER.sub("", text)
    text = PLAN_NAME.sub("", text)
    text = BASELINE.sub("", text)
    for _ in range(4):
        text = LEADING_NOISE.sub("", text)
        text, _ = _strip_start(text, w.time_words)  # 年底前, 全年: the clause's time, not the indicator's
        # one-character hedges (可, 再, 需) also begin words (可再生能源, 需求侧)
        text, word = _strip_start(text, [h for h in w.hedges if len(h) > 1])
        if not word:
            break
    for _ in range(4):
        text, word = _strip_end(text, w.hedges + ("分别",))
        if not word:
            break
    return text.strip(" 、，")


def shared_tail(item: str, words: QuantityWords | None = None) -> str:
    """The longest end of ``item`` made of measure words, leaving a head.

    Object nouns (污水, 光伏) are not taken here; see _take_objects.

    >>> shared_tail("统防统治覆盖率"), shared_tail("西区生活污水集中处理率"), shared_tail("废弃塑料综合利用率")
    ('覆盖率', '集中处理率', '综合利用率')
    """
    w = words or load_quantity_words()
    return _tail_of(item, set(w.indicator_words))


def _tail_of(item: str, vocab: set[str], limit: int = 0) -> str:
    """The longest end of ``item`` made of words of ``vocab``, leaving at least ``limit`` + 1 characters."""
    n = len(item)
    ok = [False] * (n + 1)
    ok[n] = True
    for i in range(n - 1, -1, -1):
        ok[i] = any(ok[j] and item[i:j] in vocab for j in range(i + 1, min(n, i + 10) + 1))
    for i in range(max(1, limit), n):
        if ok[i]:
            return item[i:]
    return ""


def _own_length(item: str) -> int:
    return len(SCOPE_PREFIX.sub("", item))


def _take_objects(items: list[str], tail: str, words: QuantityWords) -> str:
    """Widen ``tail`` by object nouns before it (污水, 光伏), as far as the last
    item keeps an own part at least half as long as the earlier items: an
    object noun that completes a short item (垃圾 of 建筑垃圾 after a long
    废旧动力电池) stays with it.

    >>> w = load_quantity_words()
    >>> _take_objects(["东区", "西区生活污水集中处理率"], "集中处理率", w)
    '生活污水集中处理率'
    >>> _take_objects(["废旧动力电池", "建筑垃圾综合利用率"], "综合利用率", w)
    '综合利用率'
    >>> _take_objects(["新建学校建筑", "新建物流仓库屋顶光伏覆盖率"], "覆盖率", w)
    '屋顶光伏覆盖率'
    """
    last = items[-1]
    if not tail or not last.endswith(tail) or len(items) < 2:
        return tail
    vocab = set(words.indicator_words) | set(words.tail_objects)
    goal = sum(_own_length(i) for i in items[:-1]) / (len(items) - 1)
    n = len(last)
    ok = [False] * (n + 1)
    ok[n] = True
    for i in range(n - 1, -1, -1):
        ok[i] = any(ok[j] and last[i:j] in vocab for j in range(i + 1, min(n, i + 10) + 1))
    for i in range(1, n - len(tail)):
        if ok[i] and 2 * _own_length(last[:i]) >= goal:
            return last[i:]
    return tail


def split_indicator(indicator: str, n_values: int, spread: bool, words: QuantityWords | None = None) -> list[str]:
    """The indicators of a list: one per item, each with the shared tail.

    With 分别 (``spread``) the items match the values; otherwise a list of
    parallel items shares one value (主要农作物农药、化肥利用率达到43%).

    >>> split_indicator("绿色防控、统防统治覆盖率", 2, True)
    ['绿色防控覆盖率', '统防统治覆盖率']
    >>> split_indicator("主要农作物农药、化肥利用率", 1, False)
    ['主要农作物农药利用率', '主要农作物化肥利用率']
    >>> split_indicator("总磷、总氮等水体污染物累计削减量", 2, True)
    ['总磷水体污染物累计削减量', '总氮水体污染物累计削减量']
    >>> split_indicator("全市各级党政机关、事业单位新增的公务用车纯电动汽车占比", 1, False)
    ['全市各级党政机关、事业单位新增的公务用车纯电动汽车占比']
    """
    w = words or load_quantity_words()
    plain = PARENTHETICAL.sub("", indicator)
    tail_after_etc = None
    m = re.search(r"等(?:[0-9一二三四五六七八九十]+[项个类种])?", plain)
    if m and "、" in plain[: m.start()]:
        tail_after_etc = plain[m.end():]
        plain = plain[: m.start()]
    items = [i for i in ITEM_SPLIT.split(plain) if i]
    if spread and len(items) < n_values:
        items = [i for i in ITEM_SPLIT_WIDE.split(plain) if i]
    elif not spread and len(items) >= 2:
        items = items[:-1] + _split_last_item(items[-1], w)
    elif len(items) < 2:
        # 污水收集率和污泥处置率: whole indicators joined by 和
        wide = [i for i in ITEM_SPLIT_WIDE.split(plain) if i]
        if len(wide) > 1 and all(i.endswith(w.indicator_heads) for i in wide):
            return wide
    if len(items) < 2 or (spread and len(items) != n_values):
        return [indicator]
    if tail_after_etc is not None:
        # 废纸、废塑料…等6种回收物料再利用量达到1.2亿吨 is one total
        return [i + tail_after_etc for i in items] if spread else [indicator]
    if any("的" in i for i in items):
        return [indicator]
    if all(i.endswith(w.indicator_heads) for i in items[:-1]):
        return items
    tail = _take_objects(items, shared_tail(items[-1], w), w)
    items = _share_head(items, tail)
    tail = _widen_tail(items, tail, w)
    if not tail or (not spread and "总" in tail):
        return [indicator] if not spread else items
    return [_join_tail(i, tail) for i in items[:-1]] + [items[-1]]


def _widen_tail(items: list[str], tail: str, words: QuantityWords | None = None) -> str:
    """Widen a tail of indicator words by a short word the vocabulary lacks.

    Short parallel items are as long as each other: in 城镇、农村自来水普及率
    the last item's own part is as long as 城镇, so the tail is 自来水普及率.
    Only a word of two to four characters is added, so a long modifier list
    (低温、短流程印染…比例) is not cut inside a word, unless what follows the
    last item's own part starts with a scope word (钢材、玻璃行业单位产品电耗).

    >>> _widen_tail(["全省城镇", "农村自来水普及率"], "普及率")
    '自来水普及率'
    >>> _widen_tail(["钢材", "玻璃行业单位产品电耗"], "电耗")
    '行业单位产品电耗'
    """
    w = words or load_quantity_words()
    own = len(SCOPE_PREFIX.sub("", items[0]))
    if own > 3 or any(len(i) != own for i in items[1:-1]):
        return tail  # only short, equal items (城镇、农村) show where the last one ends
    wider = items[-1][own:]
    if tail and wider.endswith(tail) and len(tail) + 2 <= len(wider) <= len(tail) + 4:
        return wider
    if wider.startswith(w.tail_scope_words) and (not tail or wider.endswith(tail)) and len(wider) < len(items[-1]):
        return wider
    return tail


def _join_tail(item: str, tail: str) -> str:
    """An item with the shared tail, without doubling a word they share (光伏发电 + 发电装机容量).

    >>> _join_tail("光伏发电", "发电装机容量"), _join_tail("城市", "生活污水处理率")
    ('光伏发电装机容量', '城市生活污水处理率')
    """
    for k in range(min(len(item), len(tail)) - 1, 1, -1):
        if item.endswith(tail[:k]):
            return item + tail[k:]
    return item + tail


def _split_last_item(item: str, words: QuantityWords) -> list[str]:
    """The last item of a 、 list may join one more with 和/及/与 before the tail.

    >>> _split_last_item("畜禽饲养和果蔬采摘机械化率", load_quantity_words())
    ['畜禽饲养', '果蔬采摘机械化率']
    """
    tail = shared_tail(item, words)
    own = item[: len(item) - len(tail)]
    if not tail or not own:
        return [item]
    parts = [p for p in ITEM_SPLIT_WIDE.split(own) if p]
    return parts[:-1] + [parts[-1] + tail] if parts else [item]


def _share_head(items: list[str], tail: str) -> list[str]:
    """Give later items the head the first one carries (全区小麦播种、收割 -> 全区小麦收割).

    When the first item is longer than the later items sharing the tail, and
    its last word is as long as each of them (at most two characters), the
    later items take the first item's leftover head. A head shorter than
    three characters (中心|城区), only a scope (全省) or cut inside a word
    (化学|需氧量) is not shared.

    >>> _share_head(["全区小麦播种", "收割机械化率"], "机械化率")
    ['全区小麦播种', '全区小麦收割机械化率']
    >>> _share_head(["化学需氧量", "氨氮减排量"], "减排量")
    ['化学需氧量', '氨氮减排量']
    >>> _share_head(["中心城区", "县城污水集中收集率"], "污水集中收集率")
    ['中心城区', '县城污水集中收集率']
    """
    from ..nlp import segment

    first = items[0]
    owns = [i[: len(i) - len(tail)] if tail and i.endswith(tail) else i for i in items[1:]]
    k = len(owns[0])
    if not 1 <= k <= 2 or any(len(o) != k for o in owns) or len(first) < k + 2:
        return items
    parts = segment(first)
    if len(parts) < 2 or len(parts[-1]) != k:
        return items
    head = first[:-k]
    if len(head) < 3 or SCOPE_ONLY.match(head):
        return items
    return [first] + [i if i.startswith(head) else head + i for i in items[1:]]


# ---------------------------------------------------------------------------
# Reading clauses


def _in_quotes(text: str, pos: int) -> bool:
    """True when ``pos`` stands inside 《…》 or a short “…” (cited names)."""
    for open_, close, limit in (("《", "》", 200), ("“", "”", 12), ("〔", "〕", 8)):
        i = text.rfind(open_, max(0, pos - limit), pos)
        if i >= 0 and text.find(close, i, pos) < 0:
            j = text.find(close, pos)
            if j >= 0 and j - i <= limit:
                return True
    return False


def _group_values(clause: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Quantities joined only by 、/和/或 form one list of values."""
    groups: list[list[Quantity]] = []
    for q in quantities:
        if groups:
            between = clause[groups[-1][-1].end:q.start]
            if re.fullmatch(r"\s*(?:、|和|及|与|或)\s*", between):
                groups[-1].append(q)
                continue
        groups.append([q])
    # a unit written once at the end covers the list: 20个、10个百分点
    for g in groups:
        last = g[-1]
        for q in g[:-1]:
            if not q.unit or (last.unit.startswith(q.unit) and last.unit != q.unit):
                q.unit, q.scale, q.bare = last.unit, last.scale, last.bare
    return groups


def read_clause(clause: str, words: QuantityWords | None = None, previous: ReadTarget | None = None,
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
    w = words or load_quantity_words()
    quantities = [q for q in find_quantities(clause, w) if not _in_quotes(clause, q.start)]
    if _is_support_clause(clause, quantities, w):
        return []  # 给予每辆不超过3万元的奖励: a rate of support, not a goal
    groups = _group_values(clause, quantities)
    share_items = _share_items(clause, groups) if year_context else {}
    out: list[ReadTarget] = []
    cursor = 0
    clause_verb = None  # (change, comparator) of an earlier value in this clause
    count_verb = None  # the verb of an earlier count before its noun
    carry, from_year = "", None  # 由2020年的15%提高到20%: the indicator before the starting value, its year
    for gi, group in enumerate(groups):
        first, last = group[0], group[-1]
        pre, carry = carry + clause[cursor:first.start], ""
        if pre.count("（") > pre.count("）"):
            pre = pre[pre.rfind("（") + 1:]  # a goal inside a parenthesis: （绿电使用比例不低于40%）
        post_end = groups[gi + 1][0].start if gi + 1 < len(groups) else len(clause)
        post = clause[last.end:post_end]
        m = START_VALUE.search(pre)
        if m and len(group) == 1:
            carry, from_year, cursor = pre[: m.start()], m.group("y"), last.end
            continue  # the value a change starts from is no goal
        if _names_members(pre, w) or (first.bare and not pre.strip()):
            continue  # 芜湖等6个市, 第1批: the number names members, not a goal
        post_comp, post = _comparator_after(post, last, w)
        g = _Group(pre=pre, post=post, last=last, post_comp=post_comp, spread="分别" in pre)
        g.indicator, g.change, g.comparator = split_verb(pre, w)
        verb = _count_verb(pre, g.indicator, w)
        g.indicator = clean_indicator(g.indicator, w)
        g.kind = _kind(g, w)
        if g.kind == "target":
            cursor = last.end  # a threshold stays in the next indicator: 30万以上的县城公共交通出行分担率
        if gi in share_items:
            # 80%的市直单位和50%的乡镇单位达到节水型单位标准
            g.indicator, g.change, g.noun_read = share_items[gi], "level", True
        elif not _read_change(g, w, clause_verb or _part_verb(pre, previous), year_context):
            continue
        if g.kind == "target":
            clause_verb = (g.change, g.comparator)
        if g.follows_noun and g.kind == "target" and not g.noun_read and not g.indicator.endswith(w.indicator_heads):
            # a count before its noun: 创建50家节约型公共机构示范单位
            noun = re.sub(r"(?:、|和|及|与|或)$", "", PARENTHETICAL.sub("", post))
            noun = NEXT_PREDICATE.split(noun, 1)[0]  # 开展20个试点并给予补助: the noun ends at 并
            count_verb = verb or (count_verb if not g.indicator else None)
            g.indicator = g.indicator + (count_verb or "") + noun.lstrip("的")
            cursor = post_end  # the noun is this count's: 10个…实验室和5个…中心
        baseline = read_baseline(pre) or (int(from_year) if from_year else None)  # 由2020年的…: from 2020
        from_year = None
        if g.indicator.startswith("占") and previous is not None and g.kind == "target":
            # 可再生能源装机达到3000万千瓦，占电力总装机的比重…: the share of the same subject
            g.indicator = previous.indicator + g.indicator
        if not g.indicator or g.indicator in w.hedges:
            if g.kind == "threshold" or (previous is None and not (topic and g.has_verb)):
                continue
            if previous is None:
                # 严控全市柴油消费总量，2025年控制在300万吨以内: the clause before names it
                previous = ReadTarget(topic, first, "=", g.change, None, None)
            g.indicator = previous.indicator
            if baseline is None and previous.change == g.change:
                baseline = previous.baseline_year
        extra = {"per_year": any(p in pre for p in w.per_year),
                 "year_on_year": any(p in pre for p in w.previous_year),  # 同比, 比上年
                 "group": gi, "spread": g.spread}  # for a list of years (2025年和2030年…分别)
        for ind, q in _pair_values(g, group, w):
            rt = ReadTarget(indicator=ind, quantity=q, comparator=_comparator(g, q, group), change=g.change,
                            baseline_year=baseline, target_year=None, kind=g.kind, extra=dict(extra))
            out.append(rt)
            if g.kind == "target":
                previous = rt
    return out


def _is_support_clause(clause: str, quantities: list[Quantity], words: QuantityWords) -> bool:
    """A clause about support given or charged, whose numbers are not goals.

    The support word must precede the numbers, or the numbers be money: in
    建设8个社区节水改造示范并给予奖补 the count is still a goal.

    >>> w = load_quantity_words()
    >>> _is_support_clause("按每户不超过300元给予补助", find_quantities("按每户不超过300元给予补助"), w)
    True
    >>> _is_support_clause("开展10个试点并给予奖补", find_quantities("开展10个试点并给予奖补"), w)
    False
    """
    found = [clause.find(word) for word in words.not_target_clause if word in clause]
    if not found or not quantities:
        return bool(found)
    money = any(q.unit_base in words.money for q in quantities)
    return money or min(found) < quantities[0].start


def _names_members(pre: str, words: QuantityWords) -> bool:
    """True when the number after ``pre`` counts or ranks members (芜湖等6个市, 第1批).

    A count closing a list after a goal verb (完成A、B等8个项目建设) is the goal's.

    >>> w = load_quantity_words()
    >>> _names_members("芜湖、马鞍山等", w), _names_members("完成A工程、B专用线等", w), _names_members("第", w)
    (True, False, True)
    """
    if not pre.endswith(words.not_quantity_before) or pre.endswith(words.time_words):
        return False
    if pre.endswith("等"):
        verbs = [v for v, _ in words.change_verbs if len(v) > 1 and v not in words.comparator_before]
        return not any(pre.startswith(v) or SCOPE_PREFIX.sub("", pre).startswith(v) for v in verbs)
    return True


def _part_verb(pre: str, previous: ReadTarget | None) -> tuple[str, str] | None:
    """A part named after 其中 takes the verb of the whole (推广15万辆，其中公交车3000辆)."""
    if previous is None or previous.kind != "target" or not pre.lstrip().startswith("其中"):
        return None
    return previous.change, None


@dataclass
class _Group:
    """What read_clause knows about one list of values while it reads it."""

    pre: str
    post: str
    last: Quantity
    post_comp: str | None
    spread: bool
    indicator: str = ""
    change: str | None = None
    comparator: str | None = None
    kind: str = "target"
    noun_read: bool = False

    @property
    def has_verb(self) -> bool:
        return self.change is not None or self.comparator is not None

    @property
    def follows_noun(self) -> bool:
        return bool(self.post) and bool(CJK.match(self.post))

    @property
    def is_share(self) -> bool:
        return self.last.unit in load_quantity_words().percent


@lru_cache(maxsize=None)
def _comparator_after_pattern(words: QuantityWords) -> re.Pattern:
    # a parenthetical may stand between number and word: 5000吨标准煤（当量值）及以上
    return re.compile(r"^(?:（[^（）]{0,12}）)?(" + "|".join(
        map(re.escape, sorted(words.comparator_after, key=len, reverse=True))) + ")")


def _comparator_after(post: str, last: Quantity, words: QuantityWords) -> tuple[str | None, str]:
    """A comparator word after the quantity that the quantity grammar left (after a parenthetical)."""
    m = _comparator_after_pattern(words).match(post)
    if m and last.comparator is None:
        return words.comparator_after[m.group(1)], post[m.end():]
    return None, post


def _kind(g: _Group, words: QuantityWords) -> str:
    """Threshold when the number bounds a noun, else target.

    35蒸吨/小时以下燃煤锅炉, 1万吨以上的企业, 低于100mg/L的污水厂 bound a noun;
    a share before its noun (60%以上集装箱泊位具备…) and a count before it
    (30家以上专精特新企业) are goals, unless the share bounds a rate
    (节能率20%以上的改造项目).
    """
    last = g.last
    last_comp = last.comparator or g.post_comp
    bounded_after = last_comp in (">=", "<=", ">", "<") and not (last.comparator and last.upper)
    bounded_before = g.comparator in (">", "<", ">=", "<=") and g.post.startswith("的")
    share = g.is_share and not g.indicator.endswith(words.indicator_heads)
    counter = last.unit[len(scale_prefix(last.unit, words)):] in words.counters
    # a count is a goal before its noun (30家以上专精特新企业), and after a goal
    # verb even with 的 (培育30家以上的龙头企业); 200户以上的村 bounds a noun
    counted = counter and (not g.post.startswith("的") or g.change is not None)
    if g.follows_noun and bounded_after and not share and not counted:
        return "threshold"
    if g.follows_noun and bounded_before and g.change is None:
        return "threshold"
    return "target"


def _read_change(g: _Group, words: QuantityWords, clause_verb, year_context: bool) -> bool:
    """Settle the change of a group; False when the number sets no goal.

    With a verb before the number the verb decides (a leading 新增 may
    sharpen a bare comparator into increase_by). Without one, the forms that
    still set a goal are tried in turn.
    """
    w = words
    lead = leading_verb(g.indicator, w)
    if lead and g.indicator.endswith(w.ratio_heads):
        lead = (lead[0], "level")  # 新增…车辆中清洁能源车比例: the verb picks what is counted
    if g.has_verb:
        if g.change is None and lead and lead[1] in ("increase_by", "decrease_by"):
            g.change = lead[1]  # 新增纯电动汽车不少于10万辆
        g.change = g.change or "level"
        return True
    share_of = SHARE_OF.match(g.indicator)
    mid = _verb_inside(g.indicator, w) if year_context else None
    if share_of and g.is_share and not g.indicator.endswith(w.indicator_heads):
        # 销售量达到…总量的20%, 新建超低能耗建筑占新建公共建筑20%: the share of the whole
        whole = share_of.group("whole") or share_of.group("part")
        g.indicator, g.change = share_of.group("subject") + "占" + whole + "的比例", "level"
    elif lead:
        g.change = lead[1]  # 新增可再生能源建筑应用面积500万平方米
    elif year_context and g.is_share and g.post.startswith("的") and (not g.indicator or SCOPE_ONLY.match(g.indicator)):
        # 80%以上的县级…, 全市60%以上的规上工业企业完成…: the share names its noun
        g.indicator = g.indicator + clean_indicator(g.post[1:], w)
        g.change, g.noun_read = "level", True
    elif clause_verb and not g.indicator.endswith("的") and g.kind == "target":
        g.change, g.comparator = clause_verb  # 建成绿色园区30个、绿色工厂300家
    elif g.indicator.endswith(w.indicator_heads) and not g.follows_noun:
        g.change = "level"  # 城市生活垃圾焚烧处理能力占比65%左右
    elif year_context and g.is_share and not g.follows_noun and g.indicator and (g.last.comparator or g.post_comp):
        g.change = "level"  # 余热回收装置覆盖面90%以上: a bounded share closing its clause
    elif year_context and g.is_share and g.follows_noun and not g.post.startswith("的"):
        # 城镇新建建筑100%执行绿色建筑标准
        g.indicator, g.change, g.noun_read = g.indicator + clean_indicator(g.post, w), "level", True
    elif mid and not g.follows_noun:
        g.change = mid[1]  # 沿海重点城市完成压减钢铁产能60万吨, 城镇新增就业1100万人: the subject stays
    elif g.kind == "threshold":
        g.change = "level"
    else:
        return False
    return True


def _pair_values(g: _Group, group: list[Quantity], words: QuantityWords) -> list[tuple[str, Quantity]]:
    """Indicators matched to values: one each under 分别, all of them for a shared value."""
    if g.spread or re.search("[、和及与]", g.indicator):
        indicators = split_indicator(g.indicator, len(group), g.spread, words)
    else:
        indicators = [g.indicator]
    if len(group) == 1:
        return [(ind, group[0]) for ind in indicators]
    if len(indicators) != len(group):
        return [(indicators[0], q) for q in group]
    return list(zip(indicators, group))


def _comparator(g: _Group, q: Quantity, group: list[Quantity]) -> str:
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


def _count_verb(pre: str, indicator: str, words: QuantityWords) -> str | None:
    """The verb of a count before its noun (创建50家…): kept in the indicator."""
    rest = pre[len(indicator):] if pre.startswith(indicator) else ""
    rest, _ = _strip_end(rest, sorted(words.comparator_before, key=len, reverse=True))  # 建设约80万千瓦
    for verb, change in words.change_verbs:
        if rest.endswith(verb) and verb not in words.comparator_before and len(verb) > 1 \
                and verb not in ("达到", "实现", "累计", "为"):
            return verb
    return None


def _verb_inside(indicator: str, words: QuantityWords) -> tuple[int, str] | None:
    """The first goal verb inside an indicator (沿海重点城市完成压减钢铁产能): position, change."""
    best = None
    for verb, change in words.change_verbs + tuple((v, "level") for v in words.leading_verbs):
        if len(verb) < 2 or verb in words.comparator_before:
            continue
        i = indicator.find(verb)
        if 0 < i and i + len(verb) < len(indicator) and (best is None or i < best[0]):
            best = (i, change)
    return best


def _share_items(clause: str, groups: list[list[Quantity]]) -> dict[int, str]:
    """Indicators of a run of shares before their nouns: 80%的市直单位和50%的乡镇单位达到….

    Each share names its item after 的; the last item carries the words all
    share (党政机关达到创建标准), cut at the length of the items before it.
    """
    run = []
    for gi, g in enumerate(groups):
        if len(g) == 1 and g[0].unit in load_quantity_words().percent and clause[g[0].end:g[0].end + 1] == "的":
            end = groups[gi + 1][0].start if gi + 1 < len(groups) else len(clause)
            run.append((gi, clause[g[0].end + 1:end]))
    if len(run) < 2:
        return {}
    items = [re.sub(r"(?:、|和|及|与|或)$", "", text) for _, text in run[:-1]]
    if any(not i or len(i) > 8 for i in items):
        return {}
    size = round(sum(map(len, items)) / len(items))
    last = run[-1][1]
    tail = last[size:]
    items.append(last[:size])
    return {gi: item + tail for (gi, _), item in zip(run, items)}


# ---------------------------------------------------------------------------
# Paragraphs and sections


def _clauses(text: str, start: int) -> list[tuple[int, int]]:
    spans, s = [], start
    for i, ch in enumerate(text):
        if ch in CLAUSE_MARKS:
            if i > s:
                spans.append((s, i))
            s = i + 1
    if s < len(text):
        spans.append((s, len(text)))
    return spans


def _plan_year(document: Document, source: Source) -> int | None:
    """The year of a one-year plan (某市节水型社会2023年行动计划)."""
    title = document.title or source.norm[:200].split("\n", 1)[0]
    return plan_year(title)


def _issue_year(document: Document) -> int | None:
    """The year the plan was issued (成文日期, else the year of its 发文字号).

    >>> _issue_year(Document(issued_date="2022-09-18")), _issue_year(Document(doc_number="渝府发〔2022〕39号"))
    (2022, 2022)
    """
    m = re.match(r"((?:19|20)\d\d)", document.issued_date or "") or \
        re.search(r"〔((?:19|20)\d\d)〕", document.doc_number or "")
    return int(m.group(1)) if m else None


def _deadline_year(task: Task | None) -> int | None:
    if task and task.deadline:
        m = re.match(r"((?:19|20)\d\d)", str(task.deadline))
        if m:
            return int(m.group(1))
    return None


def read_paragraph(text: str, offset: int, default_year: int | None, words: QuantityWords | None = None
                   ) -> list[tuple[ReadTarget, int, int]]:
    """Targets of one paragraph with the clause span of each (absolute offsets).

    >>> [(t.indicator, t.target_year, t.baseline_year) for t, _, _ in
    ...  read_paragraph("“十四五”期间，规上工业单位增加值能耗下降14.5%。", 0, None)]
    [('规上工业单位增加值能耗', 2025, 2020)]
    """
    w = words or load_quantity_words()
    year, period_base = default_year, None
    before_period: tuple[int | None] | None = None  # the year a period marker displaced
    previous, topic = None, ""
    times: list[tuple[int | None, int]] = []  # 2025年和2030年: the years a 分别 list spreads over
    out = []
    for s, e in _clauses(text, 0):
        clause = text[s:e]
        # time words in this clause, before its first number, set the year
        qs = find_quantities(clause, w)
        head = clause[: qs[0].start] if qs else clause
        stated = False
        if text[max(0, s - 1):s] in ("。", "\n") and s > 0:
            previous, topic, times = None, "", []  # an elliptical clause borrows only within its sentence
            if before_period is not None:
                # “十四五”时期 governs its own sentence; 到2025年 the whole paragraph
                year, period_base, before_period = before_period[0], None, None
        for m in YEAR_MARKER.finditer(head):
            year, period_base, stated = int(m.group("y1") or m.group("y2") or m.group("y3")), None, True
            before_period = None
        period = read_period(head, w)
        if period:
            before_period = before_period or (year,)
            period_base, year, stated = period[0], period[1], True
        times = read_time_list(head, w) or times
        found = read_clause(clause, w, previous, year_context=year is not None, topic=topic)
        topic = clean_indicator(clause, w) if not qs and len(clause) <= TOPIC_LENGTH else ""
        for t in found:
            t.target_year = year
            if t.extra.get("per_year") and not stated and not read_target_year(clause) and year == default_year:
                t.target_year = None
            if t.baseline_year is None and period_base and t.change in ("decrease_by", "increase_by"):
                t.baseline_year = period_base
            if t.baseline_year is None and t.extra.get("year_on_year") and t.target_year:
                t.baseline_year = t.target_year - 1  # 2022年…同比下降1.2%: against 2021
        for t in _spread_over_times(found, times):
            out.append((t, offset + s, offset + e))
            if t.kind == "target":
                previous = t
        for m in YEAR_MARKER.finditer(clause[len(head):]):
            year, period_base = int(m.group("y1") or m.group("y2") or m.group("y3")), None
    return out


def _spread_over_times(found: list[ReadTarget], times: list[tuple[int | None, int]]) -> list[ReadTarget]:
    """Date the values of a 分别 list by a list of years or periods.

    2025年和2030年，…分别提升至15%、20%: one year per value;
    “十五五”、“十六五”期间各建成…600万千瓦: one value for every period.
    """
    if len(times) < 2:
        return found
    out: list[ReadTarget] = []
    by_group: dict[int, list[ReadTarget]] = {}
    for t in found:
        by_group.setdefault(t.extra.get("group", -1), []).append(t)
    for group in by_group.values():
        if not group[0].extra.get("spread") or group[0].kind != "target" or len(group) not in (1, len(times)):
            out.extend(group)
            continue
        spread = group if len(group) == len(times) else [replace(group[0]) for _ in times]
        for t, (base, year) in zip(spread, times):
            t.target_year = year
            if t.change in ("decrease_by", "increase_by") and base is not None:
                t.baseline_year = base
            out.append(t)
    return out


def _year_at_end(text: str, words: QuantityWords | None = None) -> int | None:
    """The year still in force at the end of a paragraph (到2025年，…。 then ——…)."""
    year = None
    for m in YEAR_MARKER.finditer(text):
        year = int(m.group("y1") or m.group("y2") or m.group("y3"))
    period = read_period(text, words)
    if period and (year is None or text.rfind("五") > text.rfind(str(year))):
        year = period[1]
    return year


def _lead_in_year(text: str) -> int | None:
    """The year a lead-in sets for the list it introduces (到2025年，实现以下目标：)."""
    stripped = text.rstrip()
    if not stripped.endswith("："):
        return None
    last = stripped.split("\n")[-1]
    y = read_target_year(last)
    if y is None:
        p = read_period(last)
        y = p[1] if p else None
    return y


def extract_targets(source: Source, document: Document, sections: list[Section], tasks: list[Task]
                    ) -> list[Target]:
    """Every target (and threshold) of the plan, at the path it stands in."""
    w = load_quantity_words()
    norm, text = source.norm, source.text
    plan_year = _plan_year(document, source)
    issued = _issue_year(document)
    task_at = {t.path: t for t in tasks}
    by_id = {s.id: s for s in sections}
    lead_year: dict[int, int | None] = {}
    targets: list[Target] = []
    for section in sections:
        start = section.start + len(section.label)
        end = max(section.end, start)
        body = norm[start:end]
        inherited = None
        parent = by_id.get(section.parent_id) if section.parent_id is not None else None
        while parent is not None and inherited is None:
            inherited = lead_year.get(parent.id)
            parent = by_id.get(parent.parent_id) if parent.parent_id is not None else None
        # a heading that names a year (（一）到2025年目标) governs its body and children
        title_year = read_target_year(section.title or "") if section.title else None
        lead_year[section.id] = _lead_in_year(body) or title_year
        inherited = title_year or inherited
        default = inherited or _deadline_year(task_at.get(section.path)) or plan_year
        pos = 0
        lead = None  # the year a paragraph leaves for the dash list after it
        for para in body.split("\n"):
            if para.strip():
                bullet = BULLET.match(para) is not None
                for rt, s, e in read_paragraph(para, start + pos, (lead if bullet else None) or default, w):
                    if rt.kind == "target" and rt.target_year and issued and rt.target_year < issued:
                        continue  # 2020年…为8000万吨, “十三五”期间…下降18.6%: what was done, not a goal
                    targets.append(_to_target(len(targets) + 1, section.path, rt, s, e, text))
                if not bullet:
                    lead = _year_at_end(para, w)
            y = _lead_in_year(para)
            if y:
                default = y
            pos += len(para) + 1
    return targets


def _to_target(id_: int, path: str, rt: ReadTarget, start: int, end: int, text: str) -> Target:
    q = rt.quantity
    value = int(q.value) if float(q.value).is_integer() else q.value
    base = q.value_base
    return Target(
        id=id_, kind=rt.kind, path=path, indicator=rt.indicator, value=value, unit=q.unit,
        comparator=rt.comparator, change=rt.change, baseline_year=rt.baseline_year,
        target_year=rt.target_year, text=text[start:end], start=start, end=end,
        value_base=int(base) if float(base).is_integer() else base, unit_base=q.unit_base,
    )

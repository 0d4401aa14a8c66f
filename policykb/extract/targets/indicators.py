"""Indicators: cleaning the text before a number into the thing measured
(力争规上工业企业用水重复利用率 -> 规上工业企业用水重复利用率), and splitting a
list of items into one indicator each, with the tail they share
(绿色防控、统防统治覆盖率 -> 绿色防控覆盖率, 统防统治覆盖率). The words are
data (``indicator_words``, ``indicator_heads``, ``tail_objects``…)."""
from __future__ import annotations

from ...dates import strip_time
from ...patterns import compile_patterns
from ...vocab import default_vocabulary
from .verbs import long_hedges, strip_end, strip_start

# The longest item of a parallel list of sectors or kinds (钢铁、平板玻璃…).
SHORT_ITEM = 6


def clean_indicator(text: str, vocab=None) -> str:
    """The indicator without time words, baselines, hedges and sentence glue.

    >>> clean_indicator("力争规上工业企业用水重复利用率")
    '规上工业企业用水重复利用率'
    """
    vocab = default_vocabulary(vocab)
    p = compile_patterns(vocab).targets
    w, noise = vocab.quantities, p.leading_noise
    text = p.bullet.sub("", strip_time(text, vocab))  # ——公共机构人均综合能耗: the list's dash is no word
    text = p.item_label.sub("", text)  # （2）每年新增造林面积: nor an item's own label
    for _ in range(4):
        text = noise.sub("", text)
        text, _ = strip_start(text, vocab.time.time_words)  # 年底前, 全年: the clause's time, not the indicator's
        text, word = strip_start(text, long_hedges(w))
        if not word:
            break
    for _ in range(4):
        text, word = strip_end(text, w.hedges + (w.spread_word,))
        if not word:
            break
    return text.strip(" 、，")


def shared_tail(item: str, vocab=None) -> str:
    """The longest end of ``item`` made of measure words, leaving a head.

    Object nouns (污水, 光伏) are not taken here; see take_objects.

    >>> shared_tail("统防统治覆盖率"), shared_tail("西区生活污水集中处理率"), shared_tail("废弃塑料综合利用率")
    ('覆盖率', '集中处理率', '综合利用率')
    """
    return tail_of(item, set(default_vocabulary(vocab).quantities.indicator_words))


def _word_ends(item: str, vocab: set[str]) -> list[bool]:
    """For each position of ``item``, whether the rest splits into words of ``vocab``."""
    n = len(item)
    ok = [False] * (n + 1)
    ok[n] = True
    for i in range(n - 1, -1, -1):
        ok[i] = any(ok[j] and item[i:j] in vocab for j in range(i + 1, min(n, i + 10) + 1))
    return ok


def tail_of(item: str, vocab: set[str], limit: int = 0) -> str:
    """The longest end of ``item`` made of words of ``vocab``, leaving at least ``limit`` + 1 characters.

    >>> tail_of("城市污水处理率", {"处理率", "率", "处理"})
    '处理率'
    """
    ok = _word_ends(item, vocab)
    for i in range(max(1, limit), len(item)):
        if ok[i]:
            return item[i:]
    return ""


def _own_length(item: str, vocab) -> int:
    return len(compile_patterns(vocab).targets.scope_prefix.sub("", item))


def take_objects(items: list[str], tail: str, vocab=None) -> str:
    """Widen ``tail`` by object nouns before it (污水, 光伏), as far as the last
    item keeps an own part at least half as long as the earlier items: an
    object noun that completes a short item (垃圾 of 建筑垃圾 after a long
    废旧动力电池) stays with it.

    >>> take_objects(["东区", "西区生活污水集中处理率"], "集中处理率")
    '生活污水集中处理率'
    >>> take_objects(["废旧动力电池", "建筑垃圾综合利用率"], "综合利用率")
    '综合利用率'
    >>> take_objects(["新建学校建筑", "新建物流仓库屋顶光伏覆盖率"], "覆盖率")
    '屋顶光伏覆盖率'
    """
    vocab = default_vocabulary(vocab)
    words = vocab.quantities
    last = items[-1]
    if not tail or not last.endswith(tail) or len(items) < 2:
        return tail
    goal = sum(_own_length(i, vocab) for i in items[:-1]) / (len(items) - 1)
    ok = _word_ends(last, set(words.indicator_words) | set(words.tail_objects))
    for i in range(1, len(last) - len(tail)):
        if ok[i] and 2 * _own_length(last[:i], vocab) >= goal:
            return last[i:]
    return tail


def widen_tail(items: list[str], tail: str, vocab=None) -> str:
    """Widen a tail of indicator words by a short word the vocabulary lacks.

    Short parallel items are as long as each other: in 城镇、农村自来水普及率
    the last item's own part is as long as 城镇, so the tail is 自来水普及率.
    Only a word of two to four characters is added, so a long modifier list
    (低温、短流程印染…比例) is not cut inside a word, unless what follows the
    last item's own part starts with a scope word (钢材、玻璃行业单位产品电耗).

    >>> widen_tail(["全省城镇", "农村自来水普及率"], "普及率")
    '自来水普及率'
    >>> widen_tail(["钢材", "玻璃行业单位产品电耗"], "电耗")
    '行业单位产品电耗'
    """
    vocab = default_vocabulary(vocab)
    scoped = scope_tail(items, tail, vocab)
    if scoped:
        return scoped
    own = _own_length(items[0], vocab)
    if own > 3 or any(len(i) != own for i in items[1:-1]):
        return tail  # only short, equal items (城镇、农村) show where the last one ends
    wider = items[-1][own:]
    if tail and wider.endswith(tail) and len(tail) + 2 <= len(wider) <= len(tail) + 4:
        return wider
    if wider.startswith(vocab.quantities.tail_scope_words) and (not tail or wider.endswith(tail)) \
            and len(wider) < len(items[-1]):
        return wider
    return tail


def scope_tail(items: list[str], tail: str, vocab=None) -> str:
    """The tail from the scope word of the last item on (钢铁、水泥、平板玻璃行业…比例:
    行业…比例), when the items before it are short and name no scope of their
    own; else empty.

    >>> scope_tail(["钢铁", "水泥", "平板玻璃行业能效标杆产能比例"], "比例")
    '行业能效标杆产能比例'
    >>> scope_tail(["城镇", "农村自来水普及率"], "普及率")
    ''
    """
    w = default_vocabulary(vocab).quantities
    last = items[-1]
    found = [last.find(word) for word in w.tail_scope_words if 0 < last.find(word) <= SHORT_ITEM]
    if not found or any(len(i) > SHORT_ITEM or any(x in i for x in w.tail_scope_words) for i in items[:-1]):
        return ""
    wider = last[min(found):]
    return wider if not tail or wider.endswith(tail) else ""


def join_tail(item: str, tail: str) -> str:
    """An item with the shared tail, without doubling a word they share (光伏发电 + 发电装机容量).

    >>> join_tail("光伏发电", "发电装机容量"), join_tail("城市", "生活污水处理率")
    ('光伏发电装机容量', '城市生活污水处理率')
    """
    for k in range(min(len(item), len(tail)) - 1, 1, -1):
        if item.endswith(tail[:k]):
            return item + tail[k:]
    return item + tail


def split_last_item(item: str, vocab=None) -> list[str]:
    """The last item of a 、 list may join one more with 和/及/与 before the tail.

    >>> split_last_item("畜禽饲养和果蔬采摘机械化率")
    ['畜禽饲养', '果蔬采摘机械化率']
    """
    vocab = default_vocabulary(vocab)
    tail = shared_tail(item, vocab)
    own = item[: len(item) - len(tail)]
    if not tail or not own:
        return [item]
    parts = [p for p in compile_patterns(vocab).targets.item_split_wide.split(own) if p]
    return parts[:-1] + [parts[-1] + tail] if parts else [item]


def share_head(items: list[str], tail: str, vocab=None) -> list[str]:
    """Give later items the head the first one carries (全区小麦播种、收割 -> 全区小麦收割).

    When the first item is longer than the later items sharing the tail, and
    its last word is as long as each of them (at most two characters), the
    later items take the first item's leftover head. A head shorter than
    three characters (中心|城区), only a scope (全省) or cut inside a word
    (化学|需氧量) is not shared, unless the words are stages of one activity
    (花生|种植、收获: ``stage_words``).

    >>> share_head(["全区小麦播种", "收割机械化率"], "机械化率")
    ['全区小麦播种', '全区小麦收割机械化率']
    >>> share_head(["化学需氧量", "氨氮减排量"], "减排量")
    ['化学需氧量', '氨氮减排量']
    >>> share_head(["中心城区", "县城污水集中收集率"], "污水集中收集率")
    ['中心城区', '县城污水集中收集率']
    >>> share_head(["花生种植", "收获机械化率"], "机械化率")  # two stages: a short head is shared
    ['花生种植', '花生收获机械化率']
    """
    from ...nlp import segment

    first = items[0]
    owns = [i[: len(i) - len(tail)] if tail and i.endswith(tail) else i for i in items[1:]]
    k = len(owns[0])
    if not 1 <= k <= 2 or any(len(o) != k for o in owns) or len(first) < k + 2:
        return items
    parts = segment(first)
    if len(parts) < 2 or len(parts[-1]) != k:
        return items
    head = first[:-k]
    stages = default_vocabulary(vocab).quantities.stage_words
    paired = parts[-1] in stages and all(o in stages for o in owns)  # 花生种植、收获: two stages of one crop
    if len(head) < (2 if paired else 3) or compile_patterns(vocab).targets.scope_only.match(head):
        return items
    return [first] + [i if i.startswith(head) else head + i for i in items[1:]]


def scope_list(items: list[str], vocab=None) -> bool:
    """True when the items before the last are grades of one scope (大型、超大型,
    国家级、省级), so the list names one scope, not several indicators.

    >>> scope_list(["大型", "超大型数据中心PUE"]), scope_list(["农药", "化肥利用率"])
    (True, False)
    """
    ends = default_vocabulary(vocab).quantities.scope_grade_ends
    return all(len(i) <= 4 and i.endswith(ends) for i in items[:-1])


def _list_items(plain: str, n_values: int, spread: bool, vocab) -> tuple[list[str], bool]:
    """The items of an indicator list, and whether they are whole indicators."""
    p, w = compile_patterns(vocab).targets, vocab.quantities
    items = [i for i in p.item_split.split(plain) if i]
    if spread and len(items) < n_values:
        items = [i for i in p.item_split_wide.split(plain) if i]
    elif not spread and len(items) >= 2:
        items = items[:-1] + split_last_item(items[-1], vocab)
    elif len(items) < 2:
        # 污水收集率和污泥处置率: whole indicators joined by 和
        wide = [i for i in p.item_split_wide.split(plain) if i]
        if len(wide) > 1 and all(i.endswith(w.indicator_heads) for i in wide):
            return wide, True
    return items, False


def split_indicator(indicator: str, n_values: int, spread: bool, vocab=None) -> list[str]:
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
    vocab = default_vocabulary(vocab)
    p, w = compile_patterns(vocab).targets, vocab.quantities
    plain = p.parenthetical.sub("", indicator)
    tail_after_etc = None
    m = p.etc.search(plain)
    if m and w.list_joins[0] in plain[: m.start()]:
        tail_after_etc = plain[m.end():]
        plain = plain[: m.start()]
    items, whole = _list_items(plain, n_values, spread, vocab)
    if whole:
        return items
    if len(items) < 2 or (spread and len(items) != n_values):
        return [indicator]
    if tail_after_etc is not None:
        # 废纸、废塑料…等6种回收物料再利用量达到1.2亿吨 is one total
        return [i + tail_after_etc for i in items] if spread else [indicator]
    if any(w.possessive in i for i in items) or (not spread and scope_list(items, vocab)):
        return [indicator]  # 大型、超大型数据中心PUE: one scope, not two targets
    if all(i.endswith(w.indicator_heads) for i in items[:-1]):
        return items
    tail = take_objects(items, shared_tail(items[-1], vocab), vocab)
    items = share_head(items, tail, vocab)
    tail = widen_tail(items, tail, vocab)
    if not tail or (not spread and w.total_word in tail):
        return [indicator] if not spread else items
    return [join_tail(i, tail) for i in items[:-1]] + [items[-1]]

"""Goal verbs: the verb that joins an indicator to its number (比2020年下降,
力争达到, 不低于), a verb an indicator starts with (新增纯电动汽车), the verb
of a count before its noun (创建50家…) and a verb inside an indicator.
The verbs are data (``change_verbs``, ``leading_verbs``, ``hedges`` in
``data/quantity_words.yml``)."""
from __future__ import annotations

from ...dates import strip_baseline_at_end
from ...patterns import compile_patterns
from ...vocab import default_vocabulary


def strip_end(text: str, words) -> tuple[str, str | None]:
    """``text`` without the first of ``words`` it ends with, and that word.

    >>> strip_end("能耗下降", ["下降", "降"])
    ('能耗', '下降')
    """
    for w in words:
        if w and text.endswith(w):
            return text[: -len(w)], w
    return text, None


def strip_start(text: str, words) -> tuple[str, str | None]:
    """``text`` without the first of ``words`` it starts with, and that word.

    >>> strip_start("力争达到", ["力争"])
    ('达到', '力争')
    """
    for w in words:
        if w and text.startswith(w):
            return text[len(w):], w
    return text, None


def comparators_longest_first(words) -> list[str]:
    """The comparator words before a number, longest first (不得低于 before 低于)."""
    return sorted(words.comparator_before, key=len, reverse=True)


def split_verb(pre: str, vocab=None) -> tuple[str, str | None, str | None]:
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
    vocab = default_vocabulary(vocab)
    w = vocab.quantities
    change = comparator = None
    text = pre.rstrip()  # 超过 150 个: a blank PDF text left before the number
    verbs = sorted([v for v, _ in w.change_verbs] + list(w.count_verbs), key=len, reverse=True)
    changes = dict(w.change_verbs) | {v: "level" for v in w.count_verbs}  # 推动300家…: a count's verb
    for _ in range(6):
        before = text
        text = strip_baseline_at_end(text, vocab)
        if comparator is None and change is None:
            text, word = strip_end(text, comparators_longest_first(w))
            if word:
                comparator = w.comparator_before[word]
                continue
        if change is None:
            text, word = strip_end(text, verbs)
            if word:
                change = changes[word]
                if word in w.ceiling_verbs and comparator is None:
                    comparator = "<="
                continue
        text, word = strip_end(text, w.hedges)
        if word:
            continue
        if text == before:
            break
    return goal_of_change(text, change, comparator, vocab)


def goal_of_change(text: str, change: str | None, comparator: str | None, vocab=None
                   ) -> tuple[str, str | None, str | None]:
    """A change named as a goal (能耗强度降低目标为14.5%) is that change.

    >>> goal_of_change("能耗强度降低目标", "level", None)
    ('能耗强度', 'decrease_by', None)
    """
    words = default_vocabulary(vocab).quantities
    rest, noun = strip_end(text, words.goal_nouns)
    if noun and change in (None, "level"):
        for verb, verb_change in words.change_verbs:
            if rest.endswith(verb) and verb_change.endswith("_by"):
                return rest[: -len(verb)], verb_change, comparator
    return text, change, comparator


def long_hedges(words) -> list[str]:
    """Hedges of two characters or more: one-character hedges (可, 再, 需)
    also begin words (可再生能源, 需求侧)."""
    return [h for h in words.hedges if len(h) > 1]


def leading_verb_pairs(words) -> tuple[tuple[str, str], ...]:
    """(verb, change) of the leading verbs: a level unless ``leading_verb_changes`` says otherwise."""
    return tuple((v, words.leading_verb_changes.get(v, "level")) for v in words.leading_verbs)


def leading_verb(indicator: str, vocab=None) -> tuple[str, str] | None:
    """The verb an indicator starts with and the change it names (新增纯电动汽车).

    A verb joined to another (新增和改造, 新增及更新) names no single change:
    the count is a level.

    >>> leading_verb("新增纯电动汽车"), leading_verb("新增和改造污水收集管网"), leading_verb("绿色园区")
    (('新增', 'increase_by'), ('新增', 'level'), None)
    >>> leading_verb("新建高标准农田"), leading_verb("新建改造污水管网"), leading_verb("关停退出煤电机组")
    (('新建', 'increase_by'), ('新建', 'level'), ('关停', 'decrease_by'))
    """
    vocab = default_vocabulary(vocab)
    w = vocab.quantities
    indicator = compile_patterns(vocab).targets.scope_prefix.sub("", indicator)
    indicator, _ = strip_start(indicator, long_hedges(w))  # 全市累计净增…
    for verb, change in w.change_verbs + leading_verb_pairs(w):
        if indicator.startswith(verb) and len(indicator) > len(verb):
            rest = indicator[len(verb):]
            second = [c for v, c in leading_verb_pairs(w) if rest.startswith(v)]
            if rest[0] in w.verb_joins or (verb in w.leading_verbs and second and second[0] != change):
                return verb, "level"  # 新建改造管网: two verbs name no single change (关停退出 one)
            return verb, change
    return None


def count_verb(pre: str, indicator: str, vocab=None) -> str | None:
    """The verb of a count before its noun (创建50家…): kept in the indicator.

    >>> count_verb("创建", ""), count_verb("达到", "")
    ('创建', None)
    """
    words = default_vocabulary(vocab).quantities
    rest = (pre[len(indicator):] if pre.startswith(indicator) else "").rstrip()
    rest, _ = strip_end(rest, comparators_longest_first(words))  # 建设约80万千瓦
    for verb in sorted([v for v, _ in words.change_verbs] + list(words.count_verbs), key=len, reverse=True):
        if rest.endswith(verb) and verb not in words.comparator_before and len(verb) > 1 \
                and verb not in words.not_count_verbs:
            return verb
    return None


def verb_inside(indicator: str, vocab=None) -> tuple[int, str] | None:
    """The first goal verb inside an indicator (沿海重点城市完成压减钢铁产能): position, change.

    >>> verb_inside("沿海重点城市完成压减钢铁产能")
    (6, 'level')
    """
    words = default_vocabulary(vocab).quantities
    best = None
    for verb, change in words.change_verbs + leading_verb_pairs(words):
        if len(verb) < 2 or verb in words.comparator_before:
            continue
        i = indicator.find(verb)
        if 0 < i and i + len(verb) < len(indicator) and (best is None or i < best[0]):
            best = (i, change)
    return best


def joined_by_count_verb(pre: str, indicator: str, vocab=None) -> bool:
    """True when a count-only verb (推动, 支持) joins the indicator to the number.

    >>> joined_by_count_verb("推动", ""), joined_by_count_verb("建成", "")
    (True, False)
    """
    words = default_vocabulary(vocab).quantities
    rest = pre[len(indicator):] if pre.startswith(indicator) else pre
    return strip_end(rest, words.count_verbs)[1] is not None

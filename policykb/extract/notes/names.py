"""The names of a note: splitting a list, generic tails, role marks.

``市发展改革委、市能源局等`` is two names; ``民政部等和各省级人民政府`` two lists;
``各市（含某县、某区，下同）相关主管部门`` one name with a gloss in brackets;
``省发展改革委（牵头）`` a name with its role written after it. Every name is a
span into the note, so the caller can slice the text as written.
"""
from __future__ import annotations

from ...patterns import compile_patterns

# a name is short; a longer run is a sentence, and the bracket is not a note
MAX_NAME = 40


def is_name(name: str, words) -> bool:
    """Whether a run of a note can be a name: short, no field colon, no
    word of a sentence (企业须对所报数据 is no department).

    >>> from policykb.vocab import load_vocabulary
    >>> is_name("市发展改革委", load_vocabulary().notes), is_name("企业须对所报数据", load_vocabulary().notes)
    (True, False)
    """
    return (0 < len(name) <= MAX_NAME and words.punctuation.field_colon not in name
            and not any(w in name for w in words.not_in_names))


def strip_generic_tail(name: str, vocab=None) -> str:
    """Drop a trailing 等 and the generic phrase after it.

    >>> strip_generic_tail("市水利局等"), strip_generic_tail("省体育局等部门")
    ('市水利局', '省体育局')
    >>> strip_generic_tail("省教育厅等省有关部门"), strip_generic_tail("市级有关部门")
    ('省教育厅', '市级有关部门')
    """
    return compile_patterns(vocab).notes.generic_tail.sub("", name)


def _list_spans(text: str, start: int, end: int, pats) -> list[tuple[int, int]]:
    """The raw spans of a list's names: split where ``pats.name_split``
    matches outside brackets (a split word keeping the generic tail's 等
    leaves it with the name before)."""
    spans, seg, resume = [], start, start
    keep_first = pats.words.name_split_keep_first
    for i in pats.words.brackets.top_level(text, start, end):
        if i < resume:  # inside a split word (which holds no bracket)
            continue
        m = pats.name_split.match(text, i, end)
        if m:
            spans.append((seg, i + 1 if m.group() in keep_first else i))
            seg = resume = m.end()
    spans.append((seg, end))
    return spans


def strip_gloss(text: str, a: int, b: int, pats) -> int:
    """The end of the name ``text[a:b]`` without a gloss in brackets after it
    (含…, 以下简称…, …下同): 市住房城乡建委〈含市园林局，下同〉 is 市住房城乡建委.
    A bracket that is part of the name (各市〔州〕人民政府, 各县（区）) stays."""
    brackets = pats.words.brackets
    while b - a > 2 and text[b - 1] in brackets.closing:
        opened = brackets.matching_open(text, a, b - 1)
        if opened is None or opened <= a or not pats.gloss.fullmatch(text, opened + 1, b - 1):
            break
        b = opened
        while b > a and text[b - 1].isspace():
            b -= 1
    return b


def drop_glosses(name: str, vocab=None) -> str:
    """A name without the glosses inside it (its department): the spec keeps
    ``as_written`` whole where a gloss stands inside a name.

    >>> drop_glosses("各市（含某县，下同）相关主管部门"), drop_glosses("各市〔州〕人民政府")
    ('各市相关主管部门', '各市〔州〕人民政府')
    """
    pats = compile_patterns(vocab).notes
    for a, b in reversed(pats.words.brackets.outermost(name)):
        if pats.gloss.fullmatch(name, a + 1, b - 1):
            name = name[:a] + name[b:]
    return name


def split_names(text: str, start: int = 0, end: int | None = None, vocab=None) -> list[tuple[int, int]]:
    """Spans of the names of a list, split on 、 (and 等和, 和各) outside
    brackets, each trimmed of lead-in words and a trailing 等….

    >>> t = "市发展改革委、市能源局等"
    >>> [t[a:b] for a, b in split_names(t)]
    ['市发展改革委', '市能源局']
    >>> t = "民政部等和各省级人民政府"
    >>> [t[a:b] for a, b in split_names(t)]
    ['民政部', '各省级人民政府']
    >>> t = "各市（含某县、某区，下同）相关主管部门"
    >>> [t[a:b] for a, b in split_names(t)]
    ['各市（含某县、某区，下同）相关主管部门']
    >>> t = "市住房城乡建委〈含市园林局，下同〉、市发展改革委（以下简称市发改委）"
    >>> [t[a:b] for a, b in split_names(t)]
    ['市住房城乡建委', '市发展改革委']
    """
    end = len(text) if end is None else end
    pats = compile_patterns(vocab).notes
    out = []
    for a, b in _list_spans(text, start, end, pats):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        m = pats.name_lead_in.match(text, a, b)
        if m:
            a = m.end()
        b = a + len(pats.generic_tail.sub("", text[a:b]).rstrip())
        b = strip_gloss(text, a, b, pats)
        b = a + len(pats.generic_tail.sub("", text[a:b]).rstrip())
        if b > a:
            out.append((a, b))
    return out


def role_mark(note: str, s: int, e: int, vocab=None) -> tuple[int, str | None]:
    """A role written in brackets after a name: 省发展改革委（牵头） is a lead.
    Returns the name's end without the mark and the mark's role (or None).

    >>> t = "省发展改革委（牵头）"
    >>> role_mark(t, 0, len(t))
    (6, 'lead')
    """
    words = compile_patterns(vocab).notes.words
    if e - s < 4 or note[e - 1] not in words.brackets.closing:
        return e, None
    opened = words.brackets.matching_open(note, s, e - 1)
    if opened is None or opened <= s:
        return e, None
    role = words.verb_roles.get(note[opened + 1:e - 1])
    if role is None:
        return e, None
    return opened, "responsible" if role == "by_duty" else role


def _level_head(name: str, e: dict) -> tuple[str, str]:
    """A name's level word (after 各) and the words after it: 区机管局 -> ('区', '机管局')."""
    rest = name[len(e["each"]):] if name.startswith(e["each"]) else name
    if rest.startswith(tuple(e["not_levels"])):
        return "", rest
    level = next((w for w in sorted(e["levels"], key=len, reverse=True) if rest.startswith(w)), "")
    return level, rest[len(level):]


def spell_out(names: list[str], vocab=None, own_level: str | None = None) -> list[str | None]:
    """The spelled-out name of each elliptical part of one 、-list (None
    for a name written in full): a bare level word takes the head of the
    next full name. A full name with the plan's own level word
    (``own_level``: 市 in a city's plan) is the plan's own body and lends
    no head to a part that says 各: in a city's 各区、市发展改革委, 各区 are the
    district governments (but 省、市有关部门 is 省有关部门 and 市有关部门).

    >>> spell_out(["市", "区机管局"]), spell_out(["各市", "州", "县人民政府"])
    (['市机管局', None], ['各市人民政府', '州人民政府', None])
    >>> spell_out(["各区", "县级市"]), spell_out(["市财政局", "区机管局"])
    ([None, None], [None, None])
    >>> spell_out(["各市（州）", "县（市、区）人民政府"])
    ['各市（州）人民政府', None]
    >>> spell_out(["市", "县（区）人民政府"]), spell_out(["省", "市场监管局"])
    (['市人民政府', None], [None, None])
    >>> spell_out(["各区", "市发展改革委"], own_level="市"), spell_out(["省", "市有关部门"], own_level="市")
    ([None, None], ['省有关部门', None])
    """
    e = compile_patterns(vocab).notes.words.ellipsis
    out: list[str | None] = [None] * len(names)
    head, own = "", False
    for i in range(len(names) - 1, -1, -1):
        level, rest = _level_head(names[i], e) if e else ("", names[i])
        if level and not _skip_aside(rest, vocab):  # a bare level word (各市（州）): the next full name's head
            each = names[i].startswith(e["each"])
            out[i] = names[i] + head if head and not (own and each) else None
        else:
            head, own = (_skip_aside(rest, vocab), level == own_level) if level else ("", False)
    return out


def _skip_aside(rest: str, vocab=None) -> str:
    """The head without an aside that opens it: （区）人民政府 -> 人民政府."""
    brackets = compile_patterns(vocab).notes.words.brackets
    if rest[:1] in brackets.opening:
        close = next((i for i in range(1, len(rest)) if rest[i] in brackets.closing
                      and brackets.matching_open(rest, 0, i) == 0), None)
        if close is not None:
            return rest[close + 1:]
    return rest

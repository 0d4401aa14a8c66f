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
        b = a + len(pats.generic_tail.sub("", text[a:b]))
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

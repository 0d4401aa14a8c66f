"""The grammar of responsibility notes (责任分工), as pure functions.

A plan says who carries a task out in a note after it::

    （市农业农村委牵头，市发展改革委、市能源局等按职责分工负责）
    （责任单位：省商务厅，配合单位：省统计局等）
    责任单位：市发展改革委            (on a line of its own)
    完成时限：2023年6月底前

A note is a run of clauses split on ，；。 (outside nested brackets). A clause
is either a field (``责任单位：`` + names), a list of names ending in a role
verb (``…牵头``, ``…按职责分工负责``, ``…配合``), a bare list of names that
waits for the next verb, or a standing rule (``以下均需区县落实，不再列出``,
``列第一位者为牵头单位``). A clause the grammar does not understand (a
sentence, or names with no known verb at the end) is dropped; the clauses
understood keep their names. The words live in ``data/notes.yml`` (how a
body's name ends, in ``data/bodies.yml``); this module only combines them.
Everything works on folded text (see :mod:`policykb.read.normalize`), so
``(X负责)`` and ``（X负责）`` read alike, and every name keeps its span so
the caller can slice the text as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..data import alternation, load_yaml
from ..read.normalize import fold_punctuation

# 〈〉 stand for （） in some PDF prints: 各区〈新区、合作区〉
OPEN, CLOSE = "（〔【〈", "）〕】〉"
# clause separators of a note (after folding: ， ； 。)
CLAUSE_SEPARATORS = "，；。"
_WORDS = load_yaml("notes.yml")
# a trailing 等 and the generic phrase after it: 等, 等部门, 等有关部门,
# 等省直有关部门, 等有关部门和单位 (the spec drops them from a name)
GENERIC_TAIL = re.compile(
    rf"等(?:[^、，；。等]{{0,10}}?(?:{alternation(_WORDS['generic_tail']['nouns'])})"
    rf"(?:{alternation(_WORDS['generic_tail']['joins'])})?)?$")
# names in a list are split on 、 and, where a list of bodies follows
# another, on 等和 / 和各 / 及各 (…体育总局等和各设区市人民政府负责) or on 和 after a
# government (市人民政府和开发区管委会); a bare 和 stays, as it is part of many
# names (工业和信息化部, 住房和城乡建设厅, 党委和政府); names written in table
# cells are split on spaces (市科技局 市财政局). The words are in notes.yml.
NAME_SPLIT = re.compile("|".join([
    r"、", r"\s+", alternation(_WORDS["name_split"]),
    f"(?:{alternation(_WORDS['name_split_before_each'])})(?=各)",
    *(rf"(?<={re.escape(end)})和(?=[^、，；。]{{3}})" for end in _WORDS["name_split_and_after"]),
]))
# words placed before a name: 由市发展改革委牵头
# (anchored by ``match`` at the name's start: a ``^`` would never match there)
NAME_LEAD_IN = re.compile(f"(?:{alternation(_WORDS['name_lead_in'])})")
# 列第一位者为牵头单位 / 排第一位的部门牵头 / 两地各列首位者为牵头单位 /
# 其中列第一位为牵头单位 / 排在第一为牵头单位 / 牵头单位列第一位 / 排名首位的部门牵头:
# the first name of each list leads
FIRST_IS_LEAD = re.compile(r"(?:第一|首位|首个)[^，；。）]{0,8}?(?:为|是|的(?:部门|单位)?)牵头"
                           r"|牵头(?:单位|部门)(?:列|排)(?:在|于)?(?:第一|首)")
# an aside that names a body is no bare note: （以下简称省发改委）
_ASIDE_WORDS = re.compile(alternation(_WORDS["aside_words"]))
# a name is short; a longer run is a sentence, and the bracket is not a note
MAX_NAME = 40


@dataclass(frozen=True)
class NoteVocabulary:
    """The words of notes (``data/notes.yml``), swappable in tests."""

    role_labels: dict[str, str]  # label -> role
    deadline_labels: tuple[str, ...]
    other_labels: tuple[str, ...]
    role_verbs: tuple[tuple[str, str], ...]  # (verb, role), longest first
    standing_implementing: tuple[re.Pattern, ...]
    standing_implementing_after: tuple[str, ...]
    time_clause: re.Pattern
    timeless: frozenset[str]
    ignorable: frozenset[str]
    anaphora: frozenset[str]
    label_qualifiers: tuple[str, ...] = ()
    not_in_names: tuple[str, ...] = ()
    duty_modifier: re.Pattern = re.compile("(?!)")
    body_endings: tuple[str, ...] = ()

    @property
    def label_pattern(self) -> re.Pattern:
        """``责任单位：`` and its kin; group 1 is the label without qualifier."""
        labels = sorted([*self.role_labels, *self.deadline_labels, *self.other_labels], key=len, reverse=True)
        qualifiers = "|".join(map(re.escape, self.label_qualifiers))
        return re.compile(f"(?:{qualifiers})?(" + "|".join(map(re.escape, labels)) + ")：")

    def is_name(self, name: str) -> bool:
        """Whether a run of a note can be a name: short, no field colon, no
        word of a sentence (企业须对所报数据 is no department)."""
        return 0 < len(name) <= MAX_NAME and "：" not in name and not any(w in name for w in self.not_in_names)

    def is_time(self, clause: str) -> bool:
        """A clause that only says when: 2022年底前完成, 持续推进."""
        return clause in self.timeless or (
            any(ch.isdigit() for ch in clause) and self.time_clause.fullmatch(clause) is not None)


@lru_cache(maxsize=None)
def load_vocabulary() -> NoteVocabulary:
    data = load_yaml("notes.yml")
    bodies = load_yaml("bodies.yml")
    labels = {label: role for role, words in data["role_labels"].items() for label in words}
    verbs = sorted(((v, role) for role, words in data["role_verbs"].items() for v in words),
                   key=lambda vr: len(vr[0]), reverse=True)
    return NoteVocabulary(
        role_labels=labels,
        deadline_labels=tuple(data["deadline_labels"]),
        other_labels=tuple(data["other_labels"]),
        role_verbs=tuple(verbs),
        standing_implementing=tuple(map(re.compile, data["standing_implementing"])),
        standing_implementing_after=tuple(data["standing_implementing_after"]),
        time_clause=re.compile(data["time_clause"]),
        timeless=frozenset(data["timeless"]),
        label_qualifiers=tuple(data.get("label_qualifiers", [])),
        not_in_names=tuple(data.get("not_in_names", [])),
        duty_modifier=re.compile(f"(?:{data['duty_modifier']})$"),
        body_endings=tuple(bodies["body_endings"] + bodies["note_extra_endings"]),
        ignorable=frozenset(data["ignorable"]),
        anaphora=frozenset(data["anaphora"]),
    )


@dataclass
class NoteName:
    """One name of a note: its span in the note, its role, its ；-group."""

    start: int
    end: int
    role: str
    group: int = 0


@dataclass
class NoteReading:
    """What one note says. Spans are offsets into the note's text."""

    names: list[NoteName] = field(default_factory=list)
    # standing implementing rule: the term's names (以下均需区县落实 -> 区县)
    standing: list[tuple[int, int]] = field(default_factory=list)
    first_is_lead: bool = False
    deadline: tuple[int, int] | None = None  # span of the 完成时限 value
    valid: bool = True
    # clauses not understood and left out (no name, or no verb after names)
    dropped: int = 0
    # a bare list of names with no verb or field: （省商务厅、省体育局）
    bare: list[tuple[int, int]] = field(default_factory=list)

    @property
    def is_note(self) -> bool:
        return self.valid and bool(self.names or self.standing)


# ---------------------------------------------------------------- scanning


def split_top_level(text: str, start: int = 0, end: int | None = None, separators: str = CLAUSE_SEPARATORS):
    """Split ``text[start:end]`` on ``separators`` outside brackets.

    Yields ``(seg_start, seg_end, separator_before)`` with the separator
    that stands before each segment ('' for the first).

    >>> t = "A，B；有关（含，）X"
    >>> [(t[a:b], s) for a, b, s in split_top_level(t)]
    [('A', ''), ('B', '，'), ('有关（含，）X', '；')]
    """
    end = len(text) if end is None else end
    depth, seg, before = 0, start, ""
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            yield seg, i, before
            seg, before = i + 1, ch
    yield seg, end, before


def find_brackets(norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``(open, close + 1)`` of the outermost bracket groups in
    ``norm[start:end]``; a bracket left open at the end of its line is
    dropped, unless the next line closes it (a note that PDF extraction
    broke over two lines).

    >>> find_brackets("任务。（市A局（含B）负责）（C）")
    [(3, 14), (14, 17)]
    >>> t = "任务。（市A局、\\n市B局负责）\\n（二）任务（\\n下一段。"
    >>> [t[a:b] for a, b in find_brackets(t)]
    ['（市A局、\\n市B局负责）', '（二）']
    """
    end = len(norm) if end is None else end
    spans, depth, opened = [], 0, 0
    for i in range(start, end):
        ch = norm[i]
        if ch == "\n":
            if depth and not _closes_on_next_line(norm, i + 1, end, depth):
                depth = 0
        elif ch in OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, i + 1))
    return spans


def _closes_on_next_line(norm: str, start: int, end: int, depth: int) -> bool:
    """Whether the line at ``start`` closes ``depth`` open brackets before
    any full stop and within a note's length."""
    for i in range(start, min(end, start + 2 * MAX_NAME)):
        ch = norm[i]
        if ch in "\n。":
            return False
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth == 0:
                return True
    return False


def find_label_lines(norm: str, start: int = 0, end: int | None = None,
                     vocab: NoteVocabulary | None = None) -> list[tuple[int, int]]:
    """Spans of notes written as lines of their own (``责任单位：…``,
    ``完成时限：…``), from the label to the end of the line. A label must
    open its line or follow a full stop.

    >>> text = "1．制定方案。\\n责任单位：市发展改革委\\n完成时限：2023年6月底前"
    >>> [text[a:b] for a, b in find_label_lines(text)]
    ['责任单位：市发展改革委', '完成时限：2023年6月底前']
    """
    vocab = vocab or load_vocabulary()
    end = len(norm) if end is None else end
    spans = []
    for m in vocab.label_pattern.finditer(norm, start, end):
        before = norm[max(start, m.start() - 1):m.start()]
        line_start = norm.rfind("\n", 0, m.start()) + 1
        if before and before not in "\n。；" and norm[line_start:m.start()].strip():
            continue
        if _bracket_depth(norm, line_start, m.start()):
            continue
        if spans and spans[-1][1] > m.start():  # a second label on the same line
            continue
        line_end = norm.find("\n", m.start(), end)
        spans.append((m.start(), end if line_end < 0 else line_end))
    return spans


def _bracket_depth(text: str, start: int, end: int) -> int:
    depth = 0
    for ch in text[start:end]:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
    return depth


# ---------------------------------------------------------------- names


def strip_generic_tail(name: str) -> str:
    """Drop a trailing 等 and the generic phrase after it.

    >>> strip_generic_tail("市水利局等"), strip_generic_tail("省体育局等部门")
    ('市水利局', '省体育局')
    >>> strip_generic_tail("省教育厅等省有关部门"), strip_generic_tail("市级有关部门")
    ('省教育厅', '市级有关部门')
    """
    return GENERIC_TAIL.sub("", name)


def split_names(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
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
    spans, depth, seg = [], 0, start
    i = start
    while i < end:
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            m = NAME_SPLIT.match(text, i, end)
            if m:
                spans.append((seg, i if m.group() != "等和" else i + 1))
                seg = i = m.end()
                continue
        i += 1
    spans.append((seg, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        m = NAME_LEAD_IN.match(text, a, b)
        if m:
            a = m.end()
        b = a + len(strip_generic_tail(text[a:b]))
        if b > a:
            out.append((a, b))
    return out


# ---------------------------------------------------------------- notes


def _match_verb(clause: str, vocab: NoteVocabulary) -> tuple[str, str] | None:
    for verb, role in vocab.role_verbs:
        if clause.endswith(verb):
            return verb, role
    return None


def _standing_term(norm: str, a: int, b: int, vocab: NoteVocabulary) -> tuple[int, int] | None:
    """The span of X in 以下均需X落实."""
    for pattern in vocab.standing_implementing:
        m = pattern.search(norm, a, b)
        if m:
            return m.span("term")
    return None


def split_clauses(note: str, a: int, b: int, label_re: re.Pattern) -> list[tuple[int, int, str]]:
    """The clauses of a note: split on ，；。 outside brackets, and before a
    label that runs into the name before it (市审计局完成时限：…).

    >>> t = "责任单位：市审计局完成时限：2023年6月底前"
    >>> [t[s:e] for s, e, _ in split_clauses(t, 0, len(t), load_vocabulary().label_pattern)]
    ['责任单位：市审计局', '完成时限：2023年6月底前']
    """
    cuts = [m.start() for m in label_re.finditer(note, a, b) if not _bracket_depth(note, a, m.start())]
    clauses = []
    for s, e, sep in split_top_level(note, a, b):
        for c in [c for c in cuts if s < c < e]:
            clauses.append((s, c, sep))
            s, sep = c, "，"
        clauses.append((s, e, sep))
    return clauses


def read_note(note: str, vocab: NoteVocabulary | None = None) -> NoteReading:
    """Read one note (folded text, brackets stripped or not).

    >>> note = "（市农业农村委牵头，市发展改革委、市能源局等按职责分工负责）"
    >>> [(note[n.start:n.end], n.role) for n in read_note(note).names]
    [('市农业农村委', 'lead'), ('市发展改革委', 'supporting'), ('市能源局', 'supporting')]
    >>> read_note("（以下简称“两高”）").is_note, read_note("（企业须对所报数据负责）").is_note
    (False, False)
    """
    vocab = vocab or load_vocabulary()
    a, b = 0, len(note)
    if b - a >= 2 and note[a] in OPEN and note[b - 1] in CLOSE:
        a, b = a + 1, b - 1
    reading = NoteReading()
    field_role: str | None = None  # role of the open 责任单位： field
    absorbing = False  # inside a 完成时限：/适用范围： field
    pending: list[tuple[int, int]] = []  # names waiting for their verb
    implementing: list[tuple[int, int]] = []  # names of the last 负责落实 clause
    group = 0
    has_lead = False
    label_re = vocab.label_pattern

    def assign(spans, role):
        """Give ``spans`` (one clause's names) ``role``; a clause with a run
        that is no name (企业须对所报数据) is not understood and is dropped
        whole, while the clauses understood keep their names."""
        nonlocal has_lead
        marked = [(s, *_role_mark(note, s, e, vocab)) for s, e in spans if note[s:e] not in vocab.anaphora]
        if not all(vocab.is_name(note[s:e]) for s, e, _ in marked):
            reading.dropped += 1
            return
        for s, e, own_role in marked:
            reading.names.append(NoteName(s, e, own_role or role, group))
            has_lead = has_lead or (own_role or role) == "lead"

    for s, e, sep in split_clauses(note, a, b, label_re):
        if sep == "。":
            field_role, absorbing = None, False
        if sep == "；":
            group += 1
        while s < e and note[s].isspace():
            s += 1
        while e > s and (note[e - 1].isspace() or note[e - 1] in "。"):
            e -= 1
        if s >= e:
            continue
        m = label_re.match(note, s, e)
        if m:
            label = m.group(1)
            if label in vocab.role_labels:
                field_role, absorbing = vocab.role_labels[label], False
                s = m.end()
            else:
                field_role, absorbing = None, True
                if label in vocab.deadline_labels and reading.deadline is None:
                    reading.deadline = (m.end(), e)
                continue
        elif absorbing:
            continue
        # a rule in brackets after the last name: …市气象局（排在第一的为牵头单位，下同）
        if note[e - 1] in CLOSE:
            inner_open = _matching_open(note, s, e - 1)
            if inner_open is not None and inner_open > s and FIRST_IS_LEAD.search(note[inner_open:e]):
                reading.first_is_lead = True
                e = inner_open
        clause = note[s:e]
        if FIRST_IS_LEAD.search(clause):
            reading.first_is_lead = True
            continue
        term = _standing_term(note, s, e, vocab)
        if term:
            reading.standing.extend(split_names(note, *term))
            continue
        if any(clause.endswith(w) or clause == w for w in vocab.standing_implementing_after):
            reading.standing.extend(pending)
            pending = []
            continue
        if clause in vocab.ignorable:
            # 各区县人民政府负责落实，以下不再列出: the bodies of the clause
            # before are the standing rule's term
            if not reading.standing:
                reading.standing.extend(implementing)
            continue
        if vocab.is_time(clause):
            continue
        verb = _match_verb(clause, vocab)
        if verb:
            word, role = verb
            names_end = e - len(word)
            duty = vocab.duty_modifier.search(note, s, names_end)
            if duty:  # 按职能职责负责, 按职责指导: the verb's role, the names before
                names_end = duty.start()
                role = "by_duty" if role == "responsible" else role
            names = split_names(note, s, names_end)
            implementing = pending + names if role == "implementing" else []
            if role == "by_duty":
                marked = any(_role_mark(note, *span, vocab)[1] == "lead" for span in pending + names)
                role = "supporting" if has_lead or marked else "responsible"
            assign(pending + names, role)
            pending = []
        elif field_role:
            assign(split_names(note, s, e), field_role)
        else:
            pending.extend(split_names(note, s, e))
    if pending:
        if reading.names or reading.standing:
            # a last clause with no verb the vocabulary knows: the clauses
            # understood keep their names, this one is dropped
            reading.dropped += 1
        else:
            reading.valid = False
            if reading.deadline is None:
                reading.bare = pending
    return reading


def _role_mark(note: str, s: int, e: int, vocab: NoteVocabulary) -> tuple[int, str | None]:
    """A role written in brackets after a name: 省发展改革委（牵头） is a lead.
    Returns the name's end without the mark and the mark's role (or None).

    >>> t = "省发展改革委（牵头）"
    >>> _role_mark(t, 0, len(t), load_vocabulary())
    (6, 'lead')
    """
    if e - s < 4 or note[e - 1] not in CLOSE:
        return e, None
    opened = _matching_open(note, s, e - 1)
    if opened is None or opened <= s:
        return e, None
    role = dict(vocab.role_verbs).get(note[opened + 1:e - 1])
    if role is None:
        return e, None
    return opened, "responsible" if role == "by_duty" else role


def _matching_open(text: str, start: int, close: int) -> int | None:
    depth = 0
    for i in range(close, start - 1, -1):
        if text[i] in CLOSE:
            depth += 1
        elif text[i] in OPEN:
            depth -= 1
            if depth == 0:
                return i
    return None


def apply_first_is_lead(reading: NoteReading) -> None:
    """Under a 列第一位者为牵头单位 rule, the first responsible name of each
    ；-group leads and the rest support (unless the note names a lead)."""
    if any(n.role == "lead" for n in reading.names):
        return
    seen: set[int] = set()
    for n in reading.names:
        if n.role != "responsible":
            continue
        if n.group in seen:
            n.role = "supporting"
        else:
            n.role = "lead"
            seen.add(n.group)


def resolve_implementing(reading: NoteReading) -> None:
    """Where a note states a standing rule, its 负责落实 clause is the rule's
    term: the seed's 各区县（自治县）和…（以下统称区县）负责落实。以下均需区县落实
    gives 区县, once."""
    if reading.standing:
        reading.names = [n for n in reading.names if n.role != "implementing"]


def parse_responsibility(note: str, first_is_lead: bool = False) -> list[tuple[str, str, int, int]]:
    """The assignments of one note: ``(as_written, role, start, end)``, spans
    into ``note``. Standing rules of the note itself apply (their term is
    an ``implementing`` name); ``first_is_lead`` carries a rule stated earlier.

    >>> parse_responsibility("（市机关事务局牵头，市财政局等按职责分工负责）")
    [('市机关事务局', 'lead', 1, 7), ('市财政局', 'supporting', 10, 14)]
    >>> parse_responsibility("(省发展改革委、水利厅负责)")
    [('省发展改革委', 'responsible', 1, 7), ('水利厅', 'responsible', 8, 11)]
    >>> parse_responsibility("（国发〔2021〕33号）")
    []
    """
    norm = fold_punctuation(note)
    reading = read_note(norm)
    if not reading.is_note:
        return []
    if first_is_lead or reading.first_is_lead:
        apply_first_is_lead(reading)
    resolve_implementing(reading)
    out = [(note[n.start:n.end], n.role, n.start, n.end) for n in reading.names]
    out += [(note[s:e], "implementing", s, e) for s, e in reading.standing]
    return out


def find_notes(norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, NoteReading]]:
    """The responsibility notes in ``norm[start:end]``: spans and readings,
    in reading order. A bracket inside a note line belongs to the line.

    >>> t = "1．制定方案。推动低碳（零碳）建筑试点。（市住房城乡建委负责）"
    >>> [t[a:b] for a, b, _ in find_notes(t)]
    ['（市住房城乡建委负责）']
    """
    end = len(norm) if end is None else end
    lines = find_label_lines(norm, start, end)
    spans = lines + [(a, b) for a, b in find_brackets(norm, start, end)
                     if not any(la <= a and b <= lb for la, lb in lines)]
    out = []
    for a, b in sorted(spans):
        reading = read_note(norm[a:b])
        if reading.bare and closes_paragraph(norm, a, b):
            read_bare_list(norm[a:b], reading)
        if reading.is_note or (reading.valid and reading.deadline and (a, b) in lines):
            out.append((a, b, reading))
    return out


def closes_paragraph(norm: str, a: int, b: int) -> bool:
    """Whether the bracket ``norm[a:b]`` stands where a note stands: after a
    full stop, or last on its line (before at most a 。).

    >>> t = "建设绿色工厂。（省工业和信息化厅）\\n由办公室（省发展改革委）统筹。"
    >>> closes_paragraph(t, 7, 17), closes_paragraph(t, 22, 29)
    (True, False)
    """
    after = norm[b:b + 2]
    return norm[a - 1:a] in ("。", "；", "\n", "") or after[:1] in ("\n", "") or after in ("。\n", "。")


def read_bare_list(note: str, reading: NoteReading, vocab: NoteVocabulary | None = None) -> None:
    """A bracket that only lists bodies (（省商务厅、省体育局）) at the close
    of a unit is its note: each name is responsible. Every name must end
    like a body (厅, 局, 委, 人民政府…), so asides such as （零碳） or
    （2021—2025年） stay asides."""
    vocab = vocab or load_vocabulary()
    names = [note[s:e] for s, e in reading.bare]
    if names and all(vocab.is_name(n) and n.endswith(vocab.body_endings) and not _ASIDE_WORDS.search(n)
                     for n in names):
        reading.names = [NoteName(s, e, "responsible") for s, e in reading.bare]
        reading.valid = True


# ---------------------------------------------------------------- deadlines

# the month a quarter or half year ends in (notes.yml)
_QUARTER_END = {str(k): v for k, v in _WORDS["quarter_end"].items()}
_HALF_YEAR = dict(_WORDS["half_year"])
DEADLINE = re.compile(
    r"(?:(?P<year>\d{4})年)?"
    r"(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?"
    rf"|(?P<half>{alternation(_HALF_YEAR)})"
    rf"|第?(?P<quarter>{alternation(map(str, _WORDS['quarter_digits']))})季度"
    r"|(?P<yearend>底|末))?"
)


def parse_deadline(text: str, year: int | None = None) -> str | None:
    """The date a deadline states, as ``2025``, ``2022-06`` or ``2022-06-30``;
    ``year`` fills in a date that names none (6月底 in a plan for 2021).

    >>> parse_deadline("2022年2月底前"), parse_deadline("2021年12月"), parse_deadline("2025年")
    ('2022-02', '2021-12', '2025')
    >>> parse_deadline("6月底", 2021), parse_deadline("2021年四季度"), parse_deadline("2022年6月30日前")
    ('2021-06', '2021', '2022-06-30')
    >>> parse_deadline("持续推进") is None, parse_deadline("根据省政府统一部署安排") is None
    (True, True)
    """
    for m in DEADLINE.finditer(text):
        if not m.group(0):
            continue
        y = int(m.group("year")) if m.group("year") else year
        if y is None:
            continue
        if m.group("month"):
            month = int(m.group("month"))
            if not 1 <= month <= 12:
                continue
            if m.group("day"):
                return f"{y:04d}-{month:02d}-{int(m.group('day')):02d}"
            return f"{y:04d}-{month:02d}"
        if m.group("half"):
            return f"{y:04d}-{_HALF_YEAR[m.group('half')]:02d}"
        q = m.group("quarter")
        if q and q in _QUARTER_END:
            return f"{y:04d}-{_QUARTER_END[q]:02d}"
        if m.group("year"):
            return f"{y:04d}"
    return None

"""The clauses of a note, read by an ordered list of named rules.

A note is a run of clauses split on ，；。 (outside nested brackets). Each
clause goes down :data:`CLAUSE_RULES` until a rule takes it; a rule may also
trim the clause and pass it on (a field label, a trailing first-is-lead
rule). What the clauses read so far is a :class:`NoteState`.

>>> [name for name, _ in CLAUSE_RULES]  # doctest: +NORMALIZE_WHITESPACE
['field_label', 'absorbed_field', 'trailing_lead_rule', 'first_is_lead', 'standing_rule',
 'standing_after', 'ignorable', 'time', 'verb', 'field_names', 'pending']
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ...patterns import compile_patterns
from ...vocab import default_vocabulary
from .names import is_name, role_mark, split_names
from .reading import NoteName, NoteReading
from .rules import lead_rule_kind, standing_term


@dataclass
class Clause:
    """The span of one clause in its note (rules may trim it)."""

    start: int
    end: int


@dataclass
class NoteState:
    """What the clauses of one note have read so far."""

    note: str
    vocab: Any  # the whole Vocabulary
    pats: Any  # its NotePatterns
    reading: NoteReading = field(default_factory=NoteReading)
    field_role: str | None = None  # role of the open 责任单位： field
    absorbing: bool = False  # inside a 完成时限：/适用范围： field
    pending: list[tuple[int, int]] = field(default_factory=list)  # names waiting for their verb
    implementing: list[tuple[int, int]] = field(default_factory=list)  # names of the last 负责落实 clause
    group: int = 0
    has_lead: bool = False
    clause_starts: list[int] = field(default_factory=list)  # where each clause opens, in order

    @classmethod
    def begin(cls, note: str, vocab=None) -> NoteState:
        vocab = default_vocabulary(vocab)
        return cls(note, vocab, compile_patterns(vocab).notes)

    @property
    def words(self):
        return self.pats.words

    def clause_of(self, pos: int) -> int:
        """The number of the clause that holds ``pos``."""
        return max(0, bisect_right(self.clause_starts, pos) - 1)

    def text(self, clause: Clause) -> str:
        return self.note[clause.start:clause.end]

    def open_clause(self, s: int, e: int, sep: str) -> Clause | None:
        """The clause ``note[s:e]`` after separator ``sep``, trimmed: a full
        stop closes the open field, a ； opens a new group of names."""
        p = self.words.punctuation
        self.clause_starts.append(s)
        if sep == p.full_stop:
            self.field_role, self.absorbing = None, False
        if sep == p.group_separator:
            self.group += 1
        while s < e and self.note[s].isspace():
            s += 1
        while e > s and (self.note[e - 1].isspace() or self.note[e - 1] in p.full_stop):
            e -= 1
        return Clause(s, e) if s < e else None


def try_rule(rule, note: str, **state) -> tuple[bool, str, NoteState]:
    """Run one clause rule on the whole of ``note`` (for the examples):
    whether it took the clause, the clause as it left it, and the state."""
    st = NoteState.begin(note)
    for name, value in state.items():
        setattr(st, name, value)
    clause = Clause(0, len(note))
    return rule(clause, st), st.text(clause), st


def assign(st: NoteState, spans: list[tuple[int, int]], role: str) -> None:
    """Give ``spans`` (one clause's names) ``role``; a clause with a run
    that is no name (企业须对所报数据) is not understood and is dropped
    whole, while the clauses understood keep their names."""
    note, words = st.note, st.words
    marked = [(s, *role_mark(note, s, e, st.vocab)) for s, e in spans if note[s:e] not in words.anaphora]
    if not all(is_name(note[s:e], words) for s, e, _ in marked):
        st.reading.dropped += 1
        return
    for s, e, own_role in marked:
        st.reading.names.append(NoteName(s, e, own_role or role, st.group, st.clause_of(s)))
        st.has_lead = st.has_lead or (own_role or role) == "lead"


# ---------------------------------------------------------------- the rules
# Each takes (clause, state) and returns True when it has read the clause.


def read_field_label(clause: Clause, st: NoteState) -> bool:
    """A field label: 责任单位： opens a field whose names take its role (and
    the clause goes on without the label); 完成时限： and 适用范围： open a
    field read no further (the deadline's value is kept).

    >>> consumed, rest, st = try_rule(read_field_label, "配合单位：市丙局")
    >>> consumed, rest, st.field_role
    (False, '市丙局', 'supporting')
    >>> try_rule(read_field_label, "完成时限：2024年底前")[2].reading.deadline
    (5, 12)
    """
    m = st.pats.label.match(st.note, clause.start, clause.end)
    if not m:
        return False
    label = "".join(m.group(1).split())  # 牵头单\n位 is 牵头单位
    if label in st.words.role_labels:
        st.field_role, st.absorbing = st.words.role_labels[label], False
        clause.start = m.end()
        return False
    st.field_role, st.absorbing = None, True
    if label in st.words.deadline_labels and st.reading.deadline is None:
        st.reading.deadline = (m.end(), clause.end)
    return True


def skip_absorbed_field(clause: Clause, st: NoteState) -> bool:
    """A clause inside a 完成时限：/适用范围： field says nothing of who.

    >>> try_rule(skip_absorbed_field, "全市试点地区", absorbing=True)[0]
    True
    """
    return st.absorbing


def cut_trailing_lead_rule(clause: Clause, st: NoteState) -> bool:
    """A first-is-lead rule in brackets after the last name states the rule
    and is cut off; the names before go on.

    >>> consumed, rest, st = try_rule(cut_trailing_lead_rule, "市甲局、市乙局（排在第一的为牵头单位）")
    >>> consumed, rest, st.reading.lead_rule
    (False, '市甲局、市乙局', 'first')
    """
    note, brackets = st.note, st.words.brackets
    if note[clause.end - 1] in brackets.closing:
        inner_open = brackets.matching_open(note, clause.start, clause.end - 1)
        kind = lead_rule_kind(note[inner_open:clause.end], st.vocab) if inner_open is not None else None
        if kind and inner_open > clause.start:
            st.reading.lead_rule = kind
            clause.end = inner_open
    return False


def read_first_is_lead(clause: Clause, st: NoteState) -> bool:
    """A clause that states a lead rule (its words are no name).

    >>> consumed, _, st = try_rule(read_first_is_lead, "列第一位者为牵头单位")
    >>> consumed, st.reading.lead_rule
    (True, 'first')
    >>> try_rule(read_first_is_lead, "逗号前为牵头单位")[2].reading.lead_rule
    'before_comma'
    """
    kind = lead_rule_kind(st.text(clause), st.vocab)
    if kind:
        st.reading.lead_rule = kind
        return True
    return False


def read_standing_rule(clause: Clause, st: NoteState) -> bool:
    """A standing implementing rule: its term's names are the standing bodies.

    >>> st = try_rule(read_standing_rule, "以下均需各区县落实")[2]
    >>> [st.note[a:b] for a, b in st.reading.standing]
    ['各区县']
    """
    term = standing_term(st.note, clause.start, clause.end, st.vocab)
    if term:
        st.reading.standing.extend(split_names(st.note, *term, vocab=st.vocab))
        return True
    return False


def read_standing_after(clause: Clause, st: NoteState) -> bool:
    """以下各条均涉及 after a bare list: the names waiting are the standing bodies.

    >>> try_rule(read_standing_after, "以下均涉及", pending=[(0, 2)])[2].reading.standing
    [(0, 2)]
    """
    clause_text = st.text(clause)
    if any(clause_text.endswith(w) or clause_text == w for w in st.words.standing_implementing_after):
        st.reading.standing.extend(st.pending)
        st.pending = []
        return True
    return False


def skip_ignorable(clause: Clause, st: NoteState) -> bool:
    """下同, 不再列出: nothing of who; after 各区县人民政府负责落实 the bodies of
    that clause become the standing rule's term.

    >>> try_rule(skip_ignorable, "下同", implementing=[(0, 2)])[2].reading.standing
    [(0, 2)]
    >>> try_rule(skip_ignorable, "以下任务不再列出")[0]
    True
    """
    text = st.text(clause)
    if text not in st.words.ignorable and not st.pats.ignorable.fullmatch(text):
        return False
    if not st.reading.standing:
        st.reading.standing.extend(st.implementing)
    return True


def skip_time(clause: Clause, st: NoteState) -> bool:
    """A clause that only says when: 2024年底前完成, 持续推进.

    >>> try_rule(skip_time, "2024年底前完成")[0], try_rule(skip_time, "市甲局负责")[0]
    (True, False)
    """
    text = st.text(clause)
    return text in st.words.timeless or (
        any(ch.isdigit() for ch in text) and st.pats.time_clause.fullmatch(text) is not None)


def _match_verb(clause: str, words) -> tuple[str, str] | None:
    """The role verb ``clause`` ends in (a PDF line break inside it, 配\n合, is no matter)."""
    clause = "".join(clause.split())
    for verb, role in words.role_verbs:
        if clause.endswith(verb):
            return verb, role
    return None


def _before_last(note: str, start: int, end: int, n: int) -> int:
    """Where the last ``n`` characters of ``note[start:end]`` that are no blank begin."""
    while n and end > start:
        end -= 1
        n -= not note[end].isspace()
    return end


def read_verb(clause: Clause, st: NoteState) -> bool:
    """Names ending in a role verb take its role, with the names waiting
    before them; 按职责分工负责 supports after a lead, else is responsible.

    >>> st = try_rule(read_verb, "市甲局、市乙局按职责分工负责", has_lead=True)[2]
    >>> [(st.note[n.start:n.end], n.role) for n in st.reading.names]
    [('市甲局', 'supporting'), ('市乙局', 'supporting')]
    """
    verb = _match_verb(st.text(clause), st.words)
    if not verb:
        return False
    word, role = verb
    names_end = _before_last(st.note, clause.start, clause.end, len(word))
    duty = st.pats.duty_modifier.search(st.note, clause.start, names_end)
    if duty:  # 按职能职责负责, 按职责指导: the verb's role, the names before
        names_end = duty.start()
        role = "by_duty" if role == "responsible" else role
    names = split_names(st.note, clause.start, names_end, vocab=st.vocab)
    st.implementing = st.pending + names if role == "implementing" else []
    if role == "by_duty":
        marked = any(role_mark(st.note, *span, st.vocab)[1] == "lead" for span in st.pending + names)
        role = "supporting" if st.has_lead or marked else "responsible"
    assign(st, st.pending + names, role)
    st.pending = []
    return True


def read_field_names(clause: Clause, st: NoteState) -> bool:
    """Names in an open field take the field's role.

    >>> st = try_rule(read_field_names, "市丙局、市丁局", field_role="supporting")[2]
    >>> [(n.start, n.end, n.role) for n in st.reading.names]
    [(0, 3, 'supporting'), (4, 7, 'supporting')]
    """
    if not st.field_role:
        return False
    assign(st, split_names(st.note, clause.start, clause.end, vocab=st.vocab), st.field_role)
    return True


def keep_pending(clause: Clause, st: NoteState) -> bool:
    """Bare names wait for the next clause's verb.

    >>> try_rule(keep_pending, "市甲局、市乙局")[2].pending
    [(0, 3), (4, 7)]
    """
    st.pending.extend(split_names(st.note, clause.start, clause.end, vocab=st.vocab))
    return True


CLAUSE_RULES = (
    # a label first: it decides how the rest of the clause (and the field) reads
    ("field_label", read_field_label),
    # inside a 完成时限： field nothing is a name, whatever it looks like
    ("absorbed_field", skip_absorbed_field),
    # before any rule reads the clause whole: a trailing （…为牵头单位） is cut
    # off so the names before it are read by the rules below
    ("trailing_lead_rule", cut_trailing_lead_rule),
    # rules about the note are no names: before the verb rule, as 牵头 ends them
    ("first_is_lead", read_first_is_lead),
    # 以下均需X落实 ends in 落实, a verb: the standing rule must come first
    ("standing_rule", read_standing_rule),
    # 以下各条均涉及 would otherwise wait as a bare name; it claims the names waiting
    ("standing_after", read_standing_after),
    # 下同 would otherwise wait as a bare name; it reads the last 负责落实 clause
    ("ignorable", skip_ignorable),
    # a time clause may end in a verb-like word (完成): before the verbs
    ("time", skip_time),
    # names with their verb: the common case, once every rule clause is out
    ("verb", read_verb),
    # names with no verb: the open field's role, else they wait (last)
    ("field_names", read_field_names),
    ("pending", keep_pending),
)


def split_clauses(note: str, a: int, b: int, vocab=None) -> list[tuple[int, int, str]]:
    """The clauses of a note: split on ，；。 outside brackets, and before a
    label that runs into the name before it (市审计局完成时限：…); a clause cut
    so has no separator before it ('').

    >>> t = "责任单位：市审计局完成时限：2023年6月底前"
    >>> [t[s:e] for s, e, _ in split_clauses(t, 0, len(t))]
    ['责任单位：市审计局', '完成时限：2023年6月底前']
    """
    pats = compile_patterns(vocab).notes
    brackets = pats.words.brackets
    cuts = [m.start() for m in pats.label.finditer(note, a, b) if not brackets.unclosed(note, a, m.start())]
    clauses = []
    for s, e, sep in brackets.split(note, pats.words.punctuation.clause_separators, a, b):
        for c in [c for c in cuts if s < c < e]:
            clauses.append((s, c, sep))
            s, sep = c, ""
        clauses.append((s, e, sep))
    return clauses


def settle_pending(st: NoteState) -> None:
    """After the last clause, names still waiting for a verb: dropped if
    the note said something else, else the note is no note (but may be a
    bare list of bodies)."""
    if not st.pending:
        return
    if st.reading.lead_rule and not st.reading.names:  # （市甲局、市乙局，列第一位者为牵头单位）
        assign(st, st.pending, "responsible")
    elif st.reading.names or st.reading.standing:
        st.reading.dropped += 1
    else:
        st.reading.valid = False
        if st.reading.deadline is None:
            st.reading.bare = st.pending


def read_note(note: str, vocab=None) -> NoteReading:
    """Read one note (folded text, brackets stripped or not).

    >>> note = "（市农业农村委牵头，市发展改革委、市能源局等按职责分工负责）"
    >>> [(note[n.start:n.end], n.role) for n in read_note(note).names]
    [('市农业农村委', 'lead'), ('市发展改革委', 'supporting'), ('市能源局', 'supporting')]
    >>> read_note("（以下简称“两高”）").is_note, read_note("（企业须对所报数据负责）").is_note
    (False, False)
    """
    st = NoteState.begin(note, vocab)
    brackets = st.words.brackets
    a, b = 0, len(note)
    if b - a >= 2 and note[a] in brackets.opening and note[b - 1] in brackets.closing:
        a, b = a + 1, b - 1
    for s, e, sep in split_clauses(note, a, b, st.vocab):
        clause = st.open_clause(s, e, sep)
        if clause is not None:
            any(rule(clause, st) for _, rule in CLAUSE_RULES)
    settle_pending(st)
    return st.reading

"""Paragraphs and documents -> targets: the years each target is for.

Years come from the paragraph: 到2025年 (or “十四五”期间) governs what follows
it to the end of its paragraph (a period only its own sentence); a lead-in
ending in ``：`` governs the list below it; a heading that names a year
governs its body and children; a one-year plan or a task's deadline dates
what states no year. Goals dated before the plan was issued are what was
done, not goals. The time grammar itself is :mod:`policykb.dates`.

All matching is on ``Source.norm``; evidence is sliced from ``Source.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...dates import (YearWindows, deadline_year, issue_year, lead_in_time, marker_year, plan_year, read_period,
                      read_target_year, read_time_list, year_at_end, year_markers)
from ...models import Document, Section, Source, Target, Task
from ...patterns import compile_patterns
from ...vocab import default_vocabulary
from ..quantity import find_quantities
from .clause import ReadTarget, read_clause
from .indicators import clean_indicator

# Clauses end at these marks (after folding: ，；：are full-width, 。stays).
CLAUSE_MARKS = "，；。：！？\n"

# A clause short enough to name an indicator for the next (控制全省煤炭消费总量，).
TOPIC_LENGTH = 16


def clauses(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The spans of the clauses of ``text``.

    >>> clauses("到2025年，能耗下降14%。")
    [(0, 6), (7, 14)]
    """
    spans, s = [], start
    for i, ch in enumerate(text):
        if ch in CLAUSE_MARKS:
            if i > s:
                spans.append((s, i))
            s = i + 1
    if s < len(text):
        spans.append((s, len(text)))
    return spans


@dataclass
class ParagraphState:
    """The time (and the borrowed indicator) in force as a paragraph is read."""

    year: int | None
    period_base: int | None = None  # the baseline of a period in force (“十四五”: 2020)
    before_period: tuple | None = None  # the year a period marker displaced
    previous: ReadTarget | None = None
    topic: str = ""
    times: list = field(default_factory=list)  # 2025年和2030年: the years a 分别 list spreads over
    windows: YearWindows = field(default_factory=YearWindows)  # 5年内: the document's periods of N years


def _set_year(st: ParagraphState, text: str, s: int, head: str, vocab) -> bool:
    """Time words in a clause before its first number (``head``) set the year;
    True when the clause states one."""
    stated = False
    if text[max(0, s - 1):s] in ("。", "\n") and s > 0:
        st.previous, st.topic, st.times = None, "", []  # an elliptical clause borrows only within its sentence
        if st.before_period is not None:
            # “十四五”时期 governs its own sentence; 到2025年 the whole paragraph
            st.year, st.period_base, st.before_period = st.before_period[0], None, None
    for m in year_markers(head, vocab):
        st.year, st.period_base, stated = marker_year(m), None, True
        st.before_period = None
    window = st.windows.read(head, vocab)
    if window:
        st.year, st.period_base, stated, st.before_period = window, None, True, None
    period = read_period(head, vocab)
    if period:
        st.before_period = st.before_period or (st.year,)
        st.period_base, st.year, stated = period[0], period[1], True
    st.times = read_time_list(head, vocab) or st.times
    return stated


def _date(t: ReadTarget, st: ParagraphState, stated: bool, clause: str, default_year: int | None, vocab) -> None:
    """Give a target the year (and the baseline) in force."""
    t.target_year = st.year
    if t.extra.get("per_year") and not stated and not read_target_year(clause, vocab) and st.year == default_year:
        t.target_year = None
    if t.baseline_year is None and st.period_base and t.change in ("decrease_by", "increase_by"):
        t.baseline_year = st.period_base
    if t.baseline_year is None and t.extra.get("year_on_year") and t.target_year:
        t.baseline_year = t.target_year - 1  # 2022年…同比下降1.2%: against 2021


def _read_dated_clause(text: str, s: int, e: int, st: ParagraphState, default_year: int | None, vocab
                       ) -> list[ReadTarget]:
    clause = text[s:e]
    qs = find_quantities(clause, vocab)
    head = clause[: qs[0].start] if qs else clause
    stated = _set_year(st, text, s, head, vocab)
    found = read_clause(clause, vocab, st.previous, year_context=st.year is not None, topic=st.topic)
    st.topic = clean_indicator(clause, vocab) if not qs and len(clause) <= TOPIC_LENGTH else ""
    for t in found:
        _date(t, st, stated, clause, default_year, vocab)
    spread = spread_over_times(found, st.times)
    for t in spread:
        if t.kind == "target":
            st.previous = t
    for m in year_markers(clause[len(head):], vocab):
        st.year, st.period_base = marker_year(m), None
    return spread


def read_paragraph(text: str, offset: int, default_year: int | None, vocab=None, windows: YearWindows | None = None,
                   default_base: int | None = None) -> list[tuple[ReadTarget, int, int]]:
    """Targets of one paragraph with the clause span of each (absolute offsets);
    ``windows`` holds the document's periods of N years (5年内) and its year of
    issue; ``default_base`` the baseline of a period a lead-in names (“十四五”期间，…：).

    >>> [(t.indicator, t.target_year, t.baseline_year) for t, _, _ in
    ...  read_paragraph("“十四五”期间，规上工业单位增加值能耗下降14.5%。", 0, None)]
    [('规上工业单位增加值能耗', 2025, 2020)]
    """
    vocab = default_vocabulary(vocab)
    st = ParagraphState(year=default_year, period_base=default_base,
                        windows=windows if windows is not None else YearWindows())
    out = []
    for s, e in clauses(text, 0):
        out.extend((t, offset + s, offset + e) for t in _read_dated_clause(text, s, e, st, default_year, vocab))
    return out


def spread_over_times(found: list[ReadTarget], times: list[tuple[int | None, int]]) -> list[ReadTarget]:
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


@dataclass
class DocumentTimes:
    """The years a document gives its sections: the plan's own year, the year
    it was issued, the tasks' deadlines, and each section's lead-in year."""

    plan_year: int | None
    issued: int | None
    task_at: dict[str, Task]
    by_id: dict[int, Section]
    lead_year: dict[int, tuple[int, int | None] | None] = field(default_factory=dict)  # (year, period base)
    windows: YearWindows = field(default_factory=YearWindows)


def _plan_year(document: Document, source: Source, vocab) -> int | None:
    """The year of a one-year plan (某市节水型社会2023年行动计划)."""
    title = document.title or source.norm[:200].split("\n", 1)[0]
    return plan_year(title, vocab)


def _inherited_year(section: Section, doc: DocumentTimes) -> tuple[int, int | None] | None:
    """The lead-in (year, period base) of the nearest ancestor that has one."""
    inherited = None
    parent = doc.by_id.get(section.parent_id) if section.parent_id is not None else None
    while parent is not None and inherited is None:
        inherited = doc.lead_year.get(parent.id)
        parent = doc.by_id.get(parent.parent_id) if parent.parent_id is not None else None
    return inherited


def _section_targets(norm: str, section: Section, doc: DocumentTimes, vocab):
    """(read target, start, end) of every goal in one section's body."""
    start = section.start + len(section.label)
    body = norm[start:max(section.end, start)]
    inherited = _inherited_year(section, doc)
    # a heading that names a year (（一）到2025年目标) governs its body and children
    title_year = read_target_year(section.title or "", vocab) if section.title else None
    doc.lead_year[section.id] = lead_in_time(body, vocab, doc.windows) or ((title_year, None) if title_year else None)
    base = inherited[1] if inherited and not title_year else None  # “十四五”期间，…：\n（一）…下降13.5%
    default = title_year or (inherited[0] if inherited else None) or deadline_year(
        doc.task_at.get(section.path), vocab) or doc.plan_year
    bullet_pattern = compile_patterns(vocab).targets.bullet
    pos = 0
    lead = None  # the year a paragraph leaves for the dash list after it
    for para in body.split("\n"):
        if para.strip():
            bullet = bullet_pattern.match(para) is not None
            year = (lead if bullet else None) or default
            year_base = base if year == default else None
            for rt, s, e in read_paragraph(para, start + pos, year, vocab, doc.windows, year_base):
                if rt.kind == "target" and rt.target_year and doc.issued and rt.target_year < doc.issued:
                    continue  # 2020年…为8000万吨, “十三五”期间…下降18.6%: what was done, not a goal
                yield rt, s, e
            if not bullet:
                lead = year_at_end(para, vocab)
        lead_in = lead_in_time(para, vocab, doc.windows)
        if lead_in:
            default, base = lead_in
        pos += len(para) + 1


def extract_targets(source: Source, document: Document, sections: list[Section], tasks: list[Task], vocab=None
                    ) -> list[Target]:
    """Every target (and threshold) of the plan, at the path it stands in."""
    vocab = default_vocabulary(vocab)
    doc = DocumentTimes(plan_year=_plan_year(document, source, vocab), issued=issue_year(document, vocab),
                        task_at={t.path: t for t in tasks}, by_id={s.id: s for s in sections})
    doc.windows.issued = doc.issued
    targets: list[Target] = []
    for section in sections:
        for rt, s, e in _section_targets(source.norm, section, doc, vocab):
            targets.append(to_target(len(targets) + 1, section.path, rt, s, e, source.text))
    return targets


def to_target(id_: int, path: str, rt: ReadTarget, start: int, end: int, text: str) -> Target:
    """The record's target from a read target and its clause span."""
    q = rt.quantity
    value = int(q.value) if float(q.value).is_integer() else q.value
    base = q.value_base
    return Target(
        id=id_, kind=rt.kind, path=path, indicator=rt.indicator, value=value, unit=q.unit,
        comparator=rt.comparator, change=rt.change, baseline_year=rt.baseline_year,
        target_year=rt.target_year, text=text[start:end], start=start, end=end,
        value_base=int(base) if float(base).is_integer() else base, unit_base=q.unit_base,
    )

"""Finding the notes of a text: bracketed notes and label lines.

A note stands in brackets after a sentence (``（市农业农村委牵头…）``), on a
line of its own after a label (``责任单位：市发展改革委``), or, at the close of
a unit, as a bracket that only lists bodies (``（省商务厅、省体育局）``).
"""
from __future__ import annotations

from ...patterns import compile_patterns
from ...read.normalize import fold_punctuation
from .clauses import NoteName, NoteReading, read_note
from .names import MAX_NAME, is_name, spell_out
from .rules import apply_lead_rule, resolve_implementing


def find_brackets(norm: str, start: int = 0, end: int | None = None, vocab=None) -> list[tuple[int, int]]:
    """Spans ``(open, close + 1)`` of the outermost bracket groups in
    ``norm[start:end]``; a bracket left open at the end of its line is
    dropped, unless the next line closes it (a note that PDF extraction
    broke over two lines) before a full stop and within a note's length.

    >>> find_brackets("任务。（市A局（含B）负责）（C）")
    [(3, 14), (14, 17)]
    >>> t = "任务。（市A局、\\n市B局负责）\\n（二）任务（\\n下一段。"
    >>> [t[a:b] for a, b in find_brackets(t)]
    ['（市A局、\\n市B局负责）', '（二）']
    """
    words = compile_patterns(vocab).notes.words
    return words.brackets.outermost(norm, start, end, carry=2 * MAX_NAME, stops=words.punctuation.full_stop)


def find_label_lines(norm: str, start: int = 0, end: int | None = None, vocab=None) -> list[tuple[int, int]]:
    """Spans of notes written as lines of their own (``责任单位：…``,
    ``完成时限：…``), from the label to the end of the line. A label must
    open its line or follow a full stop.

    >>> text = "1．制定方案。\\n责任单位：市发展改革委\\n完成时限：2023年6月底前"
    >>> [text[a:b] for a, b in find_label_lines(text)]
    ['责任单位：市发展改革委', '完成时限：2023年6月底前']
    """
    pats = compile_patterns(vocab).notes
    p = pats.words.punctuation
    end = len(norm) if end is None else end
    spans = []
    for m in pats.label.finditer(norm, start, end):
        before = norm[max(start, m.start() - 1):m.start()]
        line_start = norm.rfind("\n", 0, m.start()) + 1
        if before and before not in "\n" + p.full_stop + p.group_separator and norm[line_start:m.start()].strip():
            continue
        if pats.words.brackets.unclosed(norm, line_start, m.start()):
            continue
        if spans and spans[-1][1] > m.start():  # a second label on the same line
            continue
        line_end = norm.find("\n", m.start(), end)
        spans.append((m.start(), end if line_end < 0 else line_end))
    return spans


def closes_paragraph(norm: str, a: int, b: int, vocab=None) -> bool:
    """Whether the bracket ``norm[a:b]`` stands where a note stands: after a
    full stop, or last on its line (before at most a 。).

    >>> t = "建设绿色工厂。（省工业和信息化厅）\\n由办公室（省发展改革委）统筹。"
    >>> closes_paragraph(t, 7, 17), closes_paragraph(t, 22, 29)
    (True, False)
    """
    p = compile_patterns(vocab).notes.words.punctuation
    after = norm[b:b + 2]
    return (norm[a - 1:a] in (p.full_stop, p.group_separator, "\n", "") or after[:1] in ("\n", "")
            or after in (p.full_stop + "\n", p.full_stop))


def read_bare_list(note: str, reading: NoteReading, vocab=None, ruled: bool = False) -> None:
    """A bracket that only lists bodies (（省商务厅、省体育局）) at the close
    of a unit is its note: each name is responsible. Every name must end
    like a body (厅, 局, 委, 人民政府…), so asides such as （零碳） or
    （2021—2025年） stay asides; after a note that said 按职能分工负责，下同
    (``ruled``), bare lists are the plan's notes and one such name is enough
    (（省能源局、各市（州）、省有关部门）)."""
    pats = compile_patterns(vocab).notes
    words = pats.words
    names = [note[s:e] for s, e in reading.bare]
    # an elliptical part (市 of 市、区机管局) ends as the name it stands for
    bodies = [(full or n).endswith(words.body_endings) for n, full in zip(names, spell_out(names, vocab))]
    if names and all(is_name(n, words) and not pats.aside.search(n) for n in names) and (
            all(bodies) or (ruled and any(bodies))):
        reading.names = [NoteName(s, e, "responsible") for s, e in reading.bare]
        reading.valid = True


def find_notes(norm: str, start: int = 0, end: int | None = None, vocab=None,
               bare_rule: int | None = None) -> list[tuple[int, int, NoteReading]]:
    """The responsibility notes in ``norm[start:end]``: spans and readings,
    in reading order. A bracket inside a note line belongs to the line;
    after ``bare_rule`` (where the plan said 按职能分工负责，下同) bare lists
    read more freely (:func:`read_bare_list`).

    >>> t = "1．制定方案。推动低碳（零碳）建筑试点。（市住房城乡建委负责）"
    >>> [t[a:b] for a, b, _ in find_notes(t)]
    ['（市住房城乡建委负责）']
    """
    end = len(norm) if end is None else end
    lines = find_label_lines(norm, start, end, vocab)
    spans = lines + [(a, b) for a, b in find_brackets(norm, start, end, vocab)
                     if not any(la <= a and b <= lb for la, lb in lines)]
    out = []
    for a, b in sorted(spans):
        reading = read_note(norm[a:b], vocab)
        if reading.bare and closes_paragraph(norm, a, b, vocab):
            read_bare_list(norm[a:b], reading, vocab, ruled=bare_rule is not None and bare_rule < a)
        if reading.is_note or (reading.valid and reading.deadline and (a, b) in lines):
            out.append((a, b, reading))
    return out


def parse_responsibility(note: str, first_is_lead: bool | str = False, vocab=None) -> list[tuple[str, str, int, int]]:
    """The assignments of one note: ``(as_written, role, start, end)``, spans
    into ``note``. Standing rules of the note itself apply (their term is
    an ``implementing`` name); ``first_is_lead`` carries a lead rule stated
    earlier (True for ``first``, or the rule's kind).

    >>> parse_responsibility("（市机关事务局牵头，市财政局等按职责分工负责）")
    [('市机关事务局', 'lead', 1, 7), ('市财政局', 'supporting', 10, 14)]
    >>> parse_responsibility("(省发展改革委、水利厅负责)")
    [('省发展改革委', 'responsible', 1, 7), ('水利厅', 'responsible', 8, 11)]
    >>> parse_responsibility("（国发〔2021〕33号）")
    []
    """
    norm = fold_punctuation(note)
    reading = read_note(norm, vocab)
    if not reading.is_note:
        return []
    earlier = "first" if first_is_lead is True else first_is_lead or None
    apply_lead_rule(reading, reading.lead_rule or earlier)
    resolve_implementing(reading)
    out = [(note[n.start:n.end], n.role, n.start, n.end) for n in reading.names]
    out += [(note[s:e], "implementing", s, e) for s, e in reading.standing]
    return out

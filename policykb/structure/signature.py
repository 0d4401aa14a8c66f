"""Dates, document numbers and the signature (发文机关署名, 成文日期).

Small readers of the head's parts: :func:`parse_date` (2022年9月18日),
:func:`find_doc_numbers` (渝府发〔2022〕39号) and :func:`signature_at` (the
issuer lines above a date).
"""
from __future__ import annotations

from ..numerals import parse_chinese_number
from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .lines import Line, has_sentence_end

# marks that no issuer line holds: it is a name, not a clause
_CLAUSE_MARKS = "，：；"


def parse_date(text: str, vocab=None) -> str | None:
    """ISO form of the first date in ``text`` (Arabic or Chinese numerals).

    >>> parse_date("2022年9月18日"), parse_date("二〇二二年九月十八日")
    ('2022-09-18', '2022-09-18')
    >>> parse_date("到2025年") is None
    True
    """
    vocab = default_vocabulary(vocab)
    m = compile_patterns(vocab).structure.date.search(text)
    if not m:
        return None
    parts = []
    for key in ("y", "m", "d"):
        s = m.group(key)
        value = int(s) if s.isdigit() else parse_chinese_number(s, vocab.numerals)
        if value is None:
            return None
        parts.append(value)
    y, mo, d = parts
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def is_date_line(line: str, vocab=None) -> bool:
    """True for a line that is only a date: the 成文日期 under a signature.

    >>> is_date_line("2022年9月18日  "), is_date_line("（2018年12月29日）")
    (True, True)
    >>> is_date_line("2022年9月18日印发"), is_date_line("到2025年9月底前完成。")
    (False, False)
    """
    vocab = default_vocabulary(vocab)
    s = line.strip().strip("（）")
    m = compile_patterns(vocab).structure.date.fullmatch(s.strip())
    return bool(m) and parse_date(s, vocab) is not None


def find_doc_numbers(norm: str, vocab=None) -> list[tuple[int, int, str]]:
    """Document numbers (发文字号) in folded text: (start, end, number with 〔〕).

    >>> [n for _, _, n in find_doc_numbers("根据《通知》（国发〔2021〕33号）和黑环办发〔2021〕119号")]
    ['国发〔2021〕33号', '黑环办发〔2021〕119号']
    >>> [n for _, _, n in find_doc_numbers("的通知工信节〔2019〕58号各市")]
    ['工信节〔2019〕58号']
    """
    vocab = default_vocabulary(vocab)
    out = []
    for m in compile_patterns(vocab).structure.doc_number.finditer(norm):
        code = cut_code(m.group("code"), vocab.layout)
        if not code:
            continue
        start = m.start("code") + len(m.group("code")) - len(code)
        out.append((start, m.end(), number_text(m, vocab.layout, code)))
    return out


def number_text(m, layout, code: str | None = None) -> str:
    """A document number as written with 〔〕, from a doc-number match."""
    code = cut_code(m.group("code"), layout) if code is None else code
    return f"{code}〔{m.group('y')}〕{m.group('n')}{layout.doc_number_suffix}"


def cut_code(code: str, layout) -> str:
    """The issuer code of a document number, without the words before it."""
    cut = 0
    for stop in layout.doc_number_stops:
        i = code.rfind(stop)
        if i >= 0:
            cut = max(cut, i + len(stop))
    return code[cut:][-6:]


def _issuer_on_date_line(s: str, vocab) -> tuple[list[str], str] | None:
    """某市人民政府  2022年9月18日 (or run together by a scraper): the issuer
    names before the date and the date, or None."""
    m = compile_patterns(vocab).structure.date.search(s)
    who = s[: m.start()].strip() if m and m.end() == len(s) else ""
    if not who or len(who) > 80 or not who.endswith(vocab.layout.issuer_suffixes):
        return None
    if has_sentence_end(who, _CLAUSE_MARKS):
        return None
    return who.split(), m.group()


def _names_above(lines: list[Line], k: int) -> list[str]:
    """The short name lines right above ``lines[k]``, split at spaces."""
    names: list[str] = []
    j = k - 1
    while j >= 0 and len(names) < 10:
        above = lines[j].norm
        if has_sentence_end(above, _CLAUSE_MARKS) or len(above) > 40:
            break
        names[:0] = above.split()
        j -= 1
    return names


def signature_at(lines: list[Line], k: int, vocab=None) -> tuple[str, str | None] | None:
    """(ISO date, issuer or None) when ``lines[k]`` is a 成文日期, alone or
    after the issuer on its line; the issuer is read from the lines above.

    >>> from policykb.structure.lines import split_lines
    >>> ls = split_lines("某市人民政府办公厅\\n2022年9月18日\\n")
    >>> signature_at(ls, 1), signature_at(ls, 0)
    (('2022-09-18', '某市人民政府办公厅'), None)
    >>> signature_at(split_lines("某市人民政府  2022年9月18日"), 0)
    ('2022-09-18', '某市人民政府')
    """
    vocab = default_vocabulary(vocab)
    s = lines[k].norm
    if is_date_line(s, vocab):
        names = _names_above(lines, k)
    else:
        found = _issuer_on_date_line(s, vocab)
        if found is None:
            return None
        names, s = found
    names = [n for n in names if n.endswith(vocab.layout.issuer_suffixes)]
    return parse_date(s, vocab), "、".join(names) or None

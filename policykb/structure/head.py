"""The head of a document: title, cover notice, document number, issuer,
date and signature, and where the numbered body starts.

How a head is laid out: an optional red-head masthead (重庆市人民政府文件);
an optional **cover notice** (国务院关于印发X的通知, 文号, 主送, a few lines,
signature, 成文日期, （此件公开发布）) that transmits the plan; the **plan
title**, often printed over two or three lines (:mod:`.title`). The words are
data (``data/structure.yml``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..models import Document, Source
from ..patterns import compile_patterns
from ..vocab import default_vocabulary
from .jurisdiction import find_jurisdiction, guess_jurisdiction, short_level, spell_out_issuer
from .lines import Line, has_sentence_end
from .signature import find_doc_numbers, number_text, signature_at
from .title import TopTitle, find_plan_title, is_notice_tail, join_title, read_top_title, title_span, transmits, transmitted_title


@dataclass
class Head:
    """What the head of a document says, before the body is parsed."""

    document: Document
    body_index: int  # index into lines where the body starts
    notice: bool = False


def _notice_body(doc: Document, lines: list[Line], body_index: int, top: TopTitle, text: str, vocab) -> int:
    """Under a cover notice: the plan's title (found, or the one the notice
    names) into ``doc``; returns where the plan's body starts."""
    hint = transmitted_title(top.text, vocab.layout)
    found = find_plan_title(lines, body_index, hint, vocab)
    if found and found[1] > found[0]:
        a, b = found
        doc.title = join_title(lines[a:b], text)
        doc.title_start, doc.title_end = title_span(lines[a:b], text)
        return a
    doc.title = hint
    return found[0] if found else body_index


def _plan_body(doc: Document, lines: list[Line], body_index: int, top: TopTitle, text: str, layout) -> int:
    """A document with no cover notice: its own title into ``doc``; returns
    where its body starts (0: everything is body)."""
    doc.title = top.text or None
    if top.lines:
        doc.title_start, doc.title_end = title_span(top.lines, text)
        doc.title = join_title(top.lines, text)
    # a notice or opinion addressed to its readers: the body follows the 主送 line
    for k in range(body_index, min(body_index + 3, len(lines))):
        if lines[k].norm.endswith("：") and not has_sentence_end(lines[k].norm):
            body_index = k + 1
            break
    if not top.norm or not (layout.about in top.norm or top.norm.endswith(layout.notice_kinds)):
        body_index = 0  # a plan with no notice: everything is body
    return body_index


def read_head(lines: list[Line], source: Source, vocab=None) -> Head:
    """Title, doc number, issuer, date and where the body starts."""
    vocab = default_vocabulary(vocab)
    layout, doc = vocab.layout, Document()
    if not lines:
        return Head(doc, 0)
    text = source.text
    top = read_top_title(lines, text, vocab)
    notice = transmits(top.norm, layout) and top.norm.endswith(layout.notice_kinds)
    doc.doc_number = _own_number(lines, source.norm, top.end, vocab)
    if doc.doc_number is None and top.cut:
        doc.doc_number = _number_after(source.norm, top.lines[0].end, vocab)
    body_index = top.end if top.lines and not top.cut else top.first + 1
    if notice:
        body_index = _notice_body(doc, lines, body_index, top, text, vocab)
    else:
        body_index = _plan_body(doc, lines, body_index, top, text, layout)
    doc.issued_date, signature = _signature(lines, body_index if notice else len(lines), notice, vocab, top.end)
    doc.issuer = _head_issuer(top.lines, layout) or signature or "、".join(top.red_head) or None
    doc.body_start = lines[body_index].start if body_index < len(lines) else len(text)
    if not notice and body_index == 0:
        doc.body_start = 0
    doc.jurisdiction = find_jurisdiction([doc.issuer, doc.title, top.norm], vocab, source.norm)
    if doc.jurisdiction is None:
        doc.jurisdiction = guess_jurisdiction(source.norm, vocab, short_level([doc.issuer, doc.title], vocab))
    doc.issuer = spell_out_issuer(doc.issuer, doc.jurisdiction, vocab)
    doc.cites = list(dict.fromkeys(n for _, _, n in find_doc_numbers(source.norm, vocab) if n != doc.doc_number))
    return Head(doc, body_index, notice)


def _own_number(lines: list[Line], norm: str, title_end: int, vocab) -> str | None:
    """The document's own 发文字号: under the title, before the first sentence
    (a number cited as 《…》（国发〔2021〕33号） is not it)."""
    head_end = next((ln.start for ln in lines if has_sentence_end(ln.norm)), len(norm))
    for start, _, number in find_doc_numbers(norm[:head_end], vocab):
        if not _is_citation(norm, start):
            return number
    for ln in lines[: title_end + 3]:
        m = compile_patterns(vocab).structure.bare_doc_number.match(ln.norm)
        if m:
            return number_text(m, vocab.layout)
    return None


def _number_after(norm: str, at: int, vocab) -> str | None:
    """The number a web print runs on right after its title (…的通知 某府发〔2030〕3号 各区…)."""
    m = compile_patterns(vocab).structure.doc_number.match(norm, at + len(norm[at:]) - len(norm[at:].lstrip()))
    return number_text(m, vocab.layout) if m else None


def _is_citation(norm: str, start: int) -> bool:
    """A number in （…） right after a cited title is a citation, not the own number."""
    return norm[max(0, start - 2):start].endswith(("》（", "）（", "》"))


def _head_issuer(title_lines: list[Line], layout) -> str | None:
    """Issuers before 关于 in the head title; one per printed line or space-separated part."""
    parts = []
    for line in title_lines:
        s = line.norm
        for word in (layout.about, *layout.transmit):
            i = s.find(word)
            if i >= 0:
                break
        if i < 0:
            parts.append(s)
            continue
        parts.append(s[:i])
        break
    else:
        return None
    names = [p for part in parts for p in part.split() if p]
    if names and all(name.endswith(layout.issuer_suffixes) for name in names):
        return "、".join(names)
    return None


def _signature(lines, limit, notice, vocab, title_end=0) -> tuple[str | None, str | None]:
    """成文日期 and the issuer lines above it: under the cover notice when
    there is one, else the first signed date of the document, or a date
    printed right under the title, or one at the very end."""
    for k in range(0, limit if notice else len(lines)):
        found = signature_at(lines, k, vocab)
        if found and (notice or found[1] or k >= len(lines) - 3 or k <= title_end + 1
                      or _before_tail(lines, k + 1, vocab.layout)):
            return found
    return None, None


def _before_tail(lines: list[Line], k: int, layout) -> bool:
    """``lines[k]`` opens what follows a document's date: （此件公开发布）, 附件, 抄送."""
    return k < len(lines) and (is_notice_tail(lines[k].norm, layout) or lines[k].norm.startswith(layout.closing_words))

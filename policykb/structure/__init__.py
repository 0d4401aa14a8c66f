"""Stage 2: text -> document metadata and the section tree (GB/T 9704).

``parse_structure(source)`` reads a :class:`~policykb.models.Source` into the
plan's :class:`~policykb.models.Document` fields (title, 发文字号, issuer,
成文日期, jurisdiction, cited document numbers) and its numbered
:class:`~policykb.models.Section` list, in reading order.

How a plan is laid out:

* an optional **cover notice** (国务院关于印发X的通知, 文号, 主送, a few lines,
  signature, 成文日期, （此件公开发布）) that transmits the plan;
* the **plan title**, often printed over two or three lines;
* the **body**, numbered down the ladder ``第一部分`` > ``一、`` > ``（一）`` >
  ``1．`` > ``（1）`` > ``①``; full- and half-width labels are one label
  because matching is done on ``Source.norm``;
* an optional tail (signature, 附件, 抄送) that is not part of the body.

Every regex matches ``Source.norm`` (same length as ``Source.text``); output
strings are sliced from ``Source.text``. The modules, in reading order:

* :mod:`.lines` splits the text into lines (and scraper lines into paragraphs);
* :mod:`.labels` reads heading labels (the ladder is ``data/numbering.yml``);
* :mod:`.title` finds the title block (under a masthead, or the plan title a
  cover notice transmits);
* :mod:`.head` reads the cover notice, number, issuer and date, with
  :mod:`.signature` (dates, document numbers, the signature);
* :mod:`.jurisdiction` decides whose departments 市/省 refer to;
* :mod:`.sections` builds the section tree.

The words are the ``layout`` part of the vocabulary
(:mod:`policykb.vocab.layout`), the regexes ``compile_patterns(vocab).structure``
(:mod:`policykb.patterns.structure`).
"""
from __future__ import annotations

from ..models import Document, Section, Source
from ..vocab import default_vocabulary
from .head import Head, read_head
from .jurisdiction import find_jurisdiction, guess_jurisdiction
from .labels import heading_title, match_label, strip_note, styles
from .lines import Line, split_lines
from .sections import parse_sections
from .signature import find_doc_numbers, is_date_line, parse_date, signature_at


def parse_structure(source: Source, vocab=None) -> tuple[Document, list[Section]]:
    """Read the document fields and the numbered sections of ``source``, with
    the words of ``vocab`` (a :class:`~policykb.vocab.Vocabulary`; default:
    the shipped one).

    >>> from policykb.read.normalize import fold_punctuation
    >>> text = "某市节能方案\\n一、总体要求\\n(一)目标。到2025年完成。\\n1.一项任务。\\n"
    >>> doc, sections = parse_structure(Source("x.txt", text, fold_punctuation(text)))
    >>> doc.title, [(s.path, s.level, s.title) for s in sections]
    ('某市节能方案', [('1', 1, '总体要求'), ('1.1', 2, '目标'), ('1.1.1', 3, '一项任务')])
    """
    vocab = default_vocabulary(vocab)
    lines = split_lines(source.norm, vocab)
    head = read_head(lines, source, vocab)
    sections = parse_sections(lines, source, head.body_index, vocab)
    if not sections:
        source.warnings.append("no numbered sections found")
    return head.document, sections


__all__ = [
    "Head", "Line", "find_doc_numbers", "find_jurisdiction", "guess_jurisdiction", "heading_title",
    "is_date_line", "match_label", "parse_date", "parse_sections", "parse_structure",
    "read_head", "signature_at", "split_lines", "strip_note", "styles",
]

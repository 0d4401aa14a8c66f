"""A PDF page's characters grouped into printed lines by where they sit.

Office software sets a plan's Chinese text in a Song or Fangsong face and
its digits and Latin letters in a second font (Times New Roman, Arial), and
the two fonts' glyph boxes do not share a top: the second font's boxes sit a
few points lower or higher than the Chinese ones on the same baseline.
pdfplumber groups characters into lines by their box tops, so with a large
enough offset every number (到2025年, 14%, 川发改〔2023〕15号) became a line
of its own and fell out of its sentence. Sub- and superscripts (PM2.5, CO2)
do the same on a smaller scale.

The rule here: a printed line is fixed by its Chinese characters, whose
boxes one font sets alike; Chinese rows that overlap by ``line_overlap`` of
their height are one line in two Chinese faces (a run-in heading in Hei
before the Fangsong text). Every character (digits, Latin, punctuation of
any font, Chinese of the second face) joins the Chinese line its box
overlaps by at least ``line_overlap`` of its own height (``data/read.yml``),
moved onto that line's top; a character overlapping no Chinese line (a page
number, a line of figures alone) keeps its place. Then pdfplumber reads the
lines as usual.
"""
from __future__ import annotations

import bisect
from statistics import median


def han_rows(chars: list[dict], han, tolerance: float, min_overlap: float = 1.0) -> list[tuple[float, float]]:
    """(top, bottom) of each line of upright Chinese characters, top down.

    Characters whose tops lie within ``tolerance`` form a row; rows that
    overlap by ``min_overlap`` of the shorter one's height are one line set
    in two Chinese faces (a run-in heading in Hei or Kai before the Fangsong
    text), and take the first row's place.

    >>> import re
    >>> c = lambda t, top: {"text": t, "top": top, "bottom": top + 12, "upright": True}
    >>> han_rows([c("节", 100), c("能", 100.5), c("5", 104), c("减", 130)], re.compile("[一-龥]"), 3)
    [(100.25, 112.25), (130, 142)]
    >>> han_rows([c("总", 100), c("要", 105), c("求", 130)], re.compile("[一-龥]"), 3, 0.4)
    [(100, 117), (130, 142)]
    """
    from pdfplumber.utils import cluster_objects

    ideographs = [c for c in chars if c.get("upright", True) and han.match(c["text"])]
    rows = sorted((median(c["top"] for c in row), median(c["bottom"] for c in row))
                  for row in cluster_objects(ideographs, "top", tolerance))
    merged: list[tuple[float, float]] = []
    for top, bottom in rows:
        if merged:
            last_top, last_bottom = merged[-1]
            shorter = min(last_bottom - last_top, bottom - top)
            if shorter > 0 and min(last_bottom, bottom) - max(last_top, top) >= min_overlap * shorter:
                merged[-1] = (last_top, max(last_bottom, bottom))
                continue
        merged.append((top, bottom))
    return merged


def _best_row(char: dict, rows: list[tuple[float, float]], tops: list[float]) -> tuple[tuple[float, float] | None, float]:
    """The Chinese line ``char`` overlaps most, and by how much."""
    i = bisect.bisect_left(tops, char["bottom"])
    best, overlap = None, 0.0
    for top, bottom in rows[max(0, i - 3): i + 1]:
        shared = min(bottom, char["bottom"]) - max(top, char["top"])
        if shared > overlap:
            best, overlap = (top, bottom), shared
    return best, overlap


def snap_to_lines(chars: list[dict], han, min_overlap: float, tolerance: float = 3) -> list[dict]:
    """``chars`` with each character moved onto the Chinese line it overlaps
    by ``min_overlap`` of its height (see the module's rule).

    >>> import re
    >>> c = lambda t, top, h=12: {"text": t, "top": top, "bottom": top + h, "upright": True,
    ...                           "doctop": top, "y0": 800 - top - h, "y1": 800 - top}
    >>> out = snap_to_lines([c("到", 100), c("2", 106), c("年", 100), c("3", 300)], re.compile("[一-龥]"), 0.4)
    >>> [(ch["text"], ch["top"]) for ch in out]
    [('到', 100), ('2', 100.0), ('年', 100), ('3', 300)]
    """
    rows = han_rows(chars, han, tolerance, min_overlap)
    if not rows:
        return chars
    tops = [top for top, _ in rows]
    out = []
    for char in chars:
        height = char["bottom"] - char["top"]
        if not char.get("upright", True) or height <= 0:
            out.append(char)
            continue
        row, overlap = _best_row(char, rows, tops)
        if row is not None and overlap >= min_overlap * height and abs(row[0] - char["top"]) > 0.01:
            shift = row[0] - char["top"]
            char = {**char, "top": row[0], "bottom": row[0] + height, "doctop": char["doctop"] + shift,
                    "y0": char["y0"] - shift, "y1": char["y1"] - shift}
        out.append(char)
    return out


def text_lines(page, han, min_overlap: float, **options) -> list[dict]:
    """pdfplumber's text lines of ``page`` (``extract_text_lines``), with its
    characters first snapped onto their Chinese lines."""
    from pdfplumber.utils.text import chars_to_textmap

    chars = snap_to_lines(page.chars, han, min_overlap)
    textmap = chars_to_textmap(chars, layout_bbox=page.bbox, layout_width=page.width,
                               layout_height=page.height, **options)
    return textmap.extract_text_lines(strip=True, return_chars=False)

"""The layout part of the vocabulary: the words of an official document's
layout (GB/T 9704) that stage 2 (:mod:`policykb.structure`) reads by.

Built from ``data/structure.yml`` (notice, title, issuer and signature words),
``data/places.yml`` (provinces, place endings, words that only look like
places) and ``data/numbering.yml`` (the heading ladder).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..numerals import Numerals


@dataclass(frozen=True)
class LadderStyle:
    """One rung of the GB/T 9704 heading ladder (``data/numbering.yml``)."""

    style: str
    shape: str  # a regex over folded text with ``{cn}``-style slots; group ``n`` holds the number
    number: str  # how ``n`` is read: chinese, arabic or circled


@dataclass(frozen=True)
class LayoutWords:
    """The words of document layout the parser relies on."""

    part_words: tuple[str, ...]
    about: str
    transmit: tuple[str, ...]
    notice_kinds: tuple[str, ...]
    notice_of: str
    title_kinds: tuple[str, ...]
    publication_notes: tuple[str, ...]
    appendix_words: tuple[str, ...]
    closing_words: tuple[str, ...]
    issuer_suffixes: tuple[str, ...]
    national_issuers: tuple[str, ...]
    national_issuer_endings: tuple[str, ...]
    national_name: str
    place_suffixes: tuple[str, ...]
    place_prefixes: tuple[str, ...]
    city_suffix: str
    doc_number_stops: tuple[str, ...]
    doc_number_suffix: str
    national_markers: tuple[str, ...] = ()
    province_markers: tuple[str, ...] = ()
    city_markers: tuple[str, ...] = ()
    region_markers: tuple[str, ...] = ()
    region_suffix: str = ""
    seat_suffixes: tuple[str, ...] = ()
    seat_words: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    province_short_names: tuple[tuple[str, str], ...] = ()
    mastheads: tuple[str, ...] = ()
    not_places: tuple[str, ...] = ()
    not_place_starts: tuple[str, ...] = ()
    not_level_starts: tuple[str, ...] = ()
    note_words: tuple[str, ...] = ()
    ladder: tuple[LadderStyle, ...] = ()
    numerals: Numerals = field(default=None, hash=False, compare=False)

    @property
    def styles(self) -> tuple[str, ...]:
        """The ladder's style names, highest first."""
        return tuple(rung.style for rung in self.ladder)


def _places(places: dict) -> dict:
    """The place words of ``places.yml``: the endings a plan's issuer or title
    can name a jurisdiction by, and the words that only look like places."""
    suffixes = places["place_suffixes"]
    return dict(
        place_suffixes=tuple(s for s, use in suffixes.items() if "jurisdiction" in use),
        seat_suffixes=tuple(s for s, use in suffixes.items() if "seat" in use),
        seat_words=tuple(places["seat_words"]),
        region_suffix=places["region_suffix"],
        place_prefixes=tuple(places["place_prefixes"]),
        city_suffix=places["city_suffix"],
        not_places=tuple(places["not_places"]),
        not_place_starts=tuple(places["not_place_starts"]),
        not_level_starts=tuple(places["not_level_starts"]),
        provinces=tuple(places["provinces"]),
        province_short_names=tuple(places["provinces"].items()),
    )


# the keys of structure.yml that are lists of words, read as they stand
_WORD_LISTS = ("mastheads", "note_words", "title_kinds", "publication_notes", "appendix_words", "closing_words",
               "issuer_suffixes", "national_issuers", "national_issuer_endings", "national_markers",
               "province_markers", "city_markers", "region_markers")


def build(files, numerals: Numerals) -> LayoutWords:
    """The layout words of ``files``; ``numerals`` fill the ladder's numbers.

    >>> from policykb.vocab import load_vocabulary
    >>> layout = load_vocabulary().layout
    >>> layout.styles[:3], layout.part_words, layout.about
    (('part', 'cn', 'paren_cn'), ('部分', '篇', '章'), '关于')
    """
    data = files.yaml("structure.yml")
    notice, number = data["notice"], data["doc_number"]
    ladder = files.yaml("numbering.yml")
    return LayoutWords(
        part_words=tuple(ladder["part_words"]),
        ladder=tuple(LadderStyle(**rung) for rung in ladder["styles"]),
        about=notice["about"],
        transmit=tuple(notice["transmit"]),
        notice_kinds=tuple(notice["kinds"]),
        notice_of=notice["of"],
        national_name=data["national_name"],
        doc_number_stops=tuple(number["stops"]),
        doc_number_suffix=number["suffix"],
        numerals=numerals,
        **{key: tuple(data[key]) for key in _WORD_LISTS},
        **_places(files.yaml("places.yml")),
    )

"""The store part of the vocabulary: the Latin forms of 发文字号 prefixes and
the shape of a 发文字号 (``data/doc_number_prefixes.yml``), for document keys."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class StoreWords:
    """The words document keys are built from."""

    regions: dict[str, str]  # issuer region -> Latin form: 渝 -> cq
    series: dict[str, str]  # series after the region -> Latin form ("" for the main series)
    number_open: str  # brackets that open a 发文字号's year
    number_close: str  # ... and close it
    number_suffix: str  # the word after the number


def build(files) -> StoreWords:
    """The store part, from ``files`` (a :class:`~policykb.vocab.DataFiles`).

    >>> from policykb.vocab import DataFiles
    >>> build(DataFiles()).regions["渝"]
    'cq'
    """
    data = files.yaml("doc_number_prefixes.yml")
    shape = data["doc_number"]
    return StoreWords(regions=data.get("regions") or {}, series=data.get("series") or {},
                      number_open=shape["open"], number_close=shape["close"], number_suffix=shape["suffix"])

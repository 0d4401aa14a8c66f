"""Number words (``data/numerals.yml``): digits, units, scales, circled numbers."""
from __future__ import annotations

from ..numerals import Numerals


def build(files) -> Numerals:
    data = files.yaml("numerals.yml")
    return Numerals(digits=data["digits"], units=data["units"], scales=data["scales"], circled=data["circled"])

"""The target rule lists and the time vocabulary: named, documented, swappable."""
from __future__ import annotations

import dataclasses

import pytest

from policykb.dates import read_target_year
from policykb.extract.targets import CHANGE_RULES, THRESHOLD_RULES, read_clause
from policykb.vocab import load_vocabulary


@pytest.mark.parametrize("rules", [CHANGE_RULES, THRESHOLD_RULES])
def test_rules_are_named_and_shown(rules):
    names = [name for name, _ in rules]
    assert len(names) == len(set(names))
    for name, rule in rules:
        assert rule.__doc__ and ">>>" in rule.__doc__, f"{name} shows one fragment"


def test_time_words_can_be_swapped():
    vocab = load_vocabulary()
    other = dataclasses.replace(vocab, time=dataclasses.replace(vocab.time, year_lead_words=("直到",)))
    assert read_target_year("到2025年", vocab) == 2025
    assert read_target_year("到2025年", other) is None
    assert read_target_year("直到2025年", other) == 2025


def test_quantity_words_can_be_swapped():
    vocab = load_vocabulary()
    verbs = tuple(vc for vc in vocab.quantities.change_verbs if vc[0] not in ("下降", "降"))
    other = dataclasses.replace(vocab, quantities=dataclasses.replace(vocab.quantities, change_verbs=verbs))
    assert [t.change for t in read_clause("能耗比2020年下降14%", vocab)] == ["decrease_by"]
    assert [t.change for t in read_clause("能耗比2020年下降14%", other)] != ["decrease_by"]

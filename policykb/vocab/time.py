"""The time words (``data/time.yml``): years, periods, baselines, year
markers and the plan's own year, read once for :mod:`policykb.dates`."""
from __future__ import annotations

from dataclasses import dataclass

from ..patterns.parts import longest_first


@dataclass(frozen=True)
class DeadlineWords:
    """The words of a deadline (``time.yml`` ``deadline``): 2023年6月底前."""

    quarter: str
    ordinal: str
    before: tuple[str, ...]
    half_year: dict[str, int]
    quarter_digits: tuple[str, ...]
    quarter_end: dict[str, int]  # quarter digit (as a string) -> the month it ends in


def _deadline_words(data: dict) -> DeadlineWords:
    return DeadlineWords(
        quarter=data["quarter"], ordinal=data["ordinal"],
        before=tuple(data["before"]), half_year=dict(data["half_year"]),
        quarter_digits=tuple(map(str, data["quarter_digits"])),
        quarter_end={str(k): v for k, v in data["quarter_end"].items()})


@dataclass(frozen=True)
class WindowWords:
    """The words of a period of N years (``time.yml`` ``window``): 2012年起5年内, 未来五年."""

    start_after: tuple[str, ...]  # 起: after the start year
    bridge: tuple[str, ...]  # 用: between the start year and the length
    before: tuple[str, ...]  # 未来: before the length
    after: tuple[str, ...]  # 内, 时间: after the length
    not_before: tuple[str, ...]  # 近, 每: a past span or a frequency


def _window_words(data: dict) -> WindowWords:
    keys = ("start_after", "bridge", "before", "after", "not_before")
    return WindowWords(**{k: longest_first(data[k]) for k in keys})


@dataclass(frozen=True, eq=False)
class TimeWords:
    """Every word policykb reads time by."""

    year_unit: str  # 年
    month_unit: str  # 月
    day_unit: str  # 日
    year_ends: tuple[str, ...]  # 底, 末
    lead_year_ends: tuple[str, ...]  # 年底 (after a lead word, with year_ends)
    horizon_words: tuple[str, ...]  # 前, 以前, 之前
    year_lead_words: tuple[str, ...]
    not_after_lead_year: str
    not_after_horizon_year: str
    not_after_clause_year: str
    not_before_horizon_year: str
    not_after_listed_year: str
    baseline_before: tuple[str, ...]
    baseline_after: tuple[str, ...]
    period_baseline_before: tuple[str, ...]  # 比“十二五”末: a baseline at a period's end
    period_baseline_edges: tuple[str, ...]
    five_year_plan_name: dict[str, str]  # before, ordinals, after
    period_words: tuple[str, ...]
    period_edge_words: tuple[str, ...]
    plan_name_joins: tuple[str, ...]
    five_year_plans: dict[str, tuple[int, int]]
    per_year: tuple[str, ...]
    previous_year: tuple[str, ...]  # 同比, 比上年: the baseline is the year before
    time_words: tuple[str, ...]  # 年底前, 全年: time words of one-year plans
    one_year_plan_kinds: tuple[str, ...]
    annual: str  # 度
    span_words: tuple[str, ...]  # 至, 到
    deadline: DeadlineWords
    window: WindowWords


def build(files) -> TimeWords:
    t = files.yaml("time.yml")
    strings = {k: t[k] for k in (
        "year_unit", "month_unit", "day_unit", "not_after_lead_year", "not_after_horizon_year", "not_after_clause_year",
        "not_before_horizon_year", "not_after_listed_year", "annual")}
    tuples = {k: tuple(t[k]) for k in (
        "year_ends", "lead_year_ends", "horizon_words", "year_lead_words", "baseline_before", "baseline_after",
        "period_baseline_before", "period_baseline_edges",
        "period_words", "period_edge_words", "plan_name_joins", "one_year_plan_kinds", "span_words")}
    return TimeWords(
        five_year_plan_name=dict(t["five_year_plan_name"]),
        five_year_plans={k: tuple(v) for k, v in t["five_year_plans"].items()},
        per_year=longest_first(t["per_year"]),
        previous_year=longest_first(t["previous_year"]),
        time_words=longest_first(t["time_words"]),
        deadline=_deadline_words(t["deadline"]),
        window=_window_words(t["window"]),
        **strings, **tuples,
    )

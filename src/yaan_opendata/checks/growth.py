"""Each published growth rate equals change / (this year − change).

The prior year is not printed; it is what this year's figure minus the
published change leaves. A rate with no published change is not checkable; a
prior year of zero makes the rate undefined (never 0% or ∞).
"""

from __future__ import annotations

from collections.abc import Iterator

from .engine import (
    HUNDRED,
    NOT_CHECKABLE,
    PERCENT,
    UNDEFINED,
    YUAN_PER_WANYUAN,
    Finding,
    Rule,
    comparison_input,
    figure_input,
    figure_yuan,
    percent_status,
)
from .records import Records

GROWTH = Rule(
    "growth.rate", "增长率等于增减额除以上年数(本年数减增减额)",
    "A growth rate equals the change divided by the prior year (this year minus the change)",
)
RULES = (GROWTH,)


def check(records: Records) -> Iterator[Finding]:
    for rate in records.comparisons("growth_rate"):
        yield _check_rate(records, rate)


def _check_rate(records: Records, rate) -> Finding:
    figure_key = records.key(rate.figure_id)
    figure = records.figure(figure_key)
    change = records.comparison(figure_key, "yoy_change", records.suffix_of(rate))
    inputs = (comparison_input(rate, "published rate"),)
    inputs += tuple(i for i in (
        change and comparison_input(change, "change"), figure and figure_input(figure, "this year"),
    ) if i)
    common = {
        "description_zh": f"{figure.label_zh if figure else figure_key}比上年增长率",
        "description_en": f"Growth of {figure_key} on the prior year",
        "inputs": inputs, "observed": rate.value, "unit": PERCENT, "paragraph_id": rate.paragraph_id,
        "figure_id": rate.figure_id if figure else None,
    }
    subject = records.key(rate.comparison_id)
    if figure is None or change is None:
        missing = rate.figure_id if figure is None else "the change on the prior year"
        return Finding(GROWTH, subject, NOT_CHECKABLE, note=f"not published: {missing}", **common)
    this_year, note = figure_yuan(figure)
    if this_year is None:
        return Finding(GROWTH, subject, NOT_CHECKABLE, note=note, **common)
    prior = this_year - change.value
    if prior == 0:
        return Finding(
            GROWTH, subject, UNDEFINED,
            note=f"the prior year ({this_year / YUAN_PER_WANYUAN:f} − {change.value_as_published}) is zero: "
                 "a growth rate on it is undefined",
            **common,
        )
    status, expected, difference, tolerance = percent_status(change.value * HUNDRED / prior, rate.value)
    return Finding(
        GROWTH, subject, status, expected=expected, difference=difference, tolerance=tolerance,
        note=note, **common,
    )

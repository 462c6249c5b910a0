"""Each budget completion rate equals executed / budget, against the budget it names.

A rate is only recomputed against a budget the source publishes for that same
line (the base the extractor bound from the sentence, e.g. "项目全年预算数
90.79万元 … 完成预算的100%"). Where the sentence names 年初预算 (initial
budget) but the published budget is the 全年/调整预算 (adjusted budget) — or the
reverse — the two are different numbers and the rate is not checkable. A rate
whose budget is not published is not checkable: it is never bound to another
line's budget. A zero budget makes the rate undefined (never 0% or ∞).
"""

from __future__ import annotations

from collections.abc import Iterator

from .engine import (
    HUNDRED,
    NOT_CHECKABLE,
    PERCENT,
    UNDEFINED,
    Finding,
    Rule,
    comparison_input,
    figure_input,
    figure_yuan,
    percent_status,
)
from .records import Records

COMPLETION = Rule(
    "completion.rate", "预算完成率等于决算数除以其所称的预算数",
    "A completion rate equals executed divided by the budget it names",
)
RULES = (COMPLETION,)

# How the source names a budget → which budget it is. Bare 预算/预算数 names neither.
BUDGET_KINDS = (
    ("年初预算", "initial"),
    ("全年预算", "adjusted"),
    ("调整预算", "adjusted"),
    ("调整后预算", "adjusted"),
)


def budget_kind(text: str | None) -> str | None:
    return next((kind for name, kind in BUDGET_KINDS if text and name in text), None)


def check(records: Records) -> Iterator[Finding]:
    for rate in records.comparisons("completion_rate"):
        yield _check_rate(records, rate)


def _check_rate(records: Records, rate) -> Finding:
    executed = records.figure(records.key(rate.figure_id))
    budget = records.figure(records.key(rate.base_figure_id)) if rate.base_figure_id else None
    inputs = (comparison_input(rate, "published rate"),)
    inputs += tuple(figure_input(f, role) for f, role in ((executed, "executed"), (budget, "budget")) if f)
    label = executed.label_zh if executed else records.key(rate.figure_id)
    common = {
        "description_zh": f"{label}完成{rate.base_label or '预算'}的比例",
        "description_en": f"Completion of {records.key(rate.figure_id)} against its {rate.base_label or '预算'} (budget)",
        "inputs": inputs, "observed": rate.value, "unit": PERCENT, "paragraph_id": rate.paragraph_id,
        "figure_id": rate.figure_id if executed else None,
    }
    subject = records.key(rate.comparison_id)
    if rate.base_figure_id is None:
        return Finding(
            COMPLETION, subject, NOT_CHECKABLE,
            note="the budget this rate is measured against is not published; no other line's budget is used",
            **common,
        )
    if executed is None or budget is None:
        missing = rate.figure_id if executed is None else rate.base_figure_id
        return Finding(COMPLETION, subject, NOT_CHECKABLE, note=f"not published: {missing}", **common)
    named, published = budget_kind(rate.base_label), budget_kind(f"{budget.label_zh} {budget.literal}")
    if named and published and named != published:
        return Finding(
            COMPLETION, subject, NOT_CHECKABLE,
            note=f"the rate names {rate.base_label} but the published budget is another one ({budget.literal})",
            **common,
        )
    (executed_yuan, executed_note), (budget_yuan, budget_note) = figure_yuan(executed), figure_yuan(budget)
    if executed_yuan is None or budget_yuan is None:
        return Finding(COMPLETION, subject, NOT_CHECKABLE, note=executed_note or budget_note, **common)
    if budget_yuan == 0:
        return Finding(
            COMPLETION, subject, UNDEFINED, note="the budget is zero: a completion rate of it is undefined", **common,
        )
    status, expected, difference, tolerance = percent_status(executed_yuan * HUNDRED / budget_yuan, rate.value)
    note = "; ".join(n for n in (executed_note, budget_note) if n) or None
    return Finding(
        COMPLETION, subject, status, expected=expected, difference=difference, tolerance=tolerance,
        note=note, **common,
    )

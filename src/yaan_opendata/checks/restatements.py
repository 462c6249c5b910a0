"""A figure the template states twice is the same both times.

The disclosure repeats itself: 附件1 restates section 五's functional lines and
rates, the fiscal-funds totals and the basic expenditure; each project's budget
and execution appear in the narrative, its performance table and 附件2. Each
pair below is one figure stated in two places; their comparisons of the same
kind (completion rates …) are compared too. The pairs are data
(``lexicon/restatements.yml``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon import restatements
from .engine import (
    CNY,
    NOT_CHECKABLE,
    PERCENT,
    Finding,
    Rule,
    comparison_input,
    figure_input,
    figure_yuan,
    money_status,
    precision_status,
)
from .records import Records

FIGURE = Rule("restatements.figure", "同一金额在不同位置的表述一致", "A figure stated in two places is the same")
COMPARISON = Rule(
    "restatements.comparison", "同一比率在不同位置的表述一致", "A rate or share stated in two places is the same",
)
RULES = (FIGURE, COMPARISON)

def restated_pairs(records: Records) -> Iterator[tuple[str, str]]:
    """(restatement key, original key) for every published restatement (lexicon/restatements.yml)."""
    for pattern, original in restatements().restated:
        for key in records.figure_keys(pattern.pattern):
            yield key, pattern.fullmatch(key).expand(original)


def check(records: Records) -> Iterator[Finding]:
    pairs = dict(restated_pairs(records))
    for restated_key, original_key in pairs.items():
        yield _same_figure(records, restated_key, original_key)
        for comparison in records.disclosure.figure_comparisons:
            if records.key(comparison.figure_id) != restated_key:
                continue
            original = records.comparison(original_key, comparison.kind, records.suffix_of(comparison))
            if original is not None and _same_base(records, pairs, comparison, original):
                yield _same_comparison(records, comparison, original)


def _same_base(records: Records, pairs: dict, restated, original) -> bool:
    """A share restates another only over the same total (附件1's 62.38% is of another total than 99.96%)."""
    if restated.kind != "share":
        return True
    restated_base, original_base = (records.key(c.base_figure_id or "") for c in (restated, original))
    return restated_base == original_base or pairs.get(restated_base) == original_base


def _same_figure(records: Records, restated_key: str, original_key: str) -> Finding:
    restated, original = records.figure(restated_key), records.figure(original_key)
    inputs = tuple(figure_input(f, role) for f, role in ((original, "statement"), (restated, "restatement")) if f)
    common = {
        "description_zh": f"{restated.label_zh}与前文所列金额一致",
        "description_en": f"{restated_key} restates {original_key}",
        "inputs": inputs, "unit": CNY, "figure_id": restated.figure_id, "paragraph_id": restated.paragraph_id,
    }
    if original is None:
        return Finding(FIGURE, restated_key, NOT_CHECKABLE, note=f"not published: {original_key}", **common)
    (expected, expected_note), (observed, observed_note) = figure_yuan(original), figure_yuan(restated)
    note = "; ".join(n for n in (expected_note, observed_note) if n) or None
    if expected is None or observed is None:
        return Finding(FIGURE, restated_key, NOT_CHECKABLE, note=note, **common)
    status, difference, tolerance = money_status(expected, observed)
    return Finding(
        FIGURE, restated_key, status, expected=expected, observed=observed, difference=difference,
        tolerance=tolerance, note=note, **common,
    )


def _same_comparison(records: Records, restated, original) -> Finding:
    subject = records.key(restated.comparison_id)
    common = {
        "description_zh": f"{subject}与前文所列一致",
        "description_en": f"{subject} restates {records.key(original.comparison_id)}",
        "inputs": (comparison_input(original, "statement"), comparison_input(restated, "restatement")),
        "expected": original.value, "observed": restated.value, "unit": restated.unit, "paragraph_id": restated.paragraph_id,
    }
    if restated.unit == PERCENT:
        status = precision_status(original.value, restated.value)
        return Finding(COMPARISON, subject, status, difference=restated.value - original.value, **common)
    status, difference, tolerance = money_status(original.value, restated.value)
    return Finding(COMPARISON, subject, status, difference=difference, tolerance=tolerance, **common)

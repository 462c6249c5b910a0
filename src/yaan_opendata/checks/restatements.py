"""A figure the template states twice is the same both times.

The disclosure repeats itself: 附件1 restates section 五's functional lines and
rates, the fiscal-funds totals and the basic expenditure; each project's budget
and execution appear in the narrative, its performance table and 附件2. Each
pair below is one figure stated in two places; their comparisons of the same
kind (completion rates …) are compared too. The pairs are data
(``lexicon/restatements.yml``). Every other statement of a fact (facts.py) that
the reader marks as said again (``….detail``, ``.restated.2``) is compared with
the fact's first statement: where they differ, either the document contradicts
itself or the amount was bound to a name its sentence uses for something else
(the parts of 年初结转和结余 under `其中`); the check says so rather than hide it.
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
SAID_AGAIN = Rule(
    "restatements.said_again", "后文再次陈述的金额与首次陈述一致", "An amount said again later is the amount first said",
)
RULES = (FIGURE, COMPARISON, SAID_AGAIN)

def restated_pairs(records: Records) -> Iterator[tuple[str, str]]:
    """(restatement key, original key) for every published restatement (lexicon/restatements.yml)."""
    for pattern, original in restatements().restated:
        for key in records.figure_keys(pattern.pattern):
            yield key, pattern.fullmatch(key).expand(original)


def check(records: Records) -> Iterator[Finding]:
    pairs = dict(restated_pairs(records))
    yield from _said_again(records, pairs)
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


def _said_again(records: Records, pairs: dict) -> Iterator[Finding]:
    """Every statement of a fact that the reader marks as said again (….detail, .restated.2 …),
    against the fact's first statement, where the template's own pairs do not already."""
    marks = restatements().said_again
    for fact in records.disclosure.facts:
        if fact.statements < 2:
            continue
        first_key = records.key(fact.figure_id)
        for figure in records.disclosure.fiscal_figures:
            key = records.key(figure.figure_id)
            if figure.fact_id == fact.fact_id and key != first_key and key not in pairs and marks.search(key):
                yield _same_figure(records, key, first_key, SAID_AGAIN)


def _same_figure(records: Records, restated_key: str, original_key: str, rule: Rule = FIGURE) -> Finding:
    restated, original = records.figure(restated_key), records.figure(original_key)
    inputs = tuple(figure_input(f, role) for f, role in ((original, "statement"), (restated, "restatement")) if f)
    common = {
        "description_zh": f"{restated.label_zh}与前文所列金额一致",
        "description_en": f"{restated_key} restates {original_key}",
        "inputs": inputs, "unit": CNY, "figure_id": restated.figure_id, "paragraph_id": restated.paragraph_id,
    }
    if original is None:
        return Finding(rule, restated_key, NOT_CHECKABLE, note=f"not published: {original_key}", **common)
    (expected, expected_note), (observed, observed_note) = figure_yuan(original), figure_yuan(restated)
    note = "; ".join(n for n in (expected_note, observed_note) if n) or None
    if expected is None or observed is None:
        return Finding(rule, restated_key, NOT_CHECKABLE, note=note, **common)
    status, difference, tolerance = money_status(expected, observed)
    return Finding(
        rule, restated_key, status, expected=expected, observed=observed, difference=difference,
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

"""Consistency checks: the template's arithmetic identities, audited on the published values.

One module per rule family, each exposing ``RULES`` (what it asserts, in
Chinese and English) and ``check(records) -> Iterator[Finding]``. Adding a
family means adding a module to ``FAMILIES``; nothing else changes.

The checks read the extracted records only (figures, comparisons, work
metrics, indicator rows, schedules, paragraph headings), never the prose, and
never change a published value: a contradiction is recorded, not corrected.
"""

from __future__ import annotations

import dataclasses

from ..model import Disclosure
from . import (
    breakdowns,
    completion,
    counts,
    growth,
    narrative,
    restatements,
    shares,
    sums,
    tables,
    template,
    units,
)
from .engine import Finding, Rule, to_records
from .records import Records

FAMILIES = (sums, shares, growth, completion, restatements, narrative, units, template, counts, breakdowns, tables)
RULES: tuple[Rule, ...] = tuple(rule for family in FAMILIES for rule in family.RULES)


def findings(disclosure: Disclosure) -> list[Finding]:
    records = Records(disclosure)
    return [finding for family in FAMILIES for finding in family.check(records)]


def run_checks(disclosure: Disclosure) -> Disclosure:
    """The disclosure with its ``consistency_checks`` and their inputs filled in."""
    checks, inputs = to_records(disclosure.document.document_id, findings(disclosure))
    return dataclasses.replace(disclosure, consistency_checks=checks, consistency_check_inputs=inputs)


__all__ = ["FAMILIES", "RULES", "findings", "run_checks"]

"""The readable report of ``yaan-opendata check``: counts, then each finding with its quotes."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from ..model import (
    CHECK_FAMILIES,
    CHECK_STATUSES,
    ConsistencyCheck,
    ConsistencyCheckInput,
    Disclosure,
)
from .engine import CNY, YUAN_PER_WANYUAN


def report_lines(disclosure: Disclosure, statuses: tuple[str, ...] = ("fail",)) -> list[str]:
    checks = disclosure.consistency_checks
    inputs = defaultdict(list)
    for item in disclosure.consistency_check_inputs:
        inputs[item.check_id].append(item)
    lines = [f"{disclosure.document.document_id}: {len(checks)} checks — {_counts(checks)}"]
    for family in CHECK_FAMILIES:
        members = [c for c in checks if c.family == family]
        if members:
            lines.append(f"  {family:<13}{len(members):>4}  ({_counts(members)})")
    for status in statuses:
        for check in (c for c in checks if c.status == status):
            lines.append("")
            lines.extend(finding_lines(check, inputs[check.check_id]))
    return lines


def _counts(checks) -> str:
    counts = Counter(c.status for c in checks)
    return ", ".join(f"{counts[s]} {s.replace('_', ' ')}" for s in CHECK_STATUSES if counts[s])


def finding_lines(check: ConsistencyCheck, inputs: list[ConsistencyCheckInput]) -> list[str]:
    """'FAIL rule — description', the numbers, then one quote per input."""
    lines = [f"{check.status.upper()}  {check.check_id}", f"  {check.description_zh} / {check.description_en}"]
    if check.expected is not None or check.observed is not None:
        numbers = f"  expected {_value(check.expected, check.unit)}, published {_value(check.observed, check.unit)}"
        if check.difference is not None:
            numbers += f" (difference {_value(check.difference, check.unit)}"
            if check.tolerance is not None:
                numbers += f", tolerance {_value(check.tolerance, check.unit)}"
            numbers += ")"
        lines.append(numbers)
    for item in inputs:
        paragraph = item.paragraph_id.rsplit("-", 1)[-1] if item.paragraph_id else "-"
        lines.append(f"    「{item.literal}」 ({item.role}, {paragraph}: {item.input_id})")
    if check.note:
        lines.append(f"  note: {check.note}")
    return lines


def _value(value: Decimal | None, unit: str | None) -> str:
    if value is None:
        return "—"
    if unit == CNY:
        return f"{format((value / YUAN_PER_WANYUAN).normalize(), 'f')}万元"
    return f"{format(value, 'f')}{unit or ''}"

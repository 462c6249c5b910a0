"""Each published share equals part / total, to the published digits.

The share's total is the figure the extractor bound as its base (the sentence
names it: "占本年支出合计的90.50%", or the total the list hangs from). A share
whose base is not published is not checkable; a zero base makes it undefined.
Rates stated in narrative sentences beside their numerator and denominator
(割接率98.5% of 132 cut over among 134 running) are checked the same way, the
three found by their labels within one paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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
    metric_input,
    percent_status,
)
from .records import Records

SHARE = Rule("shares.share", "原文占比等于该数除以其合计", "A published share equals the part divided by its total")
SENTENCE_RATE = Rule(
    "shares.sentence_rate", "叙述中的比率等于同句所列分子除以分母",
    "A rate stated in a sentence equals the numerator over the denominator stated beside it",
)
RULES = (SHARE, SENTENCE_RATE)


@dataclass(frozen=True)
class SentenceRate:
    """Label patterns of a rate and of its numerator and denominator, stated in one paragraph."""

    name: str
    rate: str
    numerator: str
    denominator: str


SENTENCE_RATES = (
    SentenceRate("cutover", r"^割接率N%", r"已割接系统", r"运行系统共计"),  # 割接率 = 已割接 / 运行
    SentenceRate("direct_handling", r"直办率", r"直接办理的来电", r"热线来电"),  # 直办率 = 直接办理 / 来电
)


def check(records: Records) -> Iterator[Finding]:
    for share in records.comparisons("share"):
        yield _check_share(records, share)
    for paragraph_id, metrics in records.metrics_by_paragraph.items():
        for sentence in SENTENCE_RATES:
            finding = _sentence_rate(sentence, paragraph_id, metrics)
            if finding:
                yield finding


def _sentence_rate(sentence: SentenceRate, paragraph_id: str, metrics: list) -> Finding | None:
    def find(pattern):
        return next((m for m in metrics if re.search(pattern, m.metric)), None)

    rate = find(sentence.rate)
    if rate is None or rate.unit != PERCENT:
        return None
    numerator, denominator = find(sentence.numerator), find(sentence.denominator)
    if numerator is None and denominator is None:
        return None  # the rate alone (a target cell: "2021年1月份,割接率100%"), not the identity
    inputs = tuple(
        metric_input(m, role)
        for m, role in ((rate, "published rate"), (numerator, "numerator"), (denominator, "denominator")) if m
    )
    subject = f"{sentence.name}.{paragraph_id.rsplit('-', 1)[-1]}"
    common = {
        "description_zh": f"“{rate.metric}”等于分子除以分母", "description_en": f"'{rate.metric}' equals numerator / denominator",
        "inputs": inputs, "observed": rate.value, "unit": PERCENT, "paragraph_id": paragraph_id,
    }
    if numerator is None or denominator is None:
        return Finding(SENTENCE_RATE, subject, NOT_CHECKABLE, note="the paragraph does not state both terms", **common)
    if denominator.value == 0:
        return Finding(SENTENCE_RATE, subject, UNDEFINED, note="the denominator is zero", **common)
    status, expected, difference, tolerance = percent_status(numerator.value * HUNDRED / denominator.value, rate.value)
    return Finding(SENTENCE_RATE, subject, status, expected=expected, difference=difference, tolerance=tolerance, **common)


def _check_share(records: Records, share) -> Finding:
    part = records.figure(records.key(share.figure_id))
    base = records.figure(records.key(share.base_figure_id)) if share.base_figure_id else None
    subject = records.key(share.comparison_id)
    inputs = (comparison_input(share, "published share"),)
    inputs += tuple(figure_input(f, role) for f, role in ((part, "part"), (base, "total")) if f)
    common = {
        "description_zh": f"{part.label_zh if part else share.figure_id}占{share.base_label or '合计'}的比例",
        "description_en": f"Share of {records.key(share.figure_id)} in {records.key(share.base_figure_id or '?')}",
        "inputs": inputs, "observed": share.value, "unit": PERCENT, "paragraph_id": share.paragraph_id,
        "figure_id": share.figure_id if part else None,
    }
    if part is None or base is None:
        missing = share.figure_id if part is None else (share.base_figure_id or "the total (not named)")
        return Finding(SHARE, subject, NOT_CHECKABLE, note=f"not published: {missing}", **common)
    (part_yuan, part_note), (base_yuan, base_note) = figure_yuan(part), figure_yuan(base)
    if part_yuan is None or base_yuan is None:
        return Finding(SHARE, subject, NOT_CHECKABLE, note=part_note or base_note, **common)
    if base_yuan == 0:
        return Finding(SHARE, subject, UNDEFINED, note="the total is zero: a share of it is undefined", **common)
    exact = part_yuan * HUNDRED / base_yuan
    status, expected, difference, tolerance = percent_status(exact, share.value)
    note = "; ".join(n for n in (part_note, base_note) if n) or None
    return Finding(
        SHARE, subject, status, expected=expected, difference=difference, tolerance=tolerance, note=note, **common,
    )


"""Each published share equals part / total, to the published digits.

The share's total is the figure the extractor bound as its base (the sentence
names it: "占本年支出合计的90.50%", or the total the list hangs from). A share
whose base is not published is not checkable; a zero base makes it undefined.
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

SHARE = Rule("shares.share", "原文占比等于该数除以其合计", "A published share equals the part divided by its total")
RULES = (SHARE,)


def check(records: Records) -> Iterator[Finding]:
    for share in records.comparisons("share"):
        yield _check_share(records, share)


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


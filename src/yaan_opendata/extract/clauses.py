"""The template's recurring clauses about a figure, as records.

Sections 一 to 十 of 决算情况说明 describe many figures with the same few
clauses: the change on the prior year and its growth rate, the budget
completion rate and the stated reason (→ FigureComparison), and counts stated
beside the money, such as vehicles or reception batches (→ WorkMetric). This
module holds their patterns once; the section extractors say which figure or
count a clause belongs to.
"""

from __future__ import annotations

import re

from ..model import FigureComparison, FiscalFigure, Paragraph, WorkMetric
from ..numbers import MONEY_LITERAL, NUMBER, to_decimal
from ..source import SourceDocument
from .common import comparison, number

# Money in 万元 and percentages as the template prints them ("76.98 %" has a space).
PCT = rf"{NUMBER}\s*%"

# "收、支总计各增加555.11万元" / "比2019年减少0.15万元" /
# "比2019年增加/减少0万元" (the template's unfilled wording, printed when nothing changed)
# Before a share: ",占19.85%" / ",占本年收入的99.62%" / ",占本年支出合计的21.01%"
SHARE_OF = r"[,,]?\s*占(?:本年(?:收入|支出)(?:合计)?的)?"

# "与2020年持平" / "与上年持平": unchanged, so both the change and the rate are 0.
UNCHANGED = "持平"
_UNCHANGED = rf"(?<!预算数)(?P<unchanged>{UNCHANGED})"
CHANGE = re.compile(rf"(?P<direction>增加/减少|增加|减少)(?P<amount>{MONEY_LITERAL})|{_UNCHANGED}")
# "增长19.85%" / "下降3%" / "增长/下降0%"
GROWTH = re.compile(rf"(?P<direction>增长/下降|增长|下降)(?P<rate>{PCT})|{_UNCHANGED}")
# "完成预算73.20%" / "完成预算76.98 %"
COMPLETION = re.compile(rf"完成预算(?P<rate>{PCT})")
# "主要变动原因是2020年基本支出增加…" / "决算数小于预算数的主要原因是…" /
# "主要原因是厉行节约,…" / "决算数与预算数持平": up to the full stop.
REASON = re.compile(
    r"(?:主要变动原因是|决算数[大小]于预算数的主要原因是|主要原因是|决算数与预算数持平)[^。]*"
)

_DECREASE = ("减少", "下降")
# Both directions printed at once: only meaningful when the value is zero.
_EITHER = ("增加/减少", "增长/下降")
_CLAUSE_BREAK = ",,;;。::"


def clause_around(text: str, start: int, end: int, breaks: str = _CLAUSE_BREAK) -> str:
    """The clause of ``text`` holding span start..end, between punctuation marks (``breaks``)."""
    left = start
    while left > 0 and text[left - 1] not in breaks:
        left -= 1
    right = end
    while right < len(text) and text[right] not in breaks:
        right += 1
    return text[left:right].strip()


def yoy_change(doc, figure, paragraph, text, *, reason=None, suffix="") -> FigureComparison:
    """The 增加/减少 X万元 clause of ``text`` (a decrease is negative)."""
    return _stated_comparison(
        doc, figure, paragraph, text, "yoy_change", CHANGE, "amount",
        "change on the prior year (增加/减少…万元)", reason=reason, suffix=suffix,
    )


def growth_rate(doc, figure, paragraph, text, *, reason=None, suffix="") -> FigureComparison:
    """The 增长/下降 X% clause of ``text`` (a fall is negative)."""
    return _stated_comparison(
        doc, figure, paragraph, text, "growth_rate", GROWTH, "rate",
        "growth rate (增长/下降…%)", reason=reason, suffix=suffix,
    )


def completion_rate(doc, figure, paragraph, text, *, reason=None, suffix="") -> FigureComparison:
    """The 完成预算 X% clause of ``text``; the budget amount itself is not printed."""
    return _stated_comparison(
        doc, figure, paragraph, text, "completion_rate", COMPLETION, "rate",
        "budget completion rate (完成预算…%)", reason=reason, suffix=suffix, signed=False,
    )


def _stated_comparison(
    doc: SourceDocument,
    figure: FiscalFigure,
    paragraph: Paragraph,
    text: str,
    kind: str,
    pattern: re.Pattern,
    group: str,
    what: str,
    *,
    reason: str | None,
    suffix: str,
    signed: bool = True,
) -> FigureComparison:
    match = _required(doc, paragraph, pattern, text, what)
    if signed and match.group("unchanged"):
        return comparison(doc, figure, kind, paragraph, UNCHANGED, clause_around(text, *match.span()),
                          reason=reason, suffix=suffix)
    return comparison(
        doc, figure, kind, paragraph, match.group(group),
        clause_around(text, *match.span()),
        negative=signed and is_decrease(doc, paragraph, match, group),
        base_label=None if signed else "预算",
        reason=reason, suffix=suffix,
    )


def stated_reason(doc: SourceDocument, paragraph: Paragraph, text: str, *, required: bool = True) -> str | None:
    """The reason sentence verbatim, without its full stop (None when not ``required`` and absent:
    "…与2020年持平。" explains nothing because nothing changed)."""
    if not required:
        match = REASON.search(text)
        return match.group(0) if match else None
    return _required(doc, paragraph, REASON, text, "stated reason (主要原因是…)").group(0)


def count_metric(
    doc: SourceDocument,
    key: str,
    topic: str,
    paragraph: Paragraph,
    match: re.Match,
    *,
    group: str,
    label: str,
    unit: str,
) -> WorkMetric:
    """A count stated beside the money (``match.group(group)`` followed by ``unit``),
    with a label that says what is counted; the literal is the clause around ``match``."""
    value_as_published = match.group(group) + unit
    if not match.string.startswith(value_as_published, match.start(group)):
        raise doc.error(f"'{match.group(0)}': expected '{unit}' after {match.group(group)}", paragraph)
    return WorkMetric(
        metric_id=f"{doc.document_id}.{key}",
        document_id=doc.document_id,
        topic=topic,
        metric=label,
        value=number(doc, paragraph, match.group(group)),
        unit=unit,
        qualifier=None,
        value_as_published=value_as_published,
        literal=clause_around(match.string, *match.span()),
        paragraph_id=paragraph.paragraph_id,
    )


def _required(doc: SourceDocument, paragraph: Paragraph, pattern: re.Pattern, text: str, what: str):
    match = pattern.search(text)
    if match is None:
        raise doc.error(f"{what} not found", paragraph)
    return match


def is_decrease(doc: SourceDocument, paragraph: Paragraph, match: re.Match, value_group: str) -> bool:
    """Whether a 'direction' match (增加/减少, 增长/下降) makes its value negative."""
    direction = match.group("direction")
    zero = to_decimal(re.match(NUMBER, match.group(value_group)).group(0)) == 0
    if direction in _EITHER and not zero:
        raise doc.error(f"'{match.group(0)}' prints both directions for a non-zero value", paragraph)
    # A zero stays 0 (not -0) whichever word the template printed.
    return direction in _DECREASE and not zero

"""Shared helpers for the section extractors: find paragraphs, build figures.

Extractors are pure functions from a SourceDocument to records. They locate a
template section by its numbering path, match the template's sentence patterns
and turn every number into a record that keeps its paragraph and literal text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from ..model import FigureComparison, FiscalFigure, Paragraph
from ..numbers import Money, NumberFormatError, parse_money, parse_percent, to_decimal
from ..source import SourceDocument


def section(doc: SourceDocument, *path: str | re.Pattern, required: bool = True) -> list[Paragraph]:
    """Paragraphs under the section whose headings match ``path``, outermost first.

    A pattern (see ``sections.py``) is searched in a heading without its
    numbering; a string is a marker ("第二部分", "(一)") or words of the heading.
    Levels between two matches may be skipped. A missing section is an error
    naming the document and the path, or an empty list when not ``required``.
    """
    found = doc.found_sections.get(path)
    if found is None:
        headings, phrases = doc.headings, doc.heading_phrases
        matches: dict[tuple, bool] = {}  # paragraphs under the same headings match alike
        found = []
        for p in doc.paragraphs:
            key = (p.section_path, headings[p.paragraph_id])
            if key not in matches:
                matches[key] = _path_matches(headings[p.paragraph_id], phrases[p.paragraph_id], p.section_path, path)
            if matches[key]:
                found.append(p)
        doc.found_sections[path] = found
    if not found and required:
        raise doc.error(f"section '{' / '.join(_describe(w) for w in path)}' is missing")
    return list(found)


def subsection(doc: SourceDocument, paragraphs: list[Paragraph], wanted: re.Pattern) -> list[Paragraph]:
    """The part of ``paragraphs`` under a heading matching ``wanted``; all of them when
    the department wrote the section without such sub-headings."""
    if not paragraphs:
        return paragraphs
    depth = len(paragraphs[0].section_path.split(" / "))
    phrases = doc.heading_phrases
    inside = [p for p in paragraphs if any(wanted.search(h) for h in phrases[p.paragraph_id][depth:])]
    return inside or paragraphs


def _describe(wanted: str | re.Pattern) -> str:
    return wanted.pattern if isinstance(wanted, re.Pattern) else wanted


def _path_matches(
    headings: Sequence[str], phrases: Sequence[str], section_path: str, wanted: Sequence[str | re.Pattern]
) -> bool:
    markers = section_path.split(" / ") if section_path else []
    level = 0
    for want in wanted:
        while level < len(headings) and not _heading_matches(markers[level], headings[level], phrases[level], want):
            level += 1
        if level == len(headings):
            return False
        level += 1
    return True


def _heading_matches(marker: str, heading: str, phrase: str, want: str | re.Pattern) -> bool:
    if isinstance(want, re.Pattern):
        return bool(want.search(phrase))
    normalize = str.maketrans("()", "()")
    return marker.translate(normalize) == want.translate(normalize) or (len(want) > 4 and want in heading)


def find(
    doc: SourceDocument,
    paragraphs: Iterable[Paragraph],
    pattern: re.Pattern,
    what: str,
) -> tuple[Paragraph, re.Match]:
    """The first paragraph matching ``pattern``, or an error saying what is missing."""
    paragraphs = list(paragraphs)
    for paragraph in paragraphs:
        match = pattern.search(paragraph.text)
        if match:
            return paragraph, match
    where = paragraphs[0] if paragraphs else None
    raise doc.error(f"{what} not found (pattern {pattern.pattern!r})", where)


def money(doc: SourceDocument, paragraph: Paragraph, literal: str, *, unit_required=True) -> Money:
    """Parse a money literal, or fail naming the paragraph."""
    try:
        return parse_money(literal, unit_required=unit_required)
    except NumberFormatError as exc:
        raise doc.error(str(exc), paragraph) from None


def percent(doc: SourceDocument, paragraph: Paragraph, literal: str) -> Decimal:
    try:
        return parse_percent(literal)
    except NumberFormatError as exc:
        raise doc.error(str(exc), paragraph) from None


def number(doc: SourceDocument, paragraph: Paragraph, literal: str) -> Decimal:
    try:
        return to_decimal(literal)
    except NumberFormatError as exc:
        raise doc.error(str(exc), paragraph) from None


def figure_id(doc: SourceDocument, key: str) -> str:
    return f"{doc.document_id}.{key}"


def fiscal_figure(
    doc: SourceDocument,
    key: str,
    paragraph: Paragraph,
    amount_literal: str,
    literal: str,
    *,
    flow: str,
    fund: str,
    category: str,
    item: str,
    label_zh: str,
    label_en: str,
    phase: str = "executed",
    org_id: str | None = None,
    classification_id: str | None = None,
    project_id: str | None = None,
    unit_required: bool = True,
    amount_note: str | None = None,
    amount_corrected_yuan: int | None = None,
) -> FiscalFigure:
    """A FiscalFigure from a literal such as '3351.34万元', with its source clause."""
    amount = money(doc, paragraph, amount_literal, unit_required=unit_required)
    if amount.amount_yuan is None and amount_note is None:
        amount_note = (
            "原文未标单位 / no unit printed"
            if not amount.unit
            else "原文金额不是整元 / the published amount is not a whole number of yuan"
        )
    return FiscalFigure(
        figure_id=figure_id(doc, key),
        document_id=doc.document_id,
        org_id=org_id or doc.document.org_id,
        fiscal_year=doc.document.fiscal_year,
        flow=flow,
        phase=phase,
        fund=fund,
        category=category,
        item=item,
        label_zh=label_zh,
        label_en=label_en,
        classification_id=classification_id,
        project_id=project_id,
        amount_yuan=amount.amount_yuan,
        amount_as_published=amount.literal,
        unit_as_published=amount.unit or None,
        amount_note=amount_note,
        amount_corrected_yuan=amount_corrected_yuan,
        literal=literal,
        paragraph_id=paragraph.paragraph_id,
    )


def comparison(
    doc: SourceDocument,
    figure: FiscalFigure,
    kind: str,
    paragraph: Paragraph,
    value_literal: str,
    literal: str,
    *,
    negative: bool = False,
    base_figure_id: str | None = None,
    base_label: str | None = None,
    reason: str | None = None,
    suffix: str = "",
) -> FigureComparison:
    """A share / growth / completion rate ('19.85%'), a yuan change ('555.11万元'), or
    '持平' (unchanged) for a change or a growth rate of zero."""
    if value_literal == "持平":
        value, unit = Decimal(0), "CNY" if kind == "yoy_change" else "%"
    elif kind == "yoy_change":
        amount = money(doc, paragraph, value_literal)
        value, unit = amount.yuan, "CNY"
        if value is None:
            raise doc.error(f"change '{value_literal}' has no unit", paragraph)
        if value == value.to_integral_value():
            value = Decimal(int(value))  # whole yuan print as such: 5551100, not 5551100.00
    else:
        value, unit = percent(doc, paragraph, value_literal), "%"
    if negative:
        value = -value
    return FigureComparison(
        comparison_id=f"{figure.figure_id}.{kind}{suffix}",
        figure_id=figure.figure_id,
        kind=kind,
        value=value,
        unit=unit,
        value_as_published=value_literal.strip(),
        base_figure_id=base_figure_id,
        base_label=base_label,
        reason=reason,
        literal=literal,
        paragraph_id=paragraph.paragraph_id,
    )

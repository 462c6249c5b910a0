"""Small hand-made records for the rule tests: a figure is a key and a literal."""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from decimal import Decimal

from yaan_opendata.checks import run_checks
from yaan_opendata.model import (
    Disclosure,
    Document,
    FigureComparison,
    FiscalFigure,
    Paragraph,
    WorkMetric,
)
from yaan_opendata.numbers import parse_money, parse_percent
from yaan_opendata.tables import TABLES

DOC = "doc"
DOCUMENT = Document(
    document_id=DOC, title="测试", title_en="Test", publisher="测试局", published=datetime.date(2021, 1, 1),
    fiscal_year=2020, org_id="org", file="doc.txt", sha256="0" * 64, paragraph_count=1,
)
_TABLE_OF_TYPE = {t.record_type: t.name for t in TABLES}


def figure(key: str, literal: str, label: str = "", **fields) -> FiscalFigure:
    """A figure from a literal such as '1942.17万元', '1749.94元' or a bare '2278.17'."""
    money = parse_money(literal, unit_required=False)
    values = {
        "figure_id": f"{DOC}.{key}", "document_id": DOC, "org_id": "org", "fiscal_year": 2020, "flow": "expenditure",
        "phase": "executed", "fund": "all_funds", "category": "expenditure_total", "item": key, "label_zh": label or key,
        "label_en": key, "classification_id": None, "project_id": None, "amount_yuan": money.amount_yuan,
        "amount_as_published": literal, "unit_as_published": money.unit or None, "amount_note": None,
        "amount_corrected_yuan": None, "literal": f"{label or key}{literal}", "paragraph_id": f"{DOC}-p0001",
    }
    values.update(fields)
    return FiscalFigure(**values)


def comparison(key: str, kind: str, literal: str, *, base: str | None = None, base_label: str | None = None,
               suffix: str = "", negative: bool = False) -> FigureComparison:
    """A share / rate ('19.85%') or a change ('555.11万元') published for the figure ``key``."""
    if kind == "yoy_change":
        value, unit = parse_money(literal).yuan, "CNY"
    else:
        value, unit = parse_percent(literal), "%"
    return FigureComparison(
        comparison_id=f"{DOC}.{key}.{kind}{suffix}", figure_id=f"{DOC}.{key}", kind=kind,
        value=-value if negative else value, unit=unit, value_as_published=literal,
        base_figure_id=f"{DOC}.{base}" if base else None, base_label=base_label, reason=None,
        literal=literal, paragraph_id=f"{DOC}-p0001",
    )


def metric(key: str, label: str, value: str, unit: str, paragraph: int = 1, qualifier=None) -> WorkMetric:
    return WorkMetric(
        metric_id=f"{DOC}.{key}", document_id=DOC, topic="测试", metric=label, value=Decimal(value), unit=unit,
        qualifier=qualifier, value_as_published=f"{value}{unit}", literal=label.replace("N", value),
        paragraph_id=f"{DOC}-p{paragraph:04d}",
    )


def paragraph(number: int, text: str, section_path: str = "", section_title: str | None = None) -> Paragraph:
    return Paragraph(
        paragraph_id=f"{DOC}-p{number:04d}", document_id=DOC, number=number, section_path=section_path,
        section_title=text if section_title is None else section_title, text=text,
    )


def disclosure(*records) -> Disclosure:
    tables = defaultdict(list)
    for record in records:
        tables[_TABLE_OF_TYPE[type(record)]].append(record)
    return Disclosure(document=DOCUMENT, **{name: tuple(rows) for name, rows in tables.items()})


def checks(*records, family: str | None = None) -> dict:
    """The checks made on these records, by check id without the document prefix."""
    result = run_checks(disclosure(*records))
    return {
        c.check_id.removeprefix(f"{DOC}."): c
        for c in result.consistency_checks
        if family is None or c.family == family
    }


def statuses(*records, family: str | None = None) -> dict[str, str]:
    return {key: check.status for key, check in checks(*records, family=family).items()}


def replace(record, **changes):
    return dataclasses.replace(record, **changes)

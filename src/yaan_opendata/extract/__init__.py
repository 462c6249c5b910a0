"""Extractors: one module per template section, each a pure function
``extract(doc: SourceDocument) -> Iterable[record]``.

``extract_disclosure`` runs them all and sorts the records into the tables of a
``Disclosure`` by their type. Adding a section means adding a module to
``EXTRACTORS``; nothing else changes.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ..model import Disclosure
from ..source import SourceDocument
from ..tables import TABLES, TABLES_BY_NAME
from . import (
    general_budget,
    glossary,
    government_funds,
    organizations,
    other_matters,
    overview,
    performance_projects,
    performance_tables,
    project_reports,
    schedules,
    self_evaluation,
    staffing,
    three_public,
    totals,
    work_review,
)

EXTRACTORS = (
    overview,
    organizations,
    staffing,
    work_review,
    totals,
    general_budget,
    three_public,
    government_funds,
    other_matters,
    performance_projects,
    performance_tables,
    glossary,
    self_evaluation,
    project_reports,
    schedules,
)

_TABLE_OF_TYPE = {t.record_type: t for t in TABLES}


def extract_disclosure(doc: SourceDocument) -> Disclosure:
    """All records of one document, checked for duplicate keys."""
    by_table: dict[str, list] = defaultdict(list)
    for extractor in EXTRACTORS:
        for record in extractor.extract(doc):
            by_table[_TABLE_OF_TYPE[type(record)].name].append(record)
    for name, records in by_table.items():
        _require_unique_keys(doc, name, records)
    fields = {f.name for f in dataclasses.fields(Disclosure)}
    return Disclosure(
        document=doc.document,
        paragraphs=doc.paragraphs,
        **{name: tuple(records) for name, records in by_table.items() if name in fields},
    )


def _require_unique_keys(doc: SourceDocument, table_name: str, records: list) -> None:
    table = TABLES_BY_NAME[table_name]
    seen = {}
    for record in records:
        key = tuple(getattr(record, k) for k in table.primary_key)
        if key in seen:
            paragraph_id = getattr(record, "paragraph_id", None)
            raise doc.error_at(paragraph_id, f"{table_name}: duplicate key {key}")
        seen[key] = record

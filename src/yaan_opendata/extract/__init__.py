"""Extractors: one module per template section, each a pure function
``extract(doc: SourceDocument) -> Iterable[record]``.

``extract_disclosure`` runs them all and sorts the records into the tables of a
``Disclosure`` by their type. Adding a section means adding a module to
``EXTRACTORS``; nothing else changes.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ..errors import SourceError
from ..model import Disclosure, ExtractionIssue
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
from .template import fallback_records, require_template
from .unread import unread_amounts

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


def extract_disclosure(doc: SourceDocument, *, lenient: bool = False) -> Disclosure:
    """All records of one document, checked for duplicate keys.

    A document not in the template, or without a part the template requires,
    is refused. Then each section is read; a section that does not read as the
    template stops the extraction, or with ``lenient`` is left out and listed
    in ``extraction_issues``. Amounts no record was read from are listed too.
    """
    require_template(doc)
    by_table: dict[str, list] = defaultdict(list)
    issues = []
    for extractor in EXTRACTORS:
        name = extractor.__name__.rsplit(".", 1)[-1]
        try:
            records = list(extractor.extract(doc))
        except SourceError as exc:
            if not lenient:
                raise
            issues.append(_unreadable(doc, name, exc, len(issues) + 1))
            records = fallback_records(doc, name)
        for record in records:
            by_table[_TABLE_OF_TYPE[type(record)].name].append(record)
    for name, records in by_table.items():
        _require_unique_keys(doc, name, records)
    extracted = [r for records in by_table.values() for r in records]
    by_table["extraction_issues"] = issues + list(unread_amounts(doc.document_id, doc.paragraphs, extracted))
    fields = {f.name for f in dataclasses.fields(Disclosure)}
    return Disclosure(
        document=doc.document,
        paragraphs=tuple(as_published(doc, p) for p in doc.paragraphs),
        **{name: tuple(as_published(doc, r) for r in records) for name, records in by_table.items() if name in fields},
    )


# Fields that quote the source: given back in the published spelling, while
# names, labels and codes keep the normalized one (so they compare across documents).
_QUOTING_FIELDS = ("text", "literal", "target_text", "actual_text")


def as_published(doc: SourceDocument, record):
    """``record`` with its quotes in the spelling of the published page (see ``normalize.py``)."""
    if not doc.published_lines:
        return record
    paragraph_id = getattr(record, "paragraph_id", None)
    if paragraph_id not in doc.published_lines:
        return record
    changes = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str) and (f.name in _QUOTING_FIELDS or f.name.endswith("_as_published")):
            published = doc.published(paragraph_id, value)
            if published != value:
                changes[f.name] = published
    return dataclasses.replace(record, **changes) if changes else record


def _unreadable(doc: SourceDocument, extractor: str, exc: SourceError, number: int) -> ExtractionIssue:
    return ExtractionIssue(
        issue_id=f"{doc.document_id}.section.{number:02d}",
        document_id=doc.document_id,
        kind="unreadable_section",
        extractor=extractor,
        reason=exc.reason,
        literal=None,
        paragraph_id=exc.paragraph_id,
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

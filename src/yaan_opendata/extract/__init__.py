"""Extractors: one module per part of the template, each a pure function
``extract(doc: SourceDocument) -> Iterable[record]`` (or several, as ``READERS``).

``extract_disclosure`` runs them all and sorts the records into the tables of a
``Disclosure`` by their type. Adding a section means adding a module to
``EXTRACTORS``; nothing else changes.

Every reader stands alone: one that cannot read its part is listed in
``extraction_issues`` and costs that part only. The money of the explanation is
read figure by figure (``figures``), so an unread amount costs that amount only.
A strict build requires the headline figures of the template
(``lexicon/concepts.yml``, ``headline``); a lenient one publishes what was read.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ..errors import SourceError
from ..facts import with_facts
from ..lexicon import lexicon
from ..model import Disclosure, ExtractionIssue, FiscalFigure
from ..source import SourceDocument
from ..tables import TABLES, TABLES_BY_NAME
from . import (
    assets,
    basic_items,
    figures,
    glossary,
    organizations,
    overview,
    performance_projects,
    performance_tables,
    project_reports,
    schedules,
    self_evaluation,
    staffing,
    tables,
    three_public_details,
    work_review,
)
from .template import fallback_records, require_template
from .unread import unread_amounts

EXTRACTORS = (
    overview,
    organizations,
    staffing,
    work_review,
    figures,
    tables,
    basic_items,
    three_public_details,
    assets,
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

    A document not in the template is refused. Then each part is read; a part
    that does not read is left out and listed in ``extraction_issues``. In strict
    mode (the default) a headline figure that was not read stops the extraction,
    naming the figure, its paragraph and why.
    """
    require_template(doc)
    by_table: dict[str, list] = defaultdict(list)
    issues: list[ExtractionIssue] = []
    for name, reader in _readers():
        try:
            records = list(reader(doc))
        except SourceError as exc:
            issues.append(_unreadable(doc, name, exc, len(issues) + 1))
            records = fallback_records(doc, name)
        for record in records:
            by_table[_TABLE_OF_TYPE[type(record)].name].append(record)
    _, unread_notes = figures.read_explanation(doc)
    if not lenient:
        _require_headline(doc, by_table["fiscal_figures"], by_table.get("table_cells", []), unread_notes)
    by_table["table_cells"] = _linked(doc, by_table.get("table_cells", []), by_table.get("fiscal_figures", []))
    by_table = _without_orphans(by_table)
    for name, records in list(by_table.items()):
        by_table[name] = _unique_keys(doc, name, records, issues)
    by_table["fiscal_figures"], by_table["facts"] = with_facts(
        doc.document_id, by_table.get("fiscal_figures", []), by_table.get("table_cells", []))
    extracted = [r for records in by_table.values() for r in records]
    reasons = {(n.paragraph_id, "".join(n.literal.split())): n.reason for n in unread_notes}
    issues += by_table.pop("extraction_issues", [])  # what a reader found it could not read
    by_table["extraction_issues"] = issues + list(unread_amounts(doc.document_id, doc.paragraphs, extracted, reasons))
    by_table["classifications"] = list(figures.functional_index(doc).stated.values())
    fields = {f.name for f in dataclasses.fields(Disclosure)}
    return Disclosure(
        document=doc.document,
        paragraphs=tuple(as_published(doc, p) for p in doc.paragraphs),
        source_files=doc.files,
        **{name: tuple(as_published(doc, r) for r in records) for name, records in by_table.items() if name in fields},
    )


def _readers():
    """(name, function) of every reader, in order: a module's READERS, or its extract."""
    for module in EXTRACTORS:
        name = module.__name__.rsplit(".", 1)[-1]
        readers = getattr(module, "READERS", None)
        if readers is None:
            yield name, module.extract
        else:
            yield from ((f"{name}.{reader.__name__}", reader) for reader in readers)


def _require_headline(doc: SourceDocument, figures_read: list[FiscalFigure], cells: list, notes) -> None:
    """Stop when a headline figure of the template was not read, from the explanation or a
    table, saying where it was expected."""
    read = {f.figure_id.split(".", 1)[1] for f in figures_read} | {c.figure_key for c in cells if c.figure_key}
    read |= {c.same_as for c in lexicon().concepts.values() if c.key in read and c.same_as}
    for entry in lexicon().headline:
        if any(all(key in read for key in alternative) for alternative in entry):
            continue
        key = entry[0][0]
        concept = lexicon().concepts[key]
        chapter = lexicon().chapters[concept.chapter]
        found = figures.chapter_paragraphs(doc, chapter)
        if not found:
            raise doc.error(f"headline figure {key} ({concept.label_zh}) not read: no chapter headed "
                            f"like {' / '.join(chapter.section)} (lexicon/sections.yml)")
        where = {p.paragraph_id for p in found}
        note = next((n for n in notes if n.paragraph_id in where), None)
        reason = f"; an amount here was left unread: '{note.literal}', {note.reason}" if note else ""
        raise doc.error_at(
            note.paragraph_id if note else found[0].paragraph_id,
            f"headline figure {key} ({concept.label_zh}) not read in its chapter{reason} "
            "(teach the wording in lexicon/concepts.yml or phrases.yml, or build with --lenient)",
        )


def _linked(doc: SourceDocument, cells: list, figures_read: list[FiscalFigure]) -> list:
    """Each table cell with the figure the explanation states for the same thing, where read."""
    ids = {f.figure_id for f in figures_read}
    linked = []
    for cell in cells:
        figure_id = f"{doc.document_id}.{cell.figure_key}" if cell.figure_key else None
        linked.append(dataclasses.replace(cell, figure_id=figure_id) if figure_id in ids else cell)
    return linked


def _without_orphans(by_table: dict[str, list]) -> dict[str, list]:
    """Rows whose parent record was left out go too, so a lenient package is always valid:
    performance indicators of a project not read, items of a figure not read."""
    projects = {p.project_id for p in by_table.get("performance_projects", [])}
    figure_ids = {f.figure_id for f in by_table.get("fiscal_figures", [])}
    keep = dict(by_table)
    keep["performance_indicators"] = [i for i in by_table.get("performance_indicators", []) if i.project_id in projects]
    keep["expenditure_items"] = [i for i in by_table.get("expenditure_items", []) if i.figure_id in figure_ids]
    keep["figure_comparisons"] = [
        c if c.base_figure_id in figure_ids or c.base_figure_id is None else dataclasses.replace(c, base_figure_id=None)
        for c in by_table.get("figure_comparisons", []) if c.figure_id in figure_ids
    ]
    keep["fiscal_figures"] = [
        f for f in by_table.get("fiscal_figures", []) if f.project_id is None or f.project_id in projects
    ]
    return {name: records for name, records in keep.items() if records or name in by_table}


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


def _unique_keys(doc: SourceDocument, table_name: str, records: list, issues: list[ExtractionIssue]) -> list:
    """The records with the first of any two that share a key; the second is listed as an issue."""
    table = TABLES_BY_NAME[table_name]
    seen, kept = set(), []
    for record in records:
        key = tuple(getattr(record, k) for k in table.primary_key)
        if key in seen:
            issues.append(ExtractionIssue(
                issue_id=f"{doc.document_id}.section.{len(issues) + 1:02d}", document_id=doc.document_id,
                kind="unreadable_section", extractor=table_name, literal=None,
                reason=f"{table_name}: a second record with the key {key} was left out",
                paragraph_id=getattr(record, "paragraph_id", None),
            ))
            continue
        seen.add(key)
        kept.append(record)
    return kept

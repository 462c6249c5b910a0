"""Build the SQLite database the site serves, with sqlite-utils.

One table per data-package resource, with the same names, types, primary and
foreign keys (so Datasette links a figure to its paragraph, organization and
classification), indexes on the columns people filter on, FTS5 indexes with
the ``trigram`` tokenizer (Chinese has no spaces between words, so substrings
such as 政务云 must match), and the citizens' views of ``views.py``.

The database is built into a temporary file and renamed into place, so a
failed build never leaves a half-written database behind.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import sqlite_utils

from .bounds import check_bounds
from .model import Disclosure
from .package import table_records
from .publish import PUBLISHED_MODE
from .tables import TABLES, Table
from .views import VIEWS

_SQLITE_TYPES = {"string": str, "integer": int, "number": float, "boolean": int, "date": str}

# The text a person searches for, table by table. Every FTS index uses the
# trigram tokenizer: a query of three or more characters matches any substring.
# The index holds the text with quotation marks removed, because the documents
# quote terms mid-word (“三公”经费) and a citizen types 三公经费.
SEARCHABLE = {
    "paragraphs": ("text", "section_title"),
    "main_functions": ("text",),
    "fiscal_figures": ("label_zh", "label_en", "literal"),
    "figure_comparisons": ("reason", "literal"),
    "performance_projects": ("name_zh", "name_en", "annual_target", "annual_result"),
    "performance_indicators": ("level1", "level2", "level3", "target_text", "actual_text"),
    "self_evaluation_scores": ("level1", "level2", "level3"),
    "reception_events": ("visitor", "literal"),
    "work_metrics": ("topic", "metric", "literal"),
    "glossary": ("term", "definition"),
    "schedules": ("title_zh", "title_en"),
}


def build_database(disclosures: list[Disclosure], path: Path) -> Path:
    """Write the database for ``disclosures`` to ``path``, replacing any previous one.

    A number no SQLite integer holds is refused first, as a SourceError (``bounds.py``).
    """
    check_bounds(disclosures)
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite_utils.Database(staging)
        write_tables(db, disclosures)
        db.conn.close()
        os.chmod(staging, PUBLISHED_MODE)  # mkstemp makes it private; the site's visitors download it
        os.replace(staging, path)
    finally:
        if os.path.exists(staging):
            os.unlink(staging)
    return path


def write_tables(db: sqlite_utils.Database, disclosures: list[Disclosure]) -> None:
    """Tables, keys, indexes, full-text indexes and views, in one transaction."""
    with db.conn:
        for table in TABLES:
            create_table(db, table)
        # Declared once every table exists: the references form cycles
        # (documents → organizations → paragraphs → documents).
        db.add_foreign_keys(
            [(t.name, fk.fields, fk.table, fk.table_fields) for t in TABLES for fk in t.foreign_keys]
        )
        for table in TABLES:
            db[table.name].insert_all(
                (sqlite_row(table, record) for record in table_records(disclosures, table)),
                batch_size=1000,
            )
            index_table(db, table)
        for name, columns in SEARCHABLE.items():
            create_search_index(db, name, columns)
        for name, sql in VIEWS.items():
            db.create_view(name, sql)
    db.analyze()
    db.vacuum()


def create_search_index(db: sqlite_utils.Database, table: str, columns: tuple[str, ...]) -> None:
    """``{table}_fts``: an FTS5 trigram index keyed by the table's rowid.

    It stores its own (unquoted) copy of the text rather than pointing at the
    table as external content, so snippet() highlights the text it matched. The
    site metadata names it as the table's ``fts_table`` with ``fts_pk`` rowid.
    """
    quoted = ", ".join(f'"{c}"' for c in columns)
    db.execute(f'CREATE VIRTUAL TABLE "{table}_fts" USING fts5({quoted}, tokenize=\'trigram\')')
    unquoted = ", ".join(unquoted_sql(f'"{c}"') for c in columns)
    db.execute(f'INSERT INTO "{table}_fts" (rowid, {quoted}) SELECT rowid, {unquoted} FROM "{table}"')


QUOTATION_MARKS = "“”‘’「」『』\""


def unquoted_sql(expression: str) -> str:
    for mark in QUOTATION_MARKS:
        expression = f"replace({expression}, '{mark}', '')"
    return expression


def create_table(db: sqlite_utils.Database, table: Table) -> None:
    fields = table.fields
    db[table.name].create(
        {f.name: _SQLITE_TYPES[f.type] for f in fields},
        pk=table.primary_key[0] if len(table.primary_key) == 1 else table.primary_key,
        not_null={f.name for f in fields if f.required},
    )


def index_table(db: sqlite_utils.Database, table: Table) -> None:
    """An index on every foreign key, facet and sort column (the columns people filter on)."""
    wanted = [fk.fields for fk in table.foreign_keys] + list(table.facets)
    if table.sort:
        wanted.append(table.sort)
    for column in dict.fromkeys(wanted):
        if (column,) != tuple(table.primary_key):
            db[table.name].create_index([column], if_not_exists=True)


def sqlite_row(table: Table, record) -> dict:
    return {f.name: sqlite_value(getattr(record, f.name)) for f in table.fields}


def sqlite_value(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)  # the published text is kept beside it (…_as_published)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value

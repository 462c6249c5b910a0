"""Document, department and fiscal year on every record of a disclosure.

Extractors and checks write what they read; the three columns that place a
record in a package of many documents are the document's, so they are filled
here once (``model._STAMPED_*``) rather than passed through every extractor.
A record that already names its own organization (a unit's staffing, a
figure of a subordinate unit) keeps it.
"""

from __future__ import annotations

import dataclasses

from .model import Disclosure

_PLACEHOLDERS = {"document_id": "", "org_id": "", "fiscal_year": 0}


def stamp(disclosure: Disclosure) -> Disclosure:
    document = disclosure.document
    values = {"document_id": document.document_id, "org_id": document.org_id, "fiscal_year": document.fiscal_year}
    tables = {}
    for f in dataclasses.fields(Disclosure):
        if f.name in ("document", "source_files"):  # not tables of records
            continue
        records = getattr(disclosure, f.name)
        if not records:
            continue
        names = {g.name for g in dataclasses.fields(records[0])}
        wanted = [n for n in _PLACEHOLDERS if n in names]
        if not wanted:
            continue
        tables[f.name] = tuple(
            dataclasses.replace(r, **{n: values[n] for n in wanted if getattr(r, n) == _PLACEHOLDERS[n]})
            for r in records
        )
    return dataclasses.replace(disclosure, **tables)

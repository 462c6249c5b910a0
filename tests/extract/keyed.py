"""Extracted records by the keys the tests name them by: their id without the document prefix."""

from yaan_opendata.tables import TABLES

DOC = "yaan-zwfwdsj-2020"


def keyed(records, kind) -> dict:
    """The records of type ``kind`` by their primary key without the ``DOC.`` prefix, in document order."""
    key = next(t.primary_key[0] for t in TABLES if t.record_type is kind)
    return {getattr(r, key).removeprefix(f"{DOC}."): r for r in records if isinstance(r, kind)}

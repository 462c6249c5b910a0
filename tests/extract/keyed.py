"""Extracted records by the keys the tests name them by: their id without the document prefix."""

from yaan_opendata.tables import TABLES

DOC = "yaan-zwfwdsj-2020"


def keyed(records, kind) -> dict:
    """The records of type ``kind`` by their primary key without the ``DOC.`` prefix, in document order."""
    key = next(t.primary_key[0] for t in TABLES if t.record_type is kind)
    return {getattr(r, key).removeprefix(f"{DOC}."): r for r in records if isinstance(r, kind)}


def explanation(doc) -> list:
    """Every record the readers of the 决算情况说明 make of ``doc``: its money figures and
    comparisons, the items of basic expenditure, the 三公 counts and receptions, the assets."""
    from yaan_opendata.extract import assets, basic_items, figures, three_public_details

    records = list(figures.extract(doc)) + list(basic_items.extract(doc)) + list(assets.extract(doc))
    for reader in three_public_details.READERS:
        records += list(reader(doc))
    return records

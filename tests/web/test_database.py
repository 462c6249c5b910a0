"""The SQLite database mirrors the data package: names, types, keys, indexes, search."""

from __future__ import annotations

import sqlite_utils

from yaan_opendata.database import SEARCHABLE
from yaan_opendata.package import table_records
from yaan_opendata.tables import TABLES, TABLES_BY_NAME
from yaan_opendata.views import VIEWS

from .conftest import paragraphs_containing

SQLITE_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}


def test_one_table_per_resource_with_its_columns_types_and_key(site):
    db = sqlite_utils.Database(site.database_path)
    for table in TABLES:
        columns = {c.name: c.type for c in db[table.name].columns}
        assert columns == {f.name: SQLITE_TYPES[f.type] for f in table.fields}, table.name
        assert db[table.name].pks == list(table.primary_key)
    assert set(db.view_names()) == set(VIEWS)


def test_foreign_keys_are_declared_and_hold(site):
    db = sqlite_utils.Database(site.database_path)
    for table in TABLES:
        declared = {(fk.column, fk.other_table, fk.other_column) for fk in db[table.name].foreign_keys}
        assert declared == {(fk.fields, fk.table, fk.table_fields) for fk in table.foreign_keys}, table.name
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_filter_columns_are_indexed(site):
    db = sqlite_utils.Database(site.database_path)
    indexed = {tuple(i.columns) for i in db["fiscal_figures"].indexes}
    for column in ("paragraph_id", "classification_id", "category", "fund"):
        assert (column,) in indexed


def test_values_keep_their_types(site, disclosures):
    db = sqlite_utils.Database(site.database_path)
    figure = db["fiscal_figures"].get("yaan-zwfwdsj-2020.three_public.total")
    assert figure["amount_yuan"] == 57600 and figure["amount_as_published"] == "5.76万元"
    table = TABLES_BY_NAME["performance_projects"]
    assert db["performance_projects"].count == len(table_records(disclosures, table))


def test_trigram_index_finds_chinese_substrings(site, disclosures):
    db = sqlite_utils.Database(site.database_path)
    assert set(SEARCHABLE) <= set(db.table_names())
    assert "tokenize='trigram'" in db["paragraphs_fts"].schema
    for words in ("政务云", "三公经费", "公务接待"):
        hits = db.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?", [f'"{words}"']).fetchone()[0]
        assert hits == len(paragraphs_containing(disclosures, words)) > 0

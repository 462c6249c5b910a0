"""The site's metadata is generated from the table registry, never typed twice."""

from __future__ import annotations

import yaml

from yaan_opendata import site_metadata
from yaan_opendata.database import SEARCHABLE
from yaan_opendata.tables import TABLES
from yaan_opendata.views import VIEWS

from .conftest import DB


def test_committed_metadata_equals_a_fresh_generation():
    committed = site_metadata.GENERATED_PATH.read_text(encoding="utf-8")
    assert committed == site_metadata.fresh_text(), "metadata/metadata.yml is stale: run `yaan-opendata metadata`"


def test_every_table_and_column_is_documented_in_both_languages():
    tables = yaml.safe_load(site_metadata.fresh_text())["databases"][DB]["tables"]
    assert set(tables) == {t.name for t in TABLES} | set(VIEWS)
    for table in TABLES:
        entry = tables[table.name]
        assert entry["title"] == f"{table.title_zh} / {table.title_en}"
        assert set(entry["columns"]) == {f.name for f in table.fields}
        for field in table.fields:
            assert entry["columns"][field.name].startswith(field.title_zh)
            assert f" / {field.title_en}" in entry["columns"][field.name]
    amount = tables["fiscal_figures"]["columns"]["amount_yuan"]
    assert "单位 unit: 元 / yuan (CNY)" in amount


def test_tables_get_their_facets_sort_label_column_and_search_index():
    tables = yaml.safe_load(site_metadata.fresh_text())["databases"][DB]["tables"]
    figures = tables["fiscal_figures"]
    assert figures["label_column"] == "label_zh"
    assert figures["facets"][:4] == ["fiscal_year", "org_id", "category", "flow"]
    assert tables["paragraphs"]["sort"] == "number"
    for name in SEARCHABLE:
        assert (tables[name]["fts_table"], tables[name]["fts_pk"]) == (f"{name}_fts", "rowid")


def test_the_table_page_shows_column_descriptions(client):
    page = client.get(f"/{DB}/fiscal_figures")
    assert "按原文单位换算的整数元" in page.text
    assert "财务数值 / Fiscal figures" in page.text

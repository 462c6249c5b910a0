"""The site of a package of many documents: department and year are facets and view columns."""

from __future__ import annotations

import pytest

from yaan_opendata.database import build_database
from yaan_opendata.serve import Site, datasette_app

from .conftest import DB, Client


@pytest.fixture(scope="module")
def many_site(many_documents, tmp_path_factory):
    disclosures, package = many_documents
    site = Site(package_dir=package, build_dir=tmp_path_factory.mktemp("many-site"))
    build_database(disclosures, site.database_path)
    return site


@pytest.fixture(scope="module")
def many_client(many_site):
    return Client(datasette_app(many_site))


def test_the_pickers_filters_are_answered_from_an_index(many_site):
    """Every page takes ?org= / ?year= / ?document=: over 1,000 documents a table scan for them
    reads 600,000 paragraphs (issue 15). (``documents`` is the list the pickers are made from.)"""
    import sqlite_utils

    from yaan_opendata.tables import TABLES

    db = sqlite_utils.Database(many_site.database_path)
    for table in TABLES:
        indexed = {i.columns[0] for i in db[table.name].indexes} | {table.primary_key[0]}
        for column in ("document_id", "org_id", "fiscal_year"):
            if table.name != "documents" and column in {f.name for f in table.fields}:
                assert column in indexed, (table.name, column)
    for column in ("document_id", "org_id", "fiscal_year"):  # SQLite scans small tables anyway
        plan = " ".join(row[3] for row in db.execute(
            f'EXPLAIN QUERY PLAN SELECT * FROM paragraphs WHERE "{column}" = ? LIMIT 51', ["x"]))
        assert plan == f"SEARCH paragraphs USING INDEX idx_paragraphs_{column} ({column}=?)"


def test_figures_facet_by_year_and_department(many_client):
    data = many_client.json(f"/{DB}/fiscal_figures.json?_facet=fiscal_year&_facet=org_id&_size=0&_facet_size=max")
    facets = {name: {str(v["value"]) for v in facet["results"]} for name, facet in data["facet_results"].items()}
    assert facets["fiscal_year"] == {str(year) for year in range(2019, 2026)}
    assert {"yaan-zwfwdsj", "yaan-wglj", "yaan-zjj", "yaan-jyj", "yaan-sjj", "yingjing-nyncj"} <= facets["org_id"]


def test_every_table_page_answers_and_facets_by_year(many_client):
    tables = many_client.json(f"/{DB}.json")["tables"]
    for table in tables:
        if table["hidden"] or table["name"] in ("documents", "organizations", "classifications"):
            continue
        data = many_client.json(f"/{DB}/{table['name']}.json?_facet=fiscal_year&_size=1")
        years = {str(v["value"]) for v in data["facet_results"]["fiscal_year"]["results"]}
        assert years <= {str(year) for year in range(2019, 2026)}, table["name"]
        assert years or table["count"] == 0, table["name"]


def test_views_name_the_department(many_client):
    rows = many_client.rows(f"/{DB}/three_public_breakdown?单位=雅安市教育局")
    assert rows and {row["年度"] for row in rows} == {2020}
    by_function = many_client.rows(f"/{DB}/expenditure_by_function?科目编码=205")
    assert {"上海市普陀区教育局", "武汉市江岸区教育局", "雅安市教育局"} <= {row["单位"] for row in by_function}
    both_years = many_client.rows(f"/{DB}/figures_wan_yuan?名称=收入总计&单位=雅安市政务服务和大数据局")
    assert sorted(row["年度"] for row in both_years) == [2020, 2021]


def test_serve_with_sources_builds_the_package_and_database_from_them(tmp_path):
    import sqlite3
    from pathlib import Path

    from yaan_opendata.serve import prepare

    document = Path(__file__).parents[1] / "documents" / "yaan-jyj-2020.txt"
    site = Site(package_dir=tmp_path / "datapackage", build_dir=tmp_path / "build", inputs=(document,))
    built = prepare(site)
    assert str(site.package_dir) in built and str(site.database_path) in built
    with sqlite3.connect(site.database_path) as db:
        assert db.execute("select document_id from documents").fetchall() == [("yaan-jyj-2020",)]
    assert "yaan-jyj-2020" in (site.package_dir / "documents.csv").read_text(encoding="utf-8")


def test_totals_by_department_and_year_has_a_row_per_document(many_client, many_documents):
    disclosures, _ = many_documents
    rows = many_client.rows(f"/{DB}/totals_by_department_and_year")
    assert len(rows) == len(disclosures)
    bureau = [row for row in rows if row["单位"] == "雅安市政务服务和大数据局"]
    assert [(row["年度"], row["收支总计(万元)"]) for row in bureau] == [(2020, 3351.34), (2021, 2710.58)]


def test_citizens_pages_answer_for_many_departments_and_years(many_client):
    home = many_client.get("/")
    assert home.status_code == 200
    assert 'name="org"' in home.text and 'name="year"' in home.text  # the pickers
    assert home.text.count('class="yaan-card"') == 6  # the rest through the pickers
    picked = many_client.get("/?org=yaan-jyj")
    assert 'data-document="yaan-jyj-2020"' in picked.text and picked.text.count('class="yaan-card"') == 1
    for path in ("/charts/income?org=yaan-jyj", "/charts/three-public?year=2021", "/budget-vs-actual?org=yaan-jyj",
                 "/projects?year=2022", "/compare?org=yaan-zwfwdsj", f"/{DB}/paragraphs?_search=三公"):
        assert many_client.get(path).status_code == 200, path
    compare = many_client.get("/compare?org=yaan-zwfwdsj").text
    assert ">2020</th>" in compare and ">2021</th>" in compare


def test_a_chart_of_many_documents_shows_the_first_few_and_asks_to_pick(many_client, many_documents):
    """Over 1,000 documents a chart of every one's bars reads nothing and takes seconds (issue 15)."""
    import re

    from yaan_opendata.pages.documents import MOST_SHOWN

    disclosures, _ = many_documents
    assert len(disclosures) > MOST_SHOWN
    page = many_client.get("/charts/income")
    charted = set(re.findall(r"/paragraphs/([a-z0-9-]+)-p\d{4}", page.text))
    assert 0 < len(charted) <= MOST_SHOWN
    assert "pick a department or a year" in page.text
    picked = many_client.get("/charts/income?org=yaan-jyj")
    assert set(re.findall(r"/paragraphs/([a-z0-9-]+)-p\d{4}", picked.text)) == {"yaan-jyj-2020"}


def test_search_document_of_three_characters_reads_only_what_the_index_finds(many_site):
    """The scan that finds one or two characters is skipped before it starts: over 1,000 documents
    it stepped through 626,567 paragraphs for every search, and was cut off by the time limit under
    load (issue 15). Counted in SQLite's steps (a progress handler), not in time."""
    import sqlite3

    import yaml

    from yaan_opendata.site_metadata import GENERATED_PATH

    sql = yaml.safe_load(GENERATED_PATH.read_text(encoding="utf-8"))["databases"][DB]["queries"]["search_document"]["sql"]

    def steps(term):
        with sqlite3.connect(f"file:{many_site.database_path}?mode=ro", uri=True) as conn:
            calls = []
            conn.set_progress_handler(lambda: calls.append(1), 100)
            conn.execute(sql, {"q": term}).fetchall()
            return len(calls)

    indexed, scanned = steps("政务云"), steps("政务")  # the index; every paragraph
    assert indexed * 3 < scanned

"""The home page, the chart pages and the downloads, as a visitor sees them."""

from __future__ import annotations

import io
import zipfile

from yaan_opendata.charts import Bar, bar_chart_svg
from yaan_opendata.downloads import ZIP_NAME, build_zip
from yaan_opendata.tables import TABLES

from .conftest import DB


def test_home_page_links_to_charts_tables_and_downloads(client):
    page = client.get("/")
    assert page.status_code == 200
    for text in ("雅安市部门决算开放数据", "图表:支出结构", "下载 <span class=\"en\" lang=\"en\">Downloads</span>", f"/downloads/{ZIP_NAME}", f"/{DB}.db"):
        assert text in page.text
    for rdf in ("graph.ttl", "graph.jsonld", "graph.nt"):
        assert f'href="/datapackage/{rdf}"' in page.text
    for table in TABLES:
        assert f'href="/datapackage/{table.name}.csv"' in page.text
        assert f'<a href="/{DB}/{table.name}">{table.title_zh}</a>' in page.text


def test_downloads_are_served(client, site):
    csv = client.get("/datapackage/fiscal_figures.csv")
    assert csv.status_code == 200 and csv.text.startswith("figure_id,")
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/downloads/{ZIP_NAME}").content))
    assert "datapackage.json" in archive.namelist()  # at the root: frictionless loads the zip
    assert archive.read("fiscal_figures.csv") == (site.package_dir / "fiscal_figures.csv").read_bytes()
    database = client.get(f"/{DB}.db")
    assert database.status_code == 200 and database.content.startswith(b"SQLite format 3")


def test_the_zip_loads_and_validates_with_frictionless(site):
    import frictionless

    package = frictionless.Package(str(site.zip_path))
    assert "fiscal_figures" in package.resource_names
    report = frictionless.validate(str(site.zip_path))
    assert report.valid, report.flatten(["type", "note"])[:5]


def test_the_zip_is_the_same_bytes_every_time(site, tmp_path):
    again = build_zip(site.package_dir, tmp_path / ZIP_NAME)
    assert again.read_bytes() == site.zip_path.read_bytes()


def test_expenditure_chart_draws_a_bar_per_functional_item(client):
    page = client.get("/charts/expenditure")
    assert page.status_code == 200
    assert page.text.count('<svg xmlns="http://www.w3.org/2000/svg" class="yaan-chart"') == 4
    assert "一般行政管理事务" in page.text and "1,680.23 万元 (73.8%)" in page.text
    assert "基本支出" in page.text and "项目支出" in page.text


def test_three_public_chart_draws_the_published_breakdown_and_each_reception(client, disclosures):
    page = client.get("/charts/three-public")
    assert page.status_code == 200
    assert "4.85 万元 (84.2%)" in page.text  # 公务用车购置及运行维护费, 占84.20%
    assert "0.91 万元 (15.8%)" in page.text  # 公务接待费, 占15.80%
    receptions = sum(len(d.reception_events) for d in disclosures)
    assert page.text.count('<rect class="bar"') == 3 + receptions
    assert "1,752 元" in page.text  # receptions in 元, as the document lists them
    assert f'href="/{DB}/paragraphs/yaan-zwfwdsj-2020-p' in page.text


def test_an_unknown_chart_is_a_404(client):
    assert client.get("/charts/nothing").status_code == 404
    assert client.get("/charts").status_code == 200


def test_bar_chart_escapes_labels_and_scales_to_the_largest_bar():
    svg = bar_chart_svg("t", [Bar("<b>", 30000), Bar("半", 15000, "/p?a=1&b=2")])
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert 'href="/p?a=1&amp;b=2"' in svg
    assert "3.00 万元 (66.7%)" in svg and "1.50 万元 (33.3%)" in svg
    widths = [float(part.split('"')[0]) for part in svg.split('class="bar"')[1:] for part in [part.split('width="')[1]]]
    assert widths[0] == 2 * widths[1]

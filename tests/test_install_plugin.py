"""`datasette yaan-opendata.db` with the package installed shows the site, as `serve` does.

Datasette loads the plugin by the package's ``datasette`` entry point; no
metadata and no template folder are given. tests/test_install.py does the same
in a fresh venv from the wheel.
"""

from __future__ import annotations

import asyncio
from importlib.metadata import entry_points

import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette
from datasette.plugins import pm

from yaan_opendata import plugin, plugin_standalone
from yaan_opendata.chart_pages import CHART_PAGES
from yaan_opendata.database import build_database
from yaan_opendata.resources import bundled
from yaan_opendata.serve import Site, datasette_app
from yaan_opendata.site_metadata import GENERATED_PATH
from yaan_opendata.tables import TABLES_BY_NAME

TITLE = "雅安市部门决算开放数据"
SITE_TEMPLATE = 'class="yaan-'  # the site's own templates mark their sections so


@pytest.fixture(scope="module")
def database(tmp_path_factory, seed_disclosures):
    path = tmp_path_factory.mktemp("plain") / "yaan-opendata.db"
    build_database(seed_disclosures, path)
    return path


def get(datasette, path):
    return asyncio.run(datasette.client.get(path))


def test_the_package_declares_the_plugin_and_datasette_loaded_it():
    declared = {ep.name: ep.value for ep in entry_points(group="datasette")}
    assert declared.get("yaan_opendata") == "yaan_opendata.plugin"
    assert pm.is_registered(plugin)


def test_a_plain_datasette_shows_the_site_pages_charts_and_metadata(database):
    datasette = Datasette([str(database)])
    home = get(datasette, "/")
    assert home.status_code == 200
    assert TITLE in home.text and SITE_TEMPLATE in home.text  # the site's home page, not Datasette's

    chart = CHART_PAGES[0]
    page = get(datasette, f"/charts/{chart.slug}")
    assert page.status_code == 200 and chart.title_zh in page.text and "<svg" in page.text

    facts = get(datasette, "/yaan-opendata/facts")
    assert TABLES_BY_NAME["facts"].title_zh in facts.text  # table docs from the metadata
    query = get(datasette, "/yaan-opendata/totals_by_department_and_year")
    assert query.status_code == 200 and "各部门各年度收支概览" in query.text  # a canned query


def test_a_given_metadata_file_wins_over_the_plugins(database):
    datasette = Datasette([str(database)], metadata={"title": "My mirror"})
    assert datasette.metadata("title") == "My mirror"
    facts = datasette.metadata("title", database="yaan-opendata", table="facts")
    assert TABLES_BY_NAME["facts"].title_zh in facts  # the rest still comes from the plugin
    assert SITE_TEMPLATE in get(datasette, "/").text


def test_metadata_given_for_other_databases_is_merged_without_changing_the_sites(database):
    given = {"databases": {"other": {"title": "Other"}}, "plugins": {"x": {"y": 1}}}
    datasette = Datasette([str(database)], metadata=given)
    assert datasette.metadata("plugins") == {"x": {"y": 1}}
    assert TITLE in datasette.metadata("title")
    assert "other" not in plugin_standalone._site_metadata()["databases"]  # the cached copy is as read


def test_serve_passes_its_own_metadata_and_templates_once(database, tmp_path):
    datasette = datasette_app(Site(package_dir=tmp_path / "datapackage", build_dir=database.parent))
    assert plugin_standalone.site_metadata(datasette) is None
    get(datasette, "/")  # startup: prepare_jinja2_environment
    search_path = datasette.jinja_env.loader.loaders[0].searchpath
    assert search_path.count(str(bundled("templates"))) == 1


def test_the_plugin_leaves_other_databases_alone(tmp_path):
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["things"].insert({"name": "x"})
    home = get(Datasette([str(other)]), "/")
    assert home.status_code == 200 and TITLE not in home.text and SITE_TEMPLATE not in home.text


def test_a_datasette_given_the_sites_metadata_gets_only_the_templates(database):
    datasette = Datasette([str(database)], metadata=yaml.safe_load(GENERATED_PATH.read_text(encoding="utf-8")))
    assert plugin_standalone.site_metadata(datasette) is None
    assert SITE_TEMPLATE in get(datasette, "/").text

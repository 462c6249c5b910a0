"""A site built from the real sources into a temporary folder, driven through Datasette's client."""

from __future__ import annotations

import asyncio
import urllib.parse

import pytest

from yaan_opendata.database import build_database
from yaan_opendata.downloads import build_zip
from yaan_opendata.pipeline import write_outputs
from yaan_opendata.serve import Site, datasette_app

DB = "yaan-opendata"


@pytest.fixture(scope="session")
def disclosures(seed_disclosures):
    return seed_disclosures


@pytest.fixture(scope="session")
def site(tmp_path_factory, disclosures) -> Site:
    root = tmp_path_factory.mktemp("site")
    site = Site(package_dir=root / "datapackage", build_dir=root / "build")
    site.package_dir.mkdir()
    write_outputs(disclosures, site.package_dir)  # CSV, datapackage.json and the RDF files
    build_database(disclosures, site.database_path)
    build_zip(site.package_dir, site.zip_path)
    return site


@pytest.fixture(scope="session")
def datasette(site):
    return datasette_app(site)


class Client:
    """Datasette's own test client, called synchronously."""

    def __init__(self, datasette):
        self.datasette = datasette

    def get(self, path, **kwargs):
        return asyncio.run(self.datasette.client.get(path, **kwargs))

    def post(self, path, **kwargs):
        return asyncio.run(self.datasette.client.post(path, **kwargs))

    def json(self, path):
        response = self.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    def rows(self, path):
        """All rows of a table, view or query as dicts (``_shape=objects``), following pages."""
        rows = []
        path, _, query = path.partition("?")
        url = f"{path}.json?{query}&_shape=objects&_size=max"
        while url:
            data = self.json(url)
            rows += data["rows"]
            url = _path_only(data.get("next_url"))
        return rows


def _path_only(url):
    if not url:
        return None
    parts = urllib.parse.urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@pytest.fixture(scope="session")
def client(datasette):
    return Client(datasette)


def paragraphs_containing(disclosures, text):
    """The paragraphs a reader would find with Ctrl-F in the text or its section title, quotation marks ignored."""
    strip = str.maketrans("", "", "“”‘’「」『』\"")
    return [
        p for d in disclosures for p in d.paragraphs
        if text in p.text.translate(strip) or text in p.section_title.translate(strip)
    ]

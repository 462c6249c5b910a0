"""No public page shows where the server keeps its files (issue 17, item 10)."""

from __future__ import annotations

import pytest

from .site_server import DB, hostile_datasette_fixture, hostile_site_fixture, run  # noqa: F401  (fixtures)

PUBLIC_JSON = [
    "/-/metadata.json",
    "/-/databases.json",
    "/-/plugins.json",
    "/-/settings.json",
    "/-/versions.json",
    "/-/threads.json",
    "/.json",
    f"/{DB}.json",
    "/-/metadata",
    "/-/databases",
]


@pytest.mark.parametrize("path", PUBLIC_JSON)
def test_no_server_path_in_public_pages(hostile_datasette, hostile_site, path):
    response = run(hostile_datasette.client.get(path))
    assert response.status_code == 200
    root = hostile_site.build_dir.parent
    for secret in (str(root), str(hostile_site.database_path), str(hostile_site.package_dir)):
        assert secret not in response.text.replace("\\/", "/"), path


def test_the_database_is_still_named(hostile_datasette):
    [database] = run(hostile_datasette.client.get("/-/databases.json")).json()
    assert database["name"] == DB
    assert database["file"] == f"{DB}.db"
    assert database["is_mutable"] is False


def test_the_metadata_still_describes_the_tables(hostile_datasette):
    metadata = run(hostile_datasette.client.get("/-/metadata.json")).json()
    assert "paragraphs" in metadata["databases"][DB]["tables"]
    assert "plugins" not in metadata

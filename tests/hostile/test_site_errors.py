"""Error pages are answered as what they are, and logged as one line (issue 17, items 2 and 10)."""

from __future__ import annotations

import asyncio
import logging

import pytest
from datasette.utils.asgi import Request

from yaan_opendata.web import errors

from .site_server import DB, hostile_datasette_fixture, hostile_site_fixture, run  # noqa: F401  (fixtures)

UNKNOWN = [
    f"/{DB}/paragraphs/-/foo",
    "/-/static-plugins/yaan-opendata/x",
    "/-/static-plugins/yaan_opendata/x.js",
    f"/{DB}/no_such_table",
    f"/{DB}/paragraphs/no~2Esuch~2Erow",
    "/no-such-database",
    "/charts/no-such-chart",
    "/datapackage/no-such-file.csv",
]


@pytest.mark.parametrize("path", UNKNOWN)
def test_an_unknown_page_is_a_404(hostile_datasette, path):
    response = run(hostile_datasette.client.get(path))
    assert response.status_code == 404, response.text[:300]


def test_a_404_prints_nothing(hostile_datasette, capfd):
    """Datasette 0.65 prints each error with rich (a boxed traceback with locals) when rich
    is importable, as it is here; the site prints nothing for a page that does not exist."""
    capfd.readouterr()
    for path in UNKNOWN:
        run(hostile_datasette.client.get(path))
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_a_server_error_is_logged_as_one_line(hostile_datasette, caplog):
    request = Request.fake(f"/{DB}/paragraphs")
    try:
        {}["missing"]
    except KeyError as exception:
        with caplog.at_level(logging.ERROR, logger="yaan_opendata.site"):
            response = asyncio.run(errors.error_response(hostile_datasette, request, exception))
    assert response.status == 500
    [record] = caplog.records
    line = record.getMessage()
    assert "\n" not in line
    assert line.startswith(f"GET /{DB}/paragraphs: KeyError: 'missing' (at test_site_errors.py:")


def test_json_errors_are_json(hostile_datasette):
    response = run(hostile_datasette.client.get(f"/{DB}/no_such_table.json"))
    assert response.status_code == 404
    assert response.json()["ok"] is False

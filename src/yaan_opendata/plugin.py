"""The site's Datasette plugin: chart pages, the downloads on the home page, links to sources.

``serve`` registers this module with Datasette's plugin manager and passes the
paths it needs through the plugin configuration (``plugins.yaan-opendata`` of
the metadata), the way any Datasette plugin is configured. Installed, it is also
the package's ``datasette`` entry point: a plain ``datasette yaan-opendata.db``
gets the site's metadata and templates from ``plugin_standalone``.
"""

from __future__ import annotations

import functools
from pathlib import Path

from datasette import hookimpl
from datasette.plugins import pm
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from . import pages
from .chart_pages import CHART_PAGES
from .downloads import ZIP_NAME, grouped_downloads
from .pages.hooks import (  # noqa: F401 (registered with this module: the citizens' pages)
    yaan_contains_filter,
    yaan_css_urls,
    yaan_render_cell,
    yaan_search_asgi_wrapper,
    yaan_template_vars,
)
from .tables import TABLES
from .views import VIEW_DOCS
from .web import errors, limits, public_json, throttle

PLUGIN_NAME = "yaan-opendata"

# In views, query results and row pages an id is plain text; link it to the row it names.
# (Table pages expand foreign keys into labelled links themselves; those values are not str.)
_ID_COLUMNS = {
    "paragraph_id": "paragraphs",
    "figure_id": "fiscal_figures",
    "reception_id": "reception_events",
    "indicator_id": "performance_indicators",
    "project_id": "performance_projects",
    "check_id": "consistency_checks",
    "classification_id": "classifications",
    "org_id": "organizations",
    "document_id": "documents",
}


def config(datasette) -> dict:
    return datasette.plugin_config(PLUGIN_NAME) or {}


def database_name(datasette) -> str:
    return config(datasette).get("database", PLUGIN_NAME)


@hookimpl
def render_cell(value, column, database, datasette):
    # Called for every cell of every page: keep the common path to one dict lookup.
    target = _ID_COLUMNS.get(column)
    if target is None or not isinstance(value, str) or not value:
        return None
    href = f"{_table_url(datasette, database, target)}/{tilde_encode(value)}"
    return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')


@functools.lru_cache(maxsize=64)
def _table_url(datasette, database: str, table: str) -> str:
    return datasette.urls.table(database, table)


# A plain `datasette yaan-opendata.db` (the package's entry point) gets what serve passes in.
# plugin_standalone is imported when Datasette first asks: it reads the metadata file.


@hookimpl
def get_metadata(datasette, key, database, table):
    from .plugin_standalone import site_metadata

    return site_metadata(datasette)


@hookimpl
def prepare_jinja2_environment(env, datasette):
    from .plugin_standalone import add_templates

    add_templates(env, datasette)


@hookimpl
def asgi_wrapper():
    """Refuse every request that could write (POST, PUT, ...) before Datasette sees it.

    The database is immutable anyway; this answers a clear 405 instead of an
    error page (Datasette 0.65 fails a POST to a table with a 500).
    """

    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope["method"] not in _READ_METHODS:
                response = Response.text(
                    "只读站点,不接受写入 / This site is read-only.",
                    status=405,
                    headers={"Allow": ", ".join(sorted(_READ_METHODS))},
                )
                await response.asgi_send(send)
                return
            await app(scope, receive, send)

        return read_only

    return lambda app: wrap(throttle.capped(app))


_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@hookimpl
def extra_template_vars(template, datasette):
    if template != "index.html" or database_name(datasette) not in datasette.databases:
        return {}  # installed, the plugin also runs in Datasettes without the site's database
    settings = config(datasette)
    package_dir = Path(settings.get("package_dir", ""))
    return {
        "yaan_downloads": grouped_downloads(package_dir, "/datapackage") if package_dir.name else [],
        "yaan_zip_url": f"/downloads/{ZIP_NAME}" if settings.get("zip") else None,
        "yaan_database_url": datasette.urls.database(database_name(datasette)) + ".db",
        "yaan_chart_pages": CHART_PAGES,
        "yaan_tables": [(t.name, t.title_zh, t.title_en, t.description_zh) for t in TABLES]
        + [(name, docs[0], docs[1], docs[2]) for name, docs in VIEW_DOCS.items()],
    }


@hookimpl
def prepare_connection(conn, database, datasette):
    limits.prepare_connection(conn, database, datasette, database_name(datasette))


@hookimpl
def startup(datasette):
    errors.use_instead_of_datasettes(pm)


@hookimpl
def handle_exception(datasette, request, exception):
    return errors.error_response(datasette, request, exception)


@hookimpl
def register_routes(datasette):
    return [*public_json.routes(datasette), *pages.ROUTES]

"""Datasette hook implementations of the citizens' site; ``plugin.py`` imports them.

They carry ``specname`` so they can sit beside the plugin's other
implementations of the same hooks (pluggy merges or chains them).
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils import urlsafe_components

from ..tables import TABLES_BY_NAME
from . import cells, context, documents, home, labels, search
from .static_files import url as static_url


@hookimpl(specname="render_cell", tryfirst=True)  # before plugin.py's plain id links
def yaan_render_cell(value, column, table, database, datasette):
    return cells.render(value, column, table, database, datasette)


@hookimpl(specname="asgi_wrapper")
def yaan_search_asgi_wrapper():
    return search.search_asgi


@hookimpl(specname="filters_from_request")
def yaan_contains_filter(request, database, table, datasette):
    return search.contains_filter(request, table)


@hookimpl(specname="extra_css_urls")
def yaan_css_urls():
    return [static_url("site.css")]


@hookimpl(specname="extra_template_vars")
def yaan_template_vars(template, database, table, view_name, request, datasette):
    if not context.has_site(datasette):
        return {}

    async def inner():
        result = context.site_vars(datasette)
        result["yaan_labels"] = labels
        result["yaan_highlight"] = search.highlight
        result["yaan_search_term"] = _search_term(request)
        if template == "index.html":
            db = context.database(datasette)
            selection = await documents.select(db, request.args if request else {})
            result["yaan_selection"] = selection
            result["yaan_cards"] = await home.cards(db, selection)
        elif template == "row.html" and table:
            result["yaan_sentence"] = await _row_sentence(datasette, database, table, request)
        return result

    return inner


def _search_term(request) -> str:
    if request is None:
        return ""
    return request.args.get(search.CONTAINS_ARG) or request.args.get("_search") or ""


async def _row_sentence(datasette, database, table, request) -> dict | None:
    """The sentence a row was read from (its ``paragraph_id``), quoted on the row page.

    The keys and columns come from ``tables.py``, so the page costs one more query, not three.
    """
    declared = TABLES_BY_NAME.get(table)
    if declared is None or request is None or table == "paragraphs":
        return None
    if not any(f.name == "paragraph_id" for f in declared.fields):
        return None
    pks = declared.primary_key
    values = urlsafe_components(request.url_vars["pks"])
    if len(values) != len(pks):
        return None
    where = " AND ".join(f't."{pk}" = :p{i}' for i, pk in enumerate(pks))
    row = (await datasette.get_database(database).execute(
        f'SELECT p.paragraph_id, p.text FROM "{table}" t JOIN paragraphs p ON p.paragraph_id = t.paragraph_id '
        f"WHERE {where}",
        {f"p{i}": v for i, v in enumerate(values)},
    )).first()
    if row is None:
        return None
    return {"text": row["text"], "url": context.paragraph_url(datasette, row["paragraph_id"])}

"""Error pages answered at once, logged as one line.

Datasette 0.65's own handler prints every exception with rich (locals included) whenever
``rich`` is importable, synchronously on the event loop: a 404 flood then stalls the
whole site, and for a 404 that was never raised rich itself fails, so the visitor gets a
500. ``use_instead_of_datasettes`` blocks that handler; ``handle_exception`` answers the
same pages (the status, the ``error.html`` template or JSON) and logs a server error as
one line.
"""

from __future__ import annotations

import logging
import sqlite3
import traceback
from pathlib import Path

from datasette.utils import add_cors_headers
from datasette.utils.asgi import Base400, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

DATASETTES_HANDLER = "datasette.handle_exception"

log = logging.getLogger("yaan_opendata.site")

# What SQLite raises for a query it will not run (a string too big, an interrupted or
# malformed statement, our text budget); Datasette's table pages let some through as 500.
_VISITORS_SQL_ERRORS = (sqlite3.DataError, sqlite3.OperationalError)


def use_instead_of_datasettes(plugin_manager) -> None:
    if not plugin_manager.is_blocked(DATASETTES_HANDLER):
        plugin_manager.set_blocked(DATASETTES_HANDLER)


async def error_response(datasette, request, exception) -> Response:
    status, message, title, info = describe(exception)
    if status >= 500:
        log.error("%s %s: %s: %s%s", request.method, request.path, type(exception).__name__,
                  _one_line(exception), _where(exception))
    info.update({"ok": False, "error": message, "status": status, "title": title})
    headers = {}
    if datasette.cors:
        add_cors_headers(headers)
    if request.path.endswith(".json"):
        return Response.json(info, status=status, headers=headers)
    template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
    context = dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(), menu_links=list)
    return Response.html(await template.render_async(context), status=status, headers=headers)


def describe(exception) -> tuple[int, str, str | None, dict]:
    """(status, message, title, extra JSON keys) of an exception, as Datasette answers it."""
    if isinstance(exception, Base400):
        return exception.status, exception.args[0] if exception.args else "", None, {}
    if isinstance(exception, DatasetteError):
        message = Markup(exception.message) if exception.message_is_html else exception.message
        return exception.status, message, exception.title, dict(exception.error_dict)
    if isinstance(exception, _VISITORS_SQL_ERRORS):
        # SQL a visitor wrote (?_where=) that SQLite refused: the request's fault, not the site's.
        return 400, str(exception), "SQL error", {}
    return 500, str(exception), None, {}


def _where(exception) -> str:
    frames = traceback.extract_tb(exception.__traceback__)
    return f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""


def _one_line(exception) -> str:
    return " ".join(str(exception).split())[:300]

"""A cap on requests that run SQL a visitor wrote, per client address and in all (ASGI middleware).

Each such query may hold an SQL thread up to Datasette's time limit; capped, a few
hostile visitors cannot hold every thread, and table pages, rows, charts and canned
queries (SQL the site wrote) always find one free. A request over the cap is answered
429 at once, with ``Retry-After``.
"""

from __future__ import annotations

import collections
import urllib.parse

from datasette.utils.asgi import Response

from .limits import settings


def capped(app):
    """``app`` with ad-hoc SQL capped as limits.yml's ``throttle`` says."""
    rules = settings()["throttle"]
    per_client, total = rules["per_client"], rules["total"]
    query_keys = frozenset(rules["query_keys"])
    retry_after = str(rules["retry_after_seconds"])
    running: collections.Counter[str] = collections.Counter()

    async def throttled(scope, receive, send):
        if scope["type"] != "http" or not _runs_visitor_sql(scope, query_keys):
            await app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown",))[0]
        if running[client] >= per_client or running.total() >= total:
            response = Response.text(
                "同时运行的查询过多,请稍后再试 / Too many queries at once; try again in a moment.",
                status=429,
                headers={"Retry-After": retry_after},
            )
            await response.asgi_send(send)
            return
        running[client] += 1
        try:
            await app(scope, receive, send)
        finally:
            running[client] -= 1
            if not running[client]:
                del running[client]

    return throttled


def _runs_visitor_sql(scope, query_keys: frozenset[str]) -> bool:
    query = scope.get("query_string", b"").decode("latin-1")
    return bool(query) and any(key in query_keys for key, _ in urllib.parse.parse_qsl(query, keep_blank_values=True))

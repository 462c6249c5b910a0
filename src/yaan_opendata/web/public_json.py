"""``/-/metadata.json`` and ``/-/databases.json`` without the server's file paths.

Datasette shows the whole configuration, plugin settings included (where our plugin is
told the package folder), and each database file's absolute path. The site answers the
same pages with plugin settings left out and each database file named, not located.
"""

from __future__ import annotations

from pathlib import Path

from datasette.views.special import JsonDataView


def routes(datasette) -> list[tuple[str, object]]:
    return [
        (r"^/-/metadata(\.(?P<format>json))?$",
         JsonDataView.as_view(datasette, "metadata.json", lambda: public_metadata(datasette))),
        (r"^/-/databases(\.(?P<format>json))?$",
         JsonDataView.as_view(datasette, "databases.json", lambda: public_databases(datasette))),
    ]


def public_metadata(datasette) -> dict:
    return {key: value for key, value in datasette.metadata().items() if key != "plugins"}


def public_databases(datasette) -> list[dict]:
    return [
        {
            "name": db.name,
            "route": db.route,
            "file": Path(db.path).name if db.path else None,
            "size": db.size,
            "is_mutable": db.is_mutable,
            "is_memory": db.is_memory,
            "hash": db.hash,
        }
        for name, db in datasette.databases.items()
        if name != "_internal"
    ]

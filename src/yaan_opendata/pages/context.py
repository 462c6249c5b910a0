"""What every page of the site shows: licence, source, downloads, the pickers, the strings."""

from __future__ import annotations

from datasette.utils import tilde_encode
from datasette.utils.asgi import NotFound

from ..downloads import ZIP_NAME
from ..site_metadata import DATABASE_NAME
from . import strings
from .documents import Selection

DATABASE = DATABASE_NAME


def has_site(datasette) -> bool:
    """The site's database is open (installed, the plugin also runs in other Datasettes)."""
    return DATABASE in datasette.databases


def database(datasette):
    if not has_site(datasette):
        raise NotFound("此 Datasette 未打开决算数据库 / The final accounts database is not open here")
    return datasette.get_database(DATABASE)


def paragraph_url(datasette, paragraph_id: str | None) -> str | None:
    if not paragraph_id:
        return None
    return f"{datasette.urls.table(DATABASE, 'paragraphs')}/{tilde_encode(paragraph_id)}"


async def sentences(db, paragraph_ids) -> list[dict]:
    """The distinct paragraphs named, in document order: the sentences a page quotes."""
    wanted = sorted({p for p in paragraph_ids if p})
    if not wanted:
        return []
    placeholders = ", ".join(f":p{i}" for i in range(len(wanted)))
    rows = (
        await db.execute(
            f"SELECT paragraph_id, text FROM paragraphs WHERE paragraph_id IN ({placeholders}) ORDER BY rowid",
            {f"p{i}": p for i, p in enumerate(wanted)},
        )
    ).rows
    return [{"paragraph_id": r["paragraph_id"], "text": r["text"]} for r in rows]


def site_vars(datasette) -> dict:
    """Available to every template: the strings, the licence and source lines, the zip."""
    metadata = datasette.metadata() or {}
    has_zip = (datasette.plugin_config("yaan-opendata") or {}).get("zip")
    return {
        "yaan": strings.Say,
        "yaan_site": {
            "license": metadata.get("license"),
            "license_url": metadata.get("license_url"),
            "source": metadata.get("source"),
            "source_url": metadata.get("source_url"),
            "zip_url": f"/downloads/{ZIP_NAME}" if has_zip else None,
            "database_url": datasette.urls.database(DATABASE) + ".db",
        },
    }


async def page_context(datasette, request, title: str | None = None, title_key: str | None = None,
                       selection: Selection | None = None, downloads=()) -> dict:
    if title is None and title_key:
        title = f"{strings.zh(title_key)} / {strings.en(title_key)}"
    return {
        "yaan_title": title,
        "yaan_selection": selection,
        "yaan_downloads_here": list(downloads),
    }

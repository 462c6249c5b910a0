"""What the plugin adds for a plain ``datasette yaan-opendata.db`` (no ``yaan-opendata serve``).

Installed, the package declares ``yaan_opendata.plugin`` as a ``datasette`` entry
point, so any Datasette that opens the site's database shows its pages: its hooks
``get_metadata`` and ``prepare_jinja2_environment`` call these for what ``serve``
otherwise passes in, the metadata (titles, column docs, canned queries) and the
templates. Both stay out of the way of a Datasette without that database; the
metadata is not added again when Datasette was given the site's metadata
(``serve``, or ``-m metadata.yml``).
"""

from __future__ import annotations

import functools

import yaml
from jinja2 import ChoiceLoader, FileSystemLoader

from .resources import METADATA_DIR, bundled
from .site_metadata import DATABASE_NAME

TEMPLATES = str(bundled("templates"))


def _plain(datasette) -> bool:
    """The site's database is open and no one gave Datasette the site's metadata (serve does)."""
    # _metadata_local is what Datasette was given (-m, or serve's metadata); asking
    # datasette.metadata() here would call this hook again.
    given = datasette._metadata_local or {}
    return DATABASE_NAME in datasette.databases and DATABASE_NAME not in (given.get("databases") or {})


def site_metadata(datasette) -> dict | None:
    if not _plain(datasette):
        return None
    return _fresh_where(_site_metadata(), datasette._metadata_local or {})


@functools.cache
def _site_metadata() -> dict:
    return yaml.safe_load((METADATA_DIR / "metadata.yml").read_text(encoding="utf-8"))


def _fresh_where(ours: dict, given: dict) -> dict:
    """``ours`` with new dicts wherever ``given`` has a dict too, the rest shared.

    Datasette merges the metadata it was given into the dicts this hook returns, and
    asks for them a few hundred times a page: copying only where a merge writes
    keeps the cached metadata as read from the file, at the cost of a few small dicts.
    """
    fresh = dict(ours)
    for key, value in given.items():
        if isinstance(value, dict) and isinstance(fresh.get(key), dict):
            fresh[key] = _fresh_where(fresh[key], value)
    return fresh


def add_templates(env, datasette) -> None:
    """Datasette finds the templates of a plugin package, not of a plugin module: add ours,
    after a --template-dir and before Datasette's defaults, as a package's would be (serve's
    template_dir already is)."""
    if DATABASE_NAME not in datasette.databases:
        return
    loader = env.loader
    first = loader.loaders[0] if isinstance(loader, ChoiceLoader) and loader.loaders else None
    if isinstance(first, FileSystemLoader):
        if TEMPLATES not in first.searchpath:
            first.searchpath.insert(max(len(first.searchpath) - 1, 0), TEMPLATES)
    else:
        env.loader = ChoiceLoader([FileSystemLoader(TEMPLATES), loader])

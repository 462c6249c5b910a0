"""Where the package is published: the site's address and the URL of every download.

The data's IRIs start with the base IRI (``…/id/``, the linked-data convention of
identifiers under ``/id/``); the site that serves the data — the Datasette home,
the package folder, the zip and the database — lives at the base IRI without its
final ``id/``. ``serve`` mounts the same paths, so every URL written into
``datapackage.json`` and the DCAT record answers on a deployed site (a test asks
the site for each of them).
"""

from __future__ import annotations

import datetime
import os

from .errors import BuildError

PACKAGE_MOUNT = "datapackage"  # the package folder, served as static files
DOWNLOADS_MOUNT = "downloads"  # the zip of the package
SOURCES_FOLDER = "sources"  # the source documents, inside the package
DATABASE_FILE = "yaan-opendata.db"  # site_metadata.DATABASE_NAME + ".db" (a test keeps them equal)

# The data's IRIs start with the base IRI; it is one setting: the `--base-iri`
# option of `build` and `sparql`, else this environment variable, else the default.
DEFAULT_BASE_IRI = "https://yaan-opendata.github.io/id/"
BASE_IRI_VARIABLE = "YAAN_OPENDATA_BASE_IRI"


def configured_base_iri(option: str | None = None) -> str:
    """The base IRI: the CLI option if given, else $YAAN_OPENDATA_BASE_IRI, else the default."""
    base = option or os.environ.get(BASE_IRI_VARIABLE) or DEFAULT_BASE_IRI
    if not base.startswith(("http://", "https://")) or not base.endswith(("/", "#")):
        raise ValueError(f"base IRI {base!r} must be an http(s) IRI ending in '/' or '#'")
    return base


def site_url(base_iri: str) -> str:
    """The site's root: the base IRI without a final ``id/`` (else the base IRI itself)."""
    return base_iri[: -len("id/")] if base_iri.endswith("/id/") else base_iri


def package_file_url(base_iri: str, path: str) -> str:
    """The URL of a file of the package folder (``path`` relative to it)."""
    return f"{site_url(base_iri)}{PACKAGE_MOUNT}/{path}"


def zip_url(base_iri: str, zip_name: str) -> str:
    return f"{site_url(base_iri)}{DOWNLOADS_MOUNT}/{zip_name}"


def database_url(base_iri: str) -> str:
    return f"{site_url(base_iri)}{DATABASE_FILE}"


def dataset_iri(base_iri: str, package_name: str) -> str:
    """The dataset's IRI: the data package's ``id`` and the DCAT dataset."""
    return f"{base_iri}datasets/{package_name}"


def created(published: list[datetime.date]) -> str | None:
    """When the package was made, without reading the clock (builds are byte-identical):
    $SOURCE_DATE_EPOCH when a release sets it (the reproducible-builds convention), else
    the day its newest dated source was published; None when nothing dates it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.isdigit():
            raise BuildError(f"SOURCE_DATE_EPOCH must be seconds since 1970 (an integer), not {epoch!r}")
        moment = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{max(published).isoformat()}T00:00:00Z" if published else None

"""`yaan-opendata serve`: build what is missing, then run Datasette on the database.

The database is opened immutable (read-only, no locking, counts cached): the
site serves a published disclosure, so nothing is ever written through it.
Settings bound every query (time limit, rows returned) so one visitor's runaway
SQL cannot starve the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from datasette.app import Datasette
from datasette.plugins import pm

from . import pipeline, plugin
from .database import build_database
from .downloads import ZIP_NAME, build_zip, package_files
from .resources import DEFAULT_BUILD
from .site_metadata import DATABASE_NAME, GENERATED_PATH

SETTINGS = {
    "sql_time_limit_ms": 1000,  # a runaway query is cut off after a second
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "facet_time_limit_ms": 200,
    "num_sql_threads": 3,  # a slow query leaves threads for other visitors
    "allow_download": True,  # the immutable database file is a download
    "default_cache_ttl": 300,
    "suggest_facets": False,  # the metadata names the useful facets
}


@dataclass(frozen=True)
class Site:
    """Where the site's inputs and built files live."""

    sources_dir: Path = pipeline.DEFAULT_SOURCES
    package_dir: Path = pipeline.DEFAULT_PACKAGE
    build_dir: Path = DEFAULT_BUILD
    metadata_path: Path = GENERATED_PATH
    inputs: tuple[Path, ...] = ()  # source files or folders instead of sources_dir (build --source)
    lenient: bool = False

    @property
    def database_path(self) -> Path:
        return self.build_dir / f"{DATABASE_NAME}.db"

    @property
    def zip_path(self) -> Path:
        return self.build_dir / "downloads" / ZIP_NAME


def prepare(site: Site, rebuild: bool = False) -> list[str]:
    """Build the package, the database and the zip where missing or out of date; say what was built."""
    built = []
    # Documents given one by one are built every time: the package and the database
    # must hold the same documents, and nothing records which ones a package holds.
    rebuild = rebuild or bool(site.inputs)
    if rebuild or not (site.package_dir / "datapackage.json").exists():
        pipeline.build(site.sources_dir, site.package_dir, inputs=site.inputs, lenient=site.lenient)
        built.append(str(site.package_dir))
    if rebuild or _out_of_date(site.database_path, _model_inputs(site)):
        disclosures = pipeline.load_disclosures(site.sources_dir, site.inputs, lenient=site.lenient)
        build_database(disclosures, site.database_path)
        built.append(str(site.database_path))
    if rebuild or _out_of_date(site.zip_path, package_files(site.package_dir)):
        build_zip(site.package_dir, site.zip_path)
        built.append(str(site.zip_path))
    return built


def _model_inputs(site: Site) -> list[Path]:
    """What the database is built from: the sources and the code that reads them."""
    code = Path(__file__).parent
    return [p for p in site.sources_dir.iterdir() if p.is_file()] + list(code.rglob("*.py")) + list(
        code.rglob("*.csv")
    )


def _out_of_date(target: Path, inputs: list[Path]) -> bool:
    if not target.exists():
        return True
    built = target.stat().st_mtime
    return any(p.stat().st_mtime >= built for p in inputs)


def datasette_app(site: Site) -> Datasette:
    """The Datasette instance for a prepared site (tests drive it with ``ds.client``)."""
    if not pm.is_registered(plugin):
        pm.register(plugin, name=plugin.PLUGIN_NAME)
    metadata = yaml.safe_load(site.metadata_path.read_text(encoding="utf-8"))
    metadata.setdefault("plugins", {})[plugin.PLUGIN_NAME] = {
        "database": DATABASE_NAME,
        "package_dir": str(site.package_dir),
        "zip": site.zip_path.exists(),
    }
    static_mounts = [("datapackage", str(site.package_dir))]
    if site.zip_path.exists():
        static_mounts.append(("downloads", str(site.zip_path.parent)))
    return Datasette(
        immutables=[str(site.database_path)],
        metadata=metadata,
        settings=SETTINGS,
        template_dir=str(resources.files(__package__) / "templates"),
        static_mounts=static_mounts,
        cors=False,
    )


def run(site: Site, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve until interrupted (uvicorn, as `datasette serve` does)."""
    import uvicorn

    uvicorn.run(datasette_app(site).app(), host=host, port=port, log_level="warning", lifespan="on")

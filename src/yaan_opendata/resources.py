"""Where the package's own files are, and where a command reads and writes by default.

Everything the code reads at run time ships inside the package and is found with
``importlib.resources``: the Datasette metadata and canned queries (``metadata/``),
the example disclosure (``example/``), and beside them the code lists, lexicon,
shapes and templates. In a source checkout ``metadata`` and ``example`` are links to
the project's top-level ``metadata/`` and ``sources/``, so each file exists once and
the wheel holds a copy.

Defaults that write are under the current directory when the package is installed
(``./datapackage``, ``./build``); in a checkout they stay the project's own folders,
so the committed package is what ``yaan-opendata build`` rebuilds.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled(name: str) -> Path:
    """A file or folder shipped inside the package (installed unzipped, as pip does)."""
    return Path(str(resources.files(__package__).joinpath(name)))


def _checkout() -> Path | None:
    """The source checkout this code runs from, if it does (an editable install or PYTHONPATH=src)."""
    root = Path(__file__).resolve().parents[2]
    is_checkout = (root / "pyproject.toml").is_file() and (root / "src" / __package__).is_dir()
    return root if is_checkout else None


CHECKOUT = _checkout()
METADATA_DIR = bundled("metadata")
EXAMPLE_SOURCES = bundled("example")

DEFAULT_SOURCES = CHECKOUT / "sources" if CHECKOUT else EXAMPLE_SOURCES
DEFAULT_PACKAGE = CHECKOUT / "datapackage" if CHECKOUT else Path("datapackage")
DEFAULT_BUILD = CHECKOUT / "build" if CHECKOUT else Path("build")


def example_query(name: str) -> Path | None:
    """A bundled SPARQL example named by its file name (``three-public.rq``, ``metadata/queries/three-public.rq``)."""
    path = METADATA_DIR / "queries" / Path(name).name
    return path if name.endswith(".rq") and path.is_file() else None


def shown(path: Path) -> str:
    """How ``--help`` names a default: the example by name, a path relative to the current directory."""
    if path == EXAMPLE_SOURCES:
        return "the bundled example"
    if not path.is_absolute():
        return f"./{path}"
    try:
        return f"./{path.relative_to(Path.cwd())}"
    except ValueError:
        return str(path)

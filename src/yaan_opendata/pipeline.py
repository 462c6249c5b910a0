"""The library API: sources → disclosures → outputs. The CLI is a thin layer over it.

A build writes into a fresh folder beside the target, validates it as
``yaan-opendata validate`` does and only then swaps it into place in one atomic
exchange (``publish.py``), so a failed build leaves the previous package untouched.
"""

from __future__ import annotations

import contextlib
import filecmp
import multiprocessing
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import publish
from .bounds import check_bounds
from .cache import DocumentCache
from .errors import BuildError, SourceError
from .identify import IdentityError, identity_from_lines
from .inputs import SUFFIXES, read_lines
from .model import Disclosure
from .package import seal, write_package
from .parallel import extract_documents
from .processes import die_with_parent
from .publication import configured_base_iri
from .source import read_manifest
from .tables import TABLES
from .validate import validate_files, validate_package

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# In a checkout, the vendored sources and the committed package; installed, the bundled
# example and ./datapackage. Imported here, beside the path constants it replaces.
from .resources import DEFAULT_PACKAGE, DEFAULT_SOURCES


def source_entries(sources_dir: Path = DEFAULT_SOURCES, inputs: Sequence[Path] = ()) -> list[tuple[dict, Path]]:
    """(manifest entry, folder) of every document to build, ordered by document id.

    ``inputs`` are files and folders (default: ``sources_dir``). A folder gives
    the entries of its manifest.json, if it has one, and its other source files. A
    file listed in its folder's manifest takes that entry; any other file gets
    its identity from its own title and date lines (``identify.py``).
    """
    found: list[tuple[dict, Path]] = []
    for path in inputs or (sources_dir,):
        path = Path(path)
        if path.is_dir():
            listed = _manifest_if_any(path)
            files = {name for entry in listed for name in entry.get("files") or [entry["file"]]}
            found += [(entry, path) for entry in listed]
            found += [
                (entry_from_text(f), path) for f in sorted(path.iterdir())
                if f.suffix.lower() in SUFFIXES and f.is_file() and f.name not in files
            ]
        elif path.is_file():
            listed = [e for e in _manifest_if_any(path.parent) if path.name in (e.get("files") or [e["file"]])]
            found.append((listed[0] if listed else entry_from_text(path), path.parent))
        elif not inputs:
            raise SourceError(path.name, f"no sources: {path} does not exist; give the disclosures to read with "
                              "--source FILE_OR_FOLDER (.pdf, .html, .xlsx, .xls or .txt)")
        else:
            raise SourceError(path.stem, f"{path} does not exist")
    by_id: dict[str, tuple[dict, Path]] = {}
    for entry, folder in found:
        other = by_id.setdefault(entry["document_id"], (entry, folder))
        if other[1] / _first_file(other[0]) != folder / _first_file(entry):
            raise SourceError(entry["document_id"], "two sources have this document id: "
                              f"{other[1] / _first_file(other[0])} and {folder / _first_file(entry)}")
    return [by_id[key] for key in sorted(by_id)]


def _first_file(entry: dict) -> str:
    return (entry.get("files") or [entry["file"]])[0]


def entry_from_text(path: Path) -> dict:
    """A manifest entry for a file no manifest lists: its identity read from its own text."""
    try:
        return identity_from_lines(read_lines(path), path.name)
    except IdentityError as exc:
        raise SourceError(path.stem, str(exc)) from None


def _manifest_if_any(folder: Path) -> list[dict]:
    return read_manifest(folder) if (folder / "manifest.json").exists() else []


def load_disclosures(
    sources_dir: Path = DEFAULT_SOURCES,
    inputs: Sequence[Path] = (),
    *,
    lenient: bool = False,
    workers: int | None = None,
    cache_dir: Path | None = None,
) -> list[Disclosure]:
    """Verify every source, extract its records and check their consistency, document by document.

    Documents are extracted by ``workers`` processes (default: one per core) and, with
    ``cache_dir``, each is read from the cache when its source, entry and the code are
    unchanged (``parallel.py``, ``cache.py``). The result is the same either way.
    """
    cache = DocumentCache(cache_dir) if cache_dir is not None else None
    return extract_documents(source_entries(sources_dir, inputs), lenient=lenient, workers=workers, cache=cache)


def write_outputs(
    disclosures: list[Disclosure],
    out_dir: Path,
    base_iri: str | None = None,
    *,
    validate: bool = False,
    validators: ProcessPoolExecutor | None = None,
    workers: int | None = None,
    cache_dir: Path | None = None,
) -> list[str]:
    """Every file of the published package, written into ``out_dir``.

    ``base_iri`` starts the IRIs of the RDF graph (default: $YAAN_OPENDATA_BASE_IRI,
    else ``rdf.DEFAULT_BASE_IRI``). With ``validate``, returns every problem
    ``yaan-opendata validate`` would find (empty when the package is valid):
    frictionless on the tables and files, the Data Cube integrity constraints, the
    OpenBudgets.eu checks and the SHACL shapes of the graph, using ``validators``
    (``validator_pool``) when given. The graph is written and checked by ``workers``
    processes; ``cache_dir`` keeps each document's graph and findings for the next build.
    """
    from .rdf import (  # rdflib and Oxigraph load only when a build writes
        graph_resources,
        write_graph,
    )

    base_iri = configured_base_iri(base_iri)
    write_package(disclosures, out_dir, extra_resources=graph_resources(), base_iri=base_iri)
    if not validate:
        write_graph(disclosures, out_dir, base_iri, workers=workers, cache_dir=cache_dir)
        seal(out_dir)
        return []
    if validators is None:
        with validator_pool() as pool:
            return _write_graph_and_validate(disclosures, out_dir, base_iri, pool, workers, cache_dir)
    return _write_graph_and_validate(disclosures, out_dir, base_iri, validators, workers, cache_dir)


@contextlib.contextmanager
def validator_pool():
    """Two forked processes that validate the tables (None where processes cannot fork).

    Frictionless validation is pure Python and among the slowest stages: the two
    processes validate half the tables each while this one writes and checks the RDF
    graph. They start at once and import frictionless while this process is still
    extracting. Each dies with the build (``processes.die_with_parent``).
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=2, mp_context=context, initializer=_start_validator,
                             initargs=(os.getpid(),)) as pool:
        pool.submit(int)  # a fork pool starts all its processes with the first task
        yield pool


def _start_validator(parent_pid: int) -> None:
    die_with_parent(parent_pid)  # a killed build leaves no validator behind
    import frictionless  # noqa: F401  (0.16 s, paid while the main process extracts)


def _write_graph_and_validate(disclosures, out_dir: Path, base_iri, pool: ProcessPoolExecutor | None,
                              workers: int | None, cache_dir: Path | None) -> list[str]:
    """Write the graph and seal the package while it is validated as ``validate`` does.

    The pool validates the tables while this process writes the graph and checks it
    from graph.nt as ``validate`` does (``rdf.check_package_graph``, section by
    section), then this process seals the package and validates what the seal adds
    (every file's bytes and hash) and the Fiscal Data Package view.
    """
    from .rdf import check_package_graph, write_graph

    if pool is None:
        write_graph(disclosures, out_dir, base_iri, workers=workers, cache_dir=cache_dir)
        problems = validate_package(out_dir, tables_only=True)
    else:
        names = [table.name for table in TABLES]
        validating = [pool.submit(validate_package, out_dir, True, half) for half in (names[0::2], names[1::2])]
        write_graph(disclosures, out_dir, base_iri, workers=workers, cache_dir=cache_dir)
    graph_problems = check_package_graph(out_dir, workers=workers, cache_dir=cache_dir)
    if pool is not None:
        problems = [problem for future in validating for problem in future.result()]
    seal(out_dir)  # once the validators have read datapackage.json
    return problems + graph_problems + validate_files(out_dir)


def build(
    sources_dir: Path = DEFAULT_SOURCES,
    out_dir: Path = DEFAULT_PACKAGE,
    base_iri: str | None = None,
    *,
    inputs: Sequence[Path] = (),
    lenient: bool = False,
    workers: int | None = None,
    cache_dir: Path | None = None,
) -> list[Disclosure]:
    """Extract every source, validate the package and replace ``out_dir`` with it atomically.

    The package is written beside ``out_dir`` and published only if it passes everything
    ``yaan-opendata validate`` checks; otherwise a BuildError names the first failures and
    ``out_dir`` is left as it was (``publish.py``).
    """
    out_dir = out_dir.resolve()
    publish.tidy(out_dir)
    with validator_pool() as validators:
        disclosures = load_disclosures(sources_dir, inputs, lenient=lenient, workers=workers, cache_dir=cache_dir)
        check_publishable(disclosures)
        with publish.staging_folder(out_dir) as staging:
            problems = write_outputs(disclosures, staging, base_iri, validate=True, validators=validators,
                                     workers=workers, cache_dir=cache_dir)
            if problems:
                raise BuildError(refusal(problems, [d.document.document_id for d in disclosures]))
            publish.swap_into_place(staging, out_dir)
    return disclosures


def check_publishable(disclosures: list[Disclosure]) -> None:
    """Refuse, in either mode, a result with nothing to publish: no document, a document of
    which no money figure was read, or a number no SQLite integer holds."""
    if not disclosures:
        raise BuildError("no document to build: the sources hold no disclosure, nothing was published")
    for disclosure in disclosures:
        if not disclosure.fiscal_figures:
            raise SourceError(disclosure.document.document_id, "no money figure was read from it: not a final "
                              "accounts disclosure the reader understands, nothing was published")
    check_bounds(disclosures)


def refusal(problems: list[str], document_ids: list[str], shown: int = 3) -> str:
    """One line for a package that fails validation: its documents, first problems and how many more."""
    problems = list(dict.fromkeys(problems))  # SHACL reports a result once per shape that finds it
    documents = ", ".join(document_ids[:shown]) + (f" and {len(document_ids) - shown} more" if len(document_ids) > shown else "")
    more = f" (and {len(problems) - shown} more)" if len(problems) > shown else ""
    return (f"the package of document {documents} fails validation, nothing was published: "
            f"{'; '.join(problems[:shown])}{more}")


@dataclass
class PackageDifference:
    """How a committed package differs from a fresh build."""

    missing: list[str] = field(default_factory=list)  # written by a fresh build, absent here
    unexpected: list[str] = field(default_factory=list)  # present here, not written by a build
    changed: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # the first differing line of each changed file

    def __bool__(self) -> bool:
        return bool(self.missing or self.unexpected or self.changed)

    def lines(self) -> list[str]:
        return (
            [f"missing (a fresh build writes it): {name}" for name in self.missing]
            + [f"unexpected (a fresh build does not write it): {name}" for name in self.unexpected]
            + [f"differs from a fresh build: {name}" for name in self.changed]
            + self.details
        )


def check(
    sources_dir: Path = DEFAULT_SOURCES,
    package_dir: Path = DEFAULT_PACKAGE,
    base_iri: str | None = None,
    *,
    inputs: Sequence[Path] = (),
    lenient: bool = False,
    workers: int | None = None,
    cache_dir: Path | None = None,
) -> PackageDifference:
    """Compare ``package_dir`` with what a fresh build writes, file by file, byte by byte."""
    disclosures = load_disclosures(sources_dir, inputs, lenient=lenient, workers=workers, cache_dir=cache_dir)
    check_publishable(disclosures)
    with tempfile.TemporaryDirectory() as fresh:
        fresh_dir = Path(fresh)
        write_outputs(disclosures, fresh_dir, base_iri, workers=workers, cache_dir=cache_dir)
        return compare_dirs(fresh_dir, package_dir)


def compare_dirs(expected: Path, actual: Path) -> PackageDifference:
    def files(root: Path) -> set[str]:
        if not root.exists():
            return set()
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}

    want, have = files(expected), files(actual)
    common = sorted(want & have)
    changed = [name for name in common if not filecmp.cmp(expected / name, actual / name, shallow=False)]
    return PackageDifference(
        missing=sorted(want - have),
        unexpected=sorted(have - want),
        changed=changed,
        details=[_first_difference(name, expected / name, actual / name) for name in changed],
    )


def _first_difference(name: str, expected: Path, actual: Path, width: int = 160) -> str:
    """'  fiscal_figures.csv line 12: fresh build ... / here ...' for the first line that differs."""
    fresh = expected.read_bytes().decode("utf-8", "replace").splitlines()
    here = actual.read_bytes().decode("utf-8", "replace").splitlines()
    for number, (a, b) in enumerate(zip(fresh, here), start=1):
        if a != b:
            # from a little before the first character that differs, so a long line shows it
            start = max(0, next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b))) - 40)
            shown = ["…" * bool(start) + line[start:start + width] for line in (a, b)]
            return f"  {name} line {number}:\n    fresh build: {shown[0]}\n    here:        {shown[1]}"
    return f"  {name}: a fresh build has {len(fresh)} lines, here {len(here)}"

"""`yaan-opendata`: a thin click layer over the library API in ``pipeline``."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from . import pipeline, resources
from .errors import BuildError, SourceError
from .validate import validate_package

_SOURCES = click.option(
    "--sources", "sources_dir", type=click.Path(file_okay=False, path_type=Path),
    default=pipeline.DEFAULT_SOURCES, show_default=resources.shown(pipeline.DEFAULT_SOURCES),
    help="Folder with manifest.json and the source files.",
)
_PACKAGE = click.option(
    "--package", "package_dir", type=click.Path(file_okay=False, path_type=Path),
    default=pipeline.DEFAULT_PACKAGE, show_default=resources.shown(pipeline.DEFAULT_PACKAGE),
    help="The data package folder.",
)
_INPUTS = click.option(
    "--source", "inputs", multiple=True, type=click.Path(exists=True, path_type=Path), metavar="FILE|DIR",
    help="A disclosure (.pdf, .html/.htm, .xlsx/.xls or .txt), or a folder of them (repeatable). Replaces "
    "--sources. A file its folder's manifest.json does not list gets its identity from its own title or cover.",
)
_MODE = click.option(
    "--lenient/--strict", default=False, show_default=True,
    help="Strict: a headline figure that is not read stops the build. Lenient: what was read is published "
    "and the rest listed in extraction_issues. Either way a document without the template's required parts is refused.",
)
_BASE_IRI = click.option(
    "--base-iri", default=None, metavar="IRI",
    help="Base of the RDF graph's IRIs (default: $YAAN_OPENDATA_BASE_IRI, else https://yaan-opendata.github.io/id/).",
)

_WORKERS = click.option(
    "--workers", type=click.IntRange(min=1), default=None, metavar="N",
    help="Processes that extract documents (default: one per core). The package is the same bytes whatever N.",
)
_CACHE = click.option(
    "--cache", "cache", default=str(Path("build") / "cache"), show_default=True, metavar="DIR|off",
    help="Folder of extracted documents, keyed by each source's sha256 and the code's version, so a rebuild "
    "extracts only what changed (relative to the current directory); 'off' extracts everything.",
)


def _cache_dir(value: str) -> Path | None:
    return None if value == "off" else Path(value)


@contextlib.contextmanager
def _one_line_errors():
    """Whatever a source does to the reader, the user gets one line, never a traceback.

    A SourceError names document, paragraph and reason, a ValueError a setting (base
    IRI, lexicon file); anything else is a bug the line says to report
    ($YAAN_OPENDATA_TRACEBACK=1 shows its traceback).
    """
    try:
        yield
    except (SourceError, BuildError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    except (click.ClickException, click.exceptions.Exit, KeyboardInterrupt):
        raise
    except Exception as exc:
        if os.environ.get("YAAN_OPENDATA_TRACEBACK"):
            raise
        raise click.ClickException(
            f"unexpected {type(exc).__name__}: {exc} (a bug: please report it with the source; "
            "YAAN_OPENDATA_TRACEBACK=1 shows where)") from None


@click.group()
@click.version_option(package_name="yaan-opendata")
def cli():
    """Turn 部门决算 disclosures into open data: a data package, RDF and a Datasette site."""


@cli.command()
@_SOURCES
@_INPUTS
@_PACKAGE
@_MODE
@click.option("--check", "check_only", is_flag=True, help="Write nothing; fail if the package differs from a fresh build.")
@_BASE_IRI
@_WORKERS
@_CACHE
def build(sources_dir: Path, inputs: tuple[Path, ...], package_dir: Path, lenient: bool, check_only: bool,
          base_iri: str | None, workers: int | None, cache: str):
    """Extract the sources and write the data package (or --check it).

    One package holds every document given: organization and fiscal year are
    columns of the tables and dimensions of the RDF observations.
    """
    extraction = {"workers": workers, "cache_dir": _cache_dir(cache)}
    with _one_line_errors():
        if check_only:
            difference = pipeline.check(sources_dir, package_dir, base_iri, inputs=inputs, lenient=lenient,
                                        **extraction)
            if difference:
                for line in difference.lines():
                    click.echo(line, err=True)
                click.echo(f"{package_dir} is not what a fresh build writes: run `yaan-opendata build`.", err=True)
                sys.exit(1)
            click.echo(f"{package_dir} is up to date with a fresh build.")
            return
        disclosures = pipeline.build(sources_dir, package_dir, base_iri, inputs=inputs, lenient=lenient,
                                     **extraction)
    for disclosure in disclosures:
        _report_issues(disclosure)
    figures = sum(len(d.fiscal_figures) for d in disclosures)
    click.echo(f"Wrote {package_dir}: {len(disclosures)} document(s), {figures} money figures.")


def _report_issues(disclosure, shown: int = 3) -> None:
    """One warning line per skipped section; the first unread amounts with their paragraph and
    why, and a count of the rest (all listed in extraction_issues)."""
    document_id = disclosure.document.document_id
    unread = []
    for issue in disclosure.extraction_issues:
        where = f", paragraph {issue.paragraph_id}" if issue.paragraph_id else ""
        if issue.kind == "unreadable_section":
            click.echo(f"warning: document {document_id}{where}: section '{issue.extractor}' left out: {issue.reason}", err=True)
        elif len(unread) < shown:
            reason = issue.reason.split(" / ", 1)[-1]  # the English half of the bilingual reason
            unread.append(issue)
            click.echo(f"warning: document {document_id}{where}: amount '{issue.literal}' not read: {reason}", err=True)
        else:
            unread.append(issue)
    if len(unread) > shown:
        click.echo(f"warning: document {document_id}: {len(unread) - shown} more amount(s) not read "
                   "(see extraction_issues.csv)", err=True)


@cli.command()
@_PACKAGE
def validate(package_dir: Path):
    """Validate the data package with frictionless (types, keys, foreign keys) and its
    RDF graph (Data Cube integrity constraints, OpenBudgets.eu checks, SHACL shapes)."""
    from .rdf import check_package_graph

    problems = validate_package(package_dir)
    if (package_dir / "datapackage.json").exists():
        problems += check_package_graph(package_dir)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(1)
    click.echo(f"{package_dir / 'datapackage.json'} and its RDF graph are valid.")


@cli.command()
@_SOURCES
@_INPUTS
@_MODE
@_PACKAGE
@click.option("--build-dir", type=click.Path(file_okay=False, path_type=Path), default=resources.DEFAULT_BUILD,
              show_default=resources.shown(resources.DEFAULT_BUILD), help="Where the database and the zip are built.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost only by default).")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--rebuild", is_flag=True, help="Rebuild the data package and the database even if they are up to date.")
def serve(sources_dir: Path, inputs: tuple[Path, ...], lenient: bool, package_dir: Path, build_dir: Path | None,
          host: str, port: int, rebuild: bool):
    """Build what is missing and serve the site with Datasette (read-only).

    With --source, the package (into --package) and the database are rebuilt
    from those documents every time.
    """
    from . import serve as site_server

    site = site_server.Site(sources_dir, package_dir, build_dir or site_server.DEFAULT_BUILD,
                            inputs=inputs, lenient=lenient)
    with _one_line_errors():
        for path in site_server.prepare(site, rebuild=rebuild):
            click.echo(f"Built {path}", err=True)
    click.echo(f"Serving http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    site_server.run(site, host=host, port=port)


@cli.command()
@click.option("--check", "check_only", is_flag=True, help="Write nothing; fail if metadata/metadata.yml is stale.")
def metadata(check_only: bool):
    """Generate metadata/metadata.yml (Datasette) from metadata/base.yml and the table registry."""
    from . import site_metadata

    path = site_metadata.GENERATED_PATH
    if check_only:
        if not path.exists() or path.read_text(encoding="utf-8") != site_metadata.fresh_text():
            raise click.ClickException(f"{path} differs from a fresh generation: run `yaan-opendata metadata`.")
        click.echo(f"{path} is up to date.")
        return
    if resources.CHECKOUT is None:
        raise click.ClickException("metadata/metadata.yml is regenerated in a source checkout, not an installed package.")
    click.echo(f"Wrote {site_metadata.write()}")


@cli.command("check")
@_SOURCES
@_INPUTS
@_MODE
@click.option("--show", "statuses", multiple=True, default=("fail",), show_default=True,
              type=click.Choice(["fail", "rounding", "not_checkable", "undefined", "pass"]),
              help="Which findings to list after the counts (repeatable).")
def check_consistency(sources_dir: Path, inputs: tuple[Path, ...], lenient: bool, statuses: tuple[str, ...]):
    """Report which published figures agree and which contradict each other.

    Exits non-zero only when a source cannot be read or extracted; the
    document's own inconsistencies are findings, listed with their quotes.
    """
    from .checks.report import report_lines

    with _one_line_errors():
        disclosures = pipeline.load_disclosures(sources_dir, inputs, lenient=lenient)
    for number, disclosure in enumerate(disclosures):
        if number:
            click.echo("")
        for line in report_lines(disclosure, statuses):
            click.echo(line)


@cli.command()
@click.argument("query_or_file")
@_PACKAGE
@click.option("--format", "output_format", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="A text table, CSV, or SPARQL 1.1 JSON results.")
@_BASE_IRI
def sparql(query_or_file: str, package_dir: Path, output_format: str, base_iri: str | None):
    """Run a SPARQL query (text, or a .rq file such as metadata/queries/*.rq) on the package's graph.

    Every prefix of the published graph is declared (data:, fiscal-figures:, qb:,
    obeu-dimension:, skos: ...); see docs/sparql.md. The examples ship with the
    package: a .rq file that is not here is looked for among them by name
    (three-public.rq, expenditure-by-class.rq, ...).
    """
    from .rdf.query import base_iri_for, load_store, query_text, render, run

    if (example := resources.example_query(query_or_file)) and not Path(query_or_file).is_file():
        query_or_file = str(example)
    try:
        store = load_store(package_dir)
        base = base_iri_for(store, base_iri)
        result = run(store, query_text(query_or_file), base)
    except (FileNotFoundError, ValueError, SyntaxError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(render(result, output_format, base), nl=False)

"""SPARQL over the published graph: the library side of `yaan-opendata sparql`.

The graph (``graph.nt`` of the data package) is loaded into an in-memory
Oxigraph store, a SPARQL 1.1 engine. Every prefix of the published files is
declared before the query (``data:`` and the table prefixes under the base
IRI), and the base IRI is the query's BASE, so queries need not repeat them.
The base IRI is the configured one (``--base-iri``, $YAAN_OPENDATA_BASE_IRI),
else the one the graph was built with.
"""

from __future__ import annotations

import os
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from ..package import PACKAGE_NAME
from .mapping import prefixes, sparql_prologue
from .namespaces import BASE_IRI_VARIABLE, configured_base_iri

DCAT_DATASET = "http://www.w3.org/ns/dcat#Dataset"


def load_store(package_dir: Path) -> ox.Store:
    path = package_dir / "graph.nt"
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist: run `yaan-opendata build` first")
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return store


def published_base_iri(store: ox.Store) -> str | None:
    """The base IRI the graph was built with, read from its catalogue record's IRI."""
    suffix = f"datasets/{PACKAGE_NAME}"
    for solution in store.query(f"SELECT ?d WHERE {{ ?d a <{DCAT_DATASET}> }}"):
        iri = solution["d"].value
        if iri.endswith(suffix):
            return iri.removesuffix(suffix)
    return None


def base_iri_for(store: ox.Store, option: str | None = None) -> str:
    """The base IRI to query with: the option, else $YAAN_OPENDATA_BASE_IRI, else the graph's own."""
    return configured_base_iri(option or os.environ.get(BASE_IRI_VARIABLE) or published_base_iri(store))


def query_text(query_or_file: str) -> str:
    """The query itself, or the text of the file it names (e.g. metadata/queries/*.rq)."""
    if query_or_file.endswith(".rq") or "\n" not in query_or_file and _is_file(query_or_file):
        return Path(query_or_file).read_text(encoding="utf-8")
    return query_or_file


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except OSError:  # a one-line query longer than a file name can be
        return False


def run(store: ox.Store, query: str, base_iri: str):
    """Solutions, a boolean or triples, as Oxigraph returns them."""
    prologue = sparql_prologue(base_iri)
    try:
        return store.query(prologue + query, base_iri=base_iri)
    except SyntaxError as exc:
        # Count lines in the user's query, not in the prologue we put before it.
        shift = prologue.count("\n")
        message = re.sub(
            r"error at (\d+):(\d+)", lambda m: f"line {int(m[1]) - shift}, column {m[2]}", str(exc).splitlines()[0]
        )
        raise SyntaxError(f"SPARQL syntax {message}") from None


def rows(solutions) -> list[dict]:
    """Solutions as dicts of Python values: IRIs and strings as str, numbers as int or Decimal."""
    numeric = {
        "http://www.w3.org/2001/XMLSchema#integer": int,
        "http://www.w3.org/2001/XMLSchema#decimal": Decimal,
    }
    names = [v.value for v in solutions.variables]
    result = []
    for solution in solutions:
        row = {}
        for name in names:
            term = solution[name]
            if term is None:
                row[name] = None
            elif isinstance(term, ox.Literal) and term.datatype.value in numeric:
                row[name] = numeric[term.datatype.value](term.value)
            else:
                row[name] = term.value
        result.append(row)
    return result


def render(result, output_format: str, base_iri: str) -> str:
    """The result as an aligned text table, CSV or SPARQL JSON results."""
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        if output_format == "csv":
            return result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
        if output_format == "json":
            return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
        if isinstance(result, ox.QueryBoolean):
            return f"{'true' if result else 'false'}\n"
        return table(result, base_iri)
    return ox.serialize(list(result), format=ox.RdfFormat.TURTLE, prefixes=prefixes(base_iri)).decode("utf-8")


def table(solutions: ox.QuerySolutions, base_iri: str) -> str:
    names = [v.value for v in solutions.variables]
    by_length = sorted(prefixes(base_iri).items(), key=lambda item: -len(item[1]))

    def show(term) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            for name, namespace in by_length:
                if term.value.startswith(namespace):
                    return f"{name}:{term.value[len(namespace):]}"
            return f"<{term.value}>"
        return term.value

    cells = [[show(solution[name]) for name in names] for solution in solutions]
    widths = [max([_width(name)] + [_width(row[i]) for row in cells]) for i, name in enumerate(names)]
    lines = [_line(names, widths), "  ".join("-" * w for w in widths)]
    lines += [_line(row, widths) for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths)).rstrip()


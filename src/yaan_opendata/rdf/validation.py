"""Run the graph's checks: the 21 Data Cube integrity constraints and the OBEU
checks (Oxigraph) and the SHACL shapes (pyshacl); ``check_package_graph`` runs them
all on a package's graph.nt, section by section (``section_checks.py``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH

from .integrity import Violation, check_constraints
from .obeu_checks import check_obeu, load_reference_graphs

RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SHAPES = resources.files("yaan_opendata").joinpath("shapes/graph.ttl")


def store_of(triples_or_ntriples) -> ox.Store:
    """An Oxigraph store with the graph as default graph and the reference graphs the OBEU checks read."""
    store = ox.Store()
    if isinstance(triples_or_ntriples, bytes):
        store.load(triples_or_ntriples, format=ox.RdfFormat.N_TRIPLES)
    else:
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples_or_ntriples)
    load_reference_graphs(store)
    return store


def check_graph(triples_or_ntriples) -> list[Violation]:
    """Every violation of the Data Cube integrity constraints and the OBEU checks."""
    store = store_of(triples_or_ntriples)
    return check_constraints(store) + check_obeu(store)


def check_shapes(graph: Graph, use_shapes: tuple[str, ...] | None = None) -> list[str]:
    """Every SHACL result of the shapes (or of ``use_shapes`` only), one line each:
    'focus node: path: message'."""
    import pyshacl  # imported here: it takes a while to load and only checking needs it

    shapes = Graph().parse(data=SHAPES.read_text(encoding="utf-8"), format="turtle")
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes, allow_warnings=False,
                                            use_shapes=list(use_shapes) if use_shapes else None)
    if conforms:
        return []
    return sorted(_describe(results, result) for result in results.subjects(RDF_TYPE, SH.ValidationResult))


def _describe(results: Graph, result) -> str:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    message = results.value(result, SH.resultMessage)
    value = results.value(result, SH.value)
    where = focus.n3() + (f" {path.n3()}" if path is not None and not isinstance(path, BNode) else "")
    return f"SHACL: {where}: {message}" + (f" (value {value.n3()})" if value is not None else "")


def check_package_graph(package_dir: Path, *, workers: int | None = None, cache_dir: Path | None = None) -> list[str]:
    """Every problem of the published graph in ``package_dir``: constraints, OBEU checks, shapes.

    Checked section by section by ``workers`` processes (``rdf/section_checks.py``), with the
    findings of the whole graph; with ``cache_dir``, sections checked before are not again.
    """
    from .section_checks import check_graph_file

    path = package_dir / "graph.nt"
    if not path.exists():
        return [f"{path} does not exist: run `yaan-opendata build` first"]
    return check_graph_file(path, workers, cache_dir)

"""Check graph.nt section by section: what ``validate`` and the build both run.

Every check of the whole graph (the Data Cube integrity constraints, the OBEU checks,
the SHACL shapes) is run on the shared triples with one group of documents at a time
(``sections.group_sections``), by a process per core, so memory is that of the largest
group, not of the graph. The findings are those of the whole graph:

- the constraints and the OBEU checks run on the shared triples with the group's;
- the shapes run once on the shared triples alone, for the nodes they describe, and
  for each group on the group's triples with the shared nodes they point at (a code, a
  term of the vocabulary) and the class hierarchy: a shape reads a focus node's own
  triples and those of the nodes it points at, and no document describes a shared
  node (``group_sections`` verifies it). A group that uses an inverse path of the
  shapes towards a shared node (a code of its own in a shared code list) is checked
  with every shared triple.

The shapes read only the triples whose predicate they name (a path, a target, the type
and class hierarchy); every other triple (most of a document's: identifiers, literal
texts, the checks' inputs) is left out of the graph pyshacl checks, which changes no
finding and saves most of its time.

With a cache folder, each job's findings are kept under the sha256 of the bytes it
checked and of the code, so a rebuild re-checks only the documents that changed.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from ..cache import DocumentCache, code_version
from ..parallel import map_in_workers
from .graph import to_rdflib
from .sections import SHARED, Section, group_sections, read_sections, summarize
from .validation import SHAPES, check_graph, check_shapes

NTRIPLES = ox.RdfFormat.N_TRIPLES
SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
# What the forked workers read (inherited, not pickled).
_FORKED: dict = {}


def check_sections(path: Path, sections: list[Section], workers: int | None = None,
                   cache_dir: Path | None = None) -> list[str] | None:
    """Every problem of the graph in ``path``, or None when its sections cannot be checked
    one by one (a node described in two of them): then only the whole graph can be."""
    import pyshacl  # noqa: F401  (loaded once here, not in every worker)

    shared, documents = sections[0], sections[1:]
    _FORKED.update(path=path, sections=sections)
    try:
        summaries = map_in_workers(_summary, range(len(sections)), workers)
        groups, _ = group_sections(summaries[0], summaries[1:])
        if not groups and documents:
            return None
        digests = [summary.digest for summary in summaries]
        jobs = [(SHARED, [])] + [("group", [n + 1 for n in group]) for group in groups]
        try:
            shared_triples = _parsed(shared.read(path))
        except SyntaxError as exc:
            return [f"graph.nt is not N-Triples: {exc}"]
        by_subject: dict = {}
        for triple in shared_triples:
            by_subject.setdefault(triple.subject, []).append(triple)
        _FORKED.update(shared=shared_triples, by_subject=by_subject, digests=digests,
                       cache=DocumentCache(cache_dir / "checks") if cache_dir is not None else None)
        found = map_in_workers(_check_job, jobs, workers)
    finally:
        _FORKED.clear()
    return list(dict.fromkeys(problem for problems in found for problem in problems))


def _summary(number: int):
    return summarize(_FORKED["sections"][number].read(_FORKED["path"]))


def _parsed(data: bytes) -> list[ox.Triple]:
    return [quad.triple for quad in ox.parse(data, format=NTRIPLES)]


def _check_job(job: tuple[str, list[int]]) -> list[str]:
    kind, numbers = job
    digests, cache = _FORKED["digests"], _FORKED["cache"]
    key = hashlib.sha256("\0".join([code_version(), kind, digests[0], *(digests[n] for n in numbers)]).encode())
    if cache is not None and (found := cache.get(key.hexdigest())) is not None:
        return found
    shared = _FORKED["shared"]  # parsed once, before the workers forked
    if kind == SHARED:
        problems = check_shapes(_for_shapes(shared))
    else:
        sections, path = _FORKED["sections"], _FORKED["path"]
        try:
            triples = [t for n in numbers for t in _parsed(sections[n].read(path))]
        except SyntaxError as exc:
            return [f"graph.nt is not N-Triples: {exc}"]
        problems = [str(v) for v in check_graph(shared + triples)] + _group_shapes(shared, triples)
    if cache is not None:
        cache.put_bytes(key.hexdigest(), pickle.dumps(problems, protocol=pickle.HIGHEST_PROTOCOL))
    return problems


def _group_shapes(shared: list[ox.Triple], triples: list[ox.Triple]) -> list[str]:
    """The shapes on the group's triples with what they read of the shared ones (see the module).

    The shapes that target named shared nodes (the code lists) are left to the shared run:
    their targets are not in the group's graph.
    """
    by_subject = _FORKED["by_subject"]
    if any(t.predicate in _inverse_paths() and t.object in by_subject for t in triples):
        return check_shapes(_for_shapes(shared + triples))
    triples = [t for t in triples if t.predicate in _read_by_shapes()]
    needed = {t.object for t in triples}
    neighbours = [t for node in needed for t in by_subject.get(node, ())]
    hierarchy = [t for t in shared if t.predicate == SUBCLASS]
    return check_shapes(_for_shapes(triples + neighbours + hierarchy), use_shapes=_shapes_without_named_targets())


def _for_shapes(triples: list[ox.Triple]) -> Graph:
    """The triples the shapes read, as an rdflib graph (see the module)."""
    return to_rdflib(t for t in triples if t.predicate in _read_by_shapes())


@functools.cache
def _shapes() -> Graph:
    return Graph().parse(data=SHAPES.read_text(encoding="utf-8"), format="turtle")


@functools.cache
def _shapes_without_named_targets() -> tuple[str, ...]:
    shapes = _shapes()
    return tuple(sorted(str(shape) for shape in set(shapes.subjects(RDF.type, SH.NodeShape))
                        if isinstance(shape, URIRef) and (shape, SH.targetNode, None) not in shapes))


@functools.cache
def _read_by_shapes() -> frozenset:
    """Every IRI the shapes name (a superset of the predicates they read), with the type and
    class hierarchy that targets and sh:class read."""
    named = {term for triple in _shapes() for term in triple if isinstance(term, URIRef)}
    return frozenset(ox.NamedNode(str(iri)) for iri in named | {RDF.type, RDFS.subClassOf})


@functools.cache
def _inverse_paths() -> frozenset:
    return frozenset(ox.NamedNode(str(p)) for p in _shapes().objects(None, SH.inversePath) if isinstance(p, URIRef))


def check_graph_file(path: Path, workers: int | None = None, cache_dir: Path | None = None) -> list[str]:
    """Every problem of graph.nt: section by section when it is written in sections, else whole."""
    sections = read_sections(path)
    if sections is not None:
        problems = check_sections(path, sections, workers, cache_dir)
        if problems is not None:
            return problems
    data = path.read_bytes()
    try:
        triples = _parsed(data)
    except SyntaxError as exc:
        return [f"graph.nt is not N-Triples: {exc}"]
    return [str(v) for v in check_graph(triples)] + check_shapes(_for_shapes(triples))

"""One RDF graph of everything in the data package, built from the model.

``graph_triples`` is what the build writes and checks: the triples as
Oxigraph terms, sorted, so that every serialization is the same bytes each
build. ``build_graph`` gives the same graph as an rdflib ``Graph`` (for the
SHACL shapes, for tests and for library users).
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from ..model import Disclosure
from ..package import table_records
from ..tables import TABLES, TABLES_BY_NAME, rows
from .catalog import Distribution, add_catalog, add_document_checksum, catalog_dataset
from .codes import add_code_lists
from .cube import add_cubes
from .mapping import Mapper, node, prefixes
from .namespaces import DEFAULT_BASE_IRI
from .vocabulary import declare_vocabulary

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


# Tables whose records are merged across documents (an organization once, as its latest
# year describes it; the code list with the parents of every code used): shared.
SHARED_TABLES = ("classifications", "organizations")
OBSERVED_TABLES = ("facts", "fiscal_figures", "table_cells")


def graph_triples(
    disclosures: list[Disclosure],
    base_iri: str = DEFAULT_BASE_IRI,
    distributions: list[Distribution] = (),
) -> list[ox.Triple]:
    """Every record of every table, the cubes of the facts and table cells, the code
    lists, the vocabulary, the catalogue record and the provenance; sorted by
    their N-Triples form.

    The graph is the union of each document's triples and the shared ones, so it
    can be written document by document and merged (``rdf/shards.py``).
    """
    mapper = Mapper(base_iri)
    triples = shared_triples(disclosures, mapper, distributions)
    for disclosure in disclosures:
        triples |= document_triples(disclosure, mapper)
    return sorted(triples, key=str)


def document_triples(disclosure: Disclosure, mapper: Mapper) -> set[ox.Triple]:
    """The triples of one document's own records and observations: no other document
    has one of them (their subjects are its records), so documents concatenate."""
    triples: set[ox.Triple] = set()
    for table in TABLES:
        if table.name not in SHARED_TABLES:
            for record in rows(disclosure, table):
                triples.update(mapper.triples(table, record))
    described: set[tuple] = set()
    observed = {name: rows(disclosure, TABLES_BY_NAME[name]) for name in OBSERVED_TABLES}
    add_cubes(described, observed, mapper, catalog_dataset(mapper), structures=False)
    add_document_checksum(described, mapper, disclosure.document.document_id, disclosure.document.sha256)
    triples.update(_converted(described))
    return triples


def shared_triples(disclosures: list[Disclosure], mapper: Mapper, distributions=()) -> set[ox.Triple]:
    """What no one document owns: the merged tables, the code lists, the vocabulary, the
    data sets and structures of the observations, and the catalogue."""
    triples: set[ox.Triple] = set()
    for name in SHARED_TABLES:
        table = TABLES_BY_NAME[name]
        for record in table_records(disclosures, table):
            triples.update(mapper.triples(table, record))
    described: set[tuple] = set()  # the hand-made parts, in rdflib terms
    declare_vocabulary(described)
    add_code_lists(described, table_records(disclosures, TABLES_BY_NAME["classifications"]))
    observed = {name: table_records(disclosures, TABLES_BY_NAME[name]) for name in OBSERVED_TABLES}
    add_cubes(described, observed, mapper, catalog_dataset(mapper), observations=False)
    add_catalog(described, disclosures, mapper, list(distributions))
    triples.update(_converted(described))
    return triples


def _converted(described: set[tuple]):
    return (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in described)


def build_graph(
    disclosures: list[Disclosure],
    base_iri: str = DEFAULT_BASE_IRI,
    distributions: list[Distribution] = (),
) -> Graph:
    """The graph as an rdflib ``Graph``, with the published prefixes bound."""
    return to_rdflib(graph_triples(disclosures, base_iri, distributions), base_iri)


def to_oxigraph(term):
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=node(term.datatype))
        return ox.Literal(str(term))
    return node(term)


def to_rdflib(triples, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, iri in prefixes(base_iri).items():
        graph.bind(prefix, iri)
    terms: dict = {}

    def term(t):
        found = terms.get(t)
        if found is None:
            if isinstance(t, ox.NamedNode):
                found = URIRef(t.value)
            elif t.language:
                found = Literal(t.value, lang=t.language)
            elif t.datatype.value == _XSD_STRING:
                found = Literal(t.value)
            else:
                found = Literal(t.value, datatype=URIRef(t.datatype.value))
            terms[t] = found
        return found

    for triple in triples:
        graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return graph

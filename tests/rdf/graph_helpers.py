"""Helpers to look into a graph's triples and to break a graph on purpose."""

import pyoxigraph as ox

QB = "http://purl.org/linked-data/cube#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
OBSERVATION = ox.NamedNode(QB + "Observation")


def observations(triples) -> list:
    return sorted({t.subject for t in triples if t.predicate == RDF_TYPE and t.object == OBSERVATION}, key=str)


def objects(triples, subject, predicate: str) -> list:
    return [t.object for t in triples if t.subject == subject and t.predicate.value == predicate]


def without(triples, subject, predicate: str) -> list:
    """The triples minus every (subject, predicate, *)."""
    return [t for t in triples if not (t.subject == subject and t.predicate.value == predicate)]


def copy_of(triples, subject, new_iri: str) -> list:
    """The triples plus a copy of everything said about ``subject``, under ``new_iri``."""
    new = ox.NamedNode(new_iri)
    return list(triples) + [ox.Triple(new, t.predicate, t.object) for t in triples if t.subject == subject]

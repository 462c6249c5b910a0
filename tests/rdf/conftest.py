"""Fixtures of the RDF tests: one fresh package build and its published graph,
read back by rdflib and by Oxigraph."""

import pyoxigraph as ox
import pytest
from rdflib import Graph

from yaan_opendata import pipeline
from yaan_opendata.rdf import DEFAULT_BASE_IRI, graph_triples
from yaan_opendata.rdf.serialize import DISTRIBUTIONS
from yaan_opendata.rdf.validation import store_of


@pytest.fixture(scope="session")
def rdf_package(tmp_path_factory):
    """A data package as `yaan-opendata build` writes it (graph files included)."""
    out = tmp_path_factory.mktemp("rdf") / "datapackage"
    pipeline.build(out_dir=out)
    return out


@pytest.fixture(scope="session")
def published(rdf_package):
    """The triples of the published graph.nt, as Oxigraph reads them."""
    data = (rdf_package / "graph.nt").read_bytes()
    return [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


@pytest.fixture(scope="session")
def published_store(published):
    """The published graph in a store with the reference graphs the OBEU checks read."""
    return store_of(published)


@pytest.fixture(scope="session")
def rdflib_graph(rdf_package):
    """The published Turtle, as rdflib reads it."""
    return Graph().parse(rdf_package / "graph.ttl", format="turtle")


@pytest.fixture(scope="session")
def seed_triples(seed_disclosures):
    """The graph of the seed, built in memory (what a build would publish)."""
    return graph_triples(seed_disclosures, DEFAULT_BASE_IRI, DISTRIBUTIONS)

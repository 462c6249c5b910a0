"""The RDF graph of the data package: an RDF Data Cube of the money figures
with OpenBudgets.eu components, SKOS code lists, org/FOAF organizations, every
other table as typed resources, a DCAT record and PROV-O provenance.

``write_graph`` is the writer the build calls: it writes the graph as Turtle,
JSON-LD and N-Triples, document by document (``shards.py``).
``check_package_graph`` checks the written graph (the 21 W3C Data Cube integrity
constraints, the OpenBudgets.eu checks and the SHACL shapes) section by section
(``section_checks.py``): the build runs it before it publishes, as
``yaan-opendata validate`` does.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Disclosure
from .graph import build_graph, graph_triples
from .namespaces import BASE_IRI_VARIABLE, DEFAULT_BASE_IRI, configured_base_iri
from .serialize import DISTRIBUTIONS, RDF_FILES, resource_descriptor
from .shards import write_graph_files
from .validation import check_graph, check_package_graph, check_shapes

__all__ = [
    "BASE_IRI_VARIABLE",
    "DEFAULT_BASE_IRI",
    "RDF_FILES",
    "build_graph",
    "check_graph",
    "check_package_graph",
    "check_shapes",
    "configured_base_iri",
    "graph_resources",
    "graph_triples",
    "write_graph",
]


def graph_resources() -> list[dict]:
    """The data-package resources of the files ``write_graph`` writes."""
    return [resource_descriptor(d) for d in RDF_FILES]


def write_graph(disclosures: list[Disclosure], out_dir: Path, base_iri: str | None = None, *,
                workers: int | None = None, cache_dir: Path | None = None) -> list[dict]:
    """Write graph.ttl, graph.jsonld and graph.nt into ``out_dir`` and return their
    data-package resources (``workers`` processes; shards cached in ``cache_dir``)."""
    write_graph_files(disclosures, out_dir, configured_base_iri(base_iri), DISTRIBUTIONS, workers, cache_dir)
    return graph_resources()

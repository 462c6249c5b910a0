"""Time the RDF stage of the build on the seed, stage by stage (not a test).

Run on demand:  python benchmarks/rdf_benchmark.py [--runs 5]

Reports the median wall time of: building the triples from the model, writing
N-Triples, Turtle and JSON-LD, the Data Cube and OpenBudgets.eu checks, the whole
``write_graph``, and the SHACL shapes on the whole graph (the build and `validate`
run both checks on the written graph.nt, section by section: ``check_package_graph``).
The figures are recorded in docs/sparql.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from yaan_opendata.pipeline import load_disclosures
from yaan_opendata.rdf import DEFAULT_BASE_IRI, write_graph
from yaan_opendata.rdf.graph import graph_triples, to_rdflib
from yaan_opendata.rdf.mapping import prefixes
from yaan_opendata.rdf.serialize import DISTRIBUTIONS, json_ld, turtle
from yaan_opendata.rdf.validation import check_graph, check_shapes


def timed(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    disclosures = load_disclosures()
    names = prefixes(DEFAULT_BASE_IRI)

    seconds, triples = timed(lambda: graph_triples(disclosures, DEFAULT_BASE_IRI, DISTRIBUTIONS), runs)
    rows = [("triples from the model", seconds)]
    seconds, ntriples = timed(lambda: ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), runs)
    rows.append(("N-Triples", seconds))
    rows.append(("Turtle", timed(lambda: turtle(triples, names), runs)[0]))
    rows.append(("JSON-LD", timed(lambda: json_ld(triples, names), runs)[0]))
    seconds, violations = timed(lambda: check_graph(ntriples), runs)
    assert violations == []
    rows.append(("IC-1..21 + OBEU checks (load + queries)", seconds))
    with tempfile.TemporaryDirectory() as folder:
        rows.append(("write_graph (all of the above)", timed(lambda: write_graph(disclosures, Path(folder)), runs)[0]))
    graph = to_rdflib(triples)
    rows.append(("SHACL shapes on the whole graph (pyshacl)", timed(lambda: check_shapes(graph), 1)[0]))

    print(f"{len(triples)} triples; median of {runs} runs")
    for name, seconds in rows:
        print(f"  {name:<42} {seconds * 1000:7.0f} ms")


if __name__ == "__main__":
    main()

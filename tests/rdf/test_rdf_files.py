"""The graph files of the data package: listed in datapackage.json, read alike by
two engines, the same bytes every build, under the configured base IRI."""

import json
import os
import subprocess
import sys

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from yaan_opendata.cli import cli
from yaan_opendata.rdf import BASE_IRI_VARIABLE, DEFAULT_BASE_IRI, configured_base_iri, write_graph
from yaan_opendata.validate import validate_package

FILES = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.jsonld": "json-ld"}
OXIGRAPH_FORMATS = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.nt": ox.RdfFormat.N_TRIPLES, "graph.jsonld": ox.RdfFormat.JSON_LD}


def test_datapackage_json_lists_the_graph_files_and_frictionless_still_passes(rdf_package):
    descriptor = json.loads((rdf_package / "datapackage.json").read_text(encoding="utf-8"))
    graph = {r["path"]: r for r in descriptor["resources"] if r["path"] in FILES}
    assert set(graph) == set(FILES)
    assert graph["graph.ttl"]["mediatype"] == "text/turtle"
    assert graph["graph.jsonld"]["mediatype"] == "application/ld+json"
    assert graph["graph.nt"]["mediatype"] == "application/n-triples"
    assert all(r["profile"] == "data-resource" for r in graph.values())
    assert validate_package(rdf_package) == []


@pytest.mark.parametrize("name", sorted(FILES))
def test_oxigraph_reads_the_same_triples_from_every_file(name, rdf_package, published):
    triples = {q.triple for q in ox.parse(path=str(rdf_package / name), format=OXIGRAPH_FORMATS[name])}
    assert triples == set(published)


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt"])
def test_rdflib_and_oxigraph_count_the_same_triples(name, rdf_package, published, rdflib_graph):
    graph = rdflib_graph if name == "graph.ttl" else Graph().parse(rdf_package / name, format=FILES[name])
    assert len(graph) == len(published) > 30000


def test_the_json_ld_is_compact_with_a_context(rdf_package):
    document = json.loads((rdf_package / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["qb"] == "http://purl.org/linked-data/cube#"
    assert document["@context"]["data"] == DEFAULT_BASE_IRI
    figure = next(n for n in document["@graph"] if n["@id"] == "facts:yaan-zwfwdsj-2020.income.total")
    assert "qb:Observation" in figure["@type"]
    assert figure["obeu-measure:amount"] == [{"@type": "xsd:decimal", "@value": "19421700.0"}]
    assert figure["obeu-dimension:operationCharacter"] == [{"@id": "obeu-operation:revenue"}]


def test_no_blank_nodes(published):
    assert not any(isinstance(term, ox.BlankNode) for t in published for term in (t.subject, t.object))


def test_builds_in_processes_with_different_hash_seeds_write_the_same_bytes(tmp_path):
    """Sets and dicts iterate differently under another PYTHONHASHSEED: the files must not."""
    script = (
        "import sys; from pathlib import Path; from yaan_opendata import pipeline, rdf; "
        "rdf.write_graph(pipeline.load_disclosures(), Path(sys.argv[1]))"
    )
    folders = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        folder.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(folder)], check=True, env=env)
        folders.append(folder)
    for name in FILES:
        assert (folders[0] / name).read_bytes() == (folders[1] / name).read_bytes(), name


def test_the_base_iri_is_one_setting(seed_disclosures, tmp_path, monkeypatch):
    base = "https://example.org/budgets/"
    write_graph(seed_disclosures, tmp_path, base)
    turtle = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert f"@prefix data: <{base}> ." in turtle
    assert f"@prefix fiscal-figures: <{base}fiscal-figures/> ." in turtle
    assert DEFAULT_BASE_IRI not in turtle
    # the vocabulary and the code lists do not move with the data
    assert "@prefix yaan: <https://yaan-opendata.github.io/def/> ." in turtle

    monkeypatch.setenv(BASE_IRI_VARIABLE, base)
    assert configured_base_iri() == base
    assert configured_base_iri("https://example.net/x/") == "https://example.net/x/"
    monkeypatch.delenv(BASE_IRI_VARIABLE)
    assert configured_base_iri() == DEFAULT_BASE_IRI == "https://yaan-opendata.github.io/id/"


def test_build_takes_the_base_iri_option(tmp_path):
    package = tmp_path / "datapackage"
    result = CliRunner().invoke(cli, ["build", "--package", str(package), "--base-iri", "https://example.org/b/"])
    assert result.exit_code == 0, result.output
    assert "<https://example.org/b/fiscal-figures/" in (package / "graph.nt").read_text(encoding="utf-8")
    # `sparql` reads the base the graph was built with, unless told another
    query = "SELECT ?dataset WHERE { ?dataset a dcat:Dataset }"
    found = CliRunner().invoke(cli, ["sparql", query, "--package", str(package), "--format", "csv"])
    assert found.output.splitlines() == ["dataset", "https://example.org/b/datasets/yaan-final-accounts"]
    shown = CliRunner().invoke(cli, ["sparql", query, "--package", str(package)])
    assert "datasets:yaan-final-accounts" in shown.output
    other = CliRunner().invoke(cli, ["sparql", query, "--package", str(package), "--base-iri", "https://example.net/"])
    assert "<https://example.org/b/datasets/yaan-final-accounts>" in other.output


def test_a_base_iri_that_is_not_a_namespace_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--package", str(tmp_path / "p"), "--base-iri", "example.org/b"])
    assert result.exit_code == 1
    assert "base IRI 'example.org/b' must be an http(s) IRI ending in '/' or '#'" in result.output

"""graph.nt is checked section by section (the shared triples, then each document's), with
the findings of the whole graph: every broken graph below is checked both ways and
the two agree, including where the sections cannot be checked one by one."""

from pathlib import Path

import pytest

from yaan_opendata.pipeline import load_disclosures, write_outputs
from yaan_opendata.rdf.section_checks import check_graph_file
from yaan_opendata.rdf.sections import MARK, SHARED, group_sections, read_sections, summarize

DOCUMENTS = Path(__file__).parents[1] / "documents"
INPUTS = [DOCUMENTS / f"{name}.txt" for name in ("beijing-chaoyang-wjw-2023", "mianyang-sfj-2023")]
SKOS = "http://www.w3.org/2004/02/skos/core#"
AMOUNT = "<http://data.openbudgets.eu/ontology/dsd/measure/amount>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
PARAGRAPH_TEXT = "<http://www.w3.org/ns/prov#value>"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> str:
    """graph.nt of the seed and two other documents, as the build writes it."""
    out = tmp_path_factory.mktemp("sections")
    write_outputs(load_disclosures(inputs=[*INPUTS, Path(__file__).parents[2] / "sources"]), out)
    return (out / "graph.nt").read_text(encoding="utf-8")


def sections_of(text: str) -> list[list[str]]:
    """The lines of each section, the shared one first."""
    found: list[list[str]] = []
    for line in text.splitlines(keepends=True):
        if line.startswith(MARK.decode()):
            found.append([])
        found[-1].append(line)
    return found


def joined(sections: list[list[str]]) -> str:
    return "".join(line for lines in sections for line in lines)


def both_ways(tmp_path: Path, text: str, workers: int = 2) -> tuple[set[str], set[str]]:
    """(findings section by section, findings of the whole graph without its section lines)."""
    sectioned, whole = tmp_path / "sectioned.nt", tmp_path / "whole.nt"
    sectioned.write_text(text, encoding="utf-8")
    whole.write_text("".join(line for line in text.splitlines(keepends=True) if not line.startswith("#")), "utf-8")
    assert read_sections(whole) is None
    return set(check_graph_file(sectioned, workers)), set(check_graph_file(whole, 1))


def test_the_build_writes_the_shared_section_then_one_per_document(graph, tmp_path):
    path = tmp_path / "graph.nt"
    path.write_text(graph, encoding="utf-8")
    sections = read_sections(path)
    assert [s.name for s in sections] == [SHARED, "document beijing-cyqwsjkwyh-2023", "document mianyang-sfj-2023",
                                          "document yaan-zwfwdsj-2020"]
    assert all(s.end > s.start for s in sections)
    assert b"".join(s.read(path) for s in sections) == b"".join(
        line for line in path.read_bytes().splitlines(keepends=True) if not line.startswith(MARK))


def test_a_valid_graph_has_no_finding_either_way(graph, tmp_path):
    assert both_ways(tmp_path, graph) == (set(), set())


def without_lines(graph: str, predicate: str, section: int | None = None, first_only: bool = False) -> str:
    sections = sections_of(graph)
    for number, lines in enumerate(sections):
        if section is None or number == section:
            dropped = [n for n, line in enumerate(lines) if f" {predicate} " in line]
            for n in reversed(dropped[:1] if first_only else dropped):
                del lines[n]
    return joined(sections)


@pytest.mark.parametrize("broken", [
    pytest.param(lambda g: without_lines(g, f"<{SKOS}prefLabel>"), id="codes without their names (shared)"),
    pytest.param(lambda g: without_lines(g, AMOUNT, section=2, first_only=True), id="an observation without amount"),
    pytest.param(lambda g: without_lines(g, PARAGRAPH_TEXT, section=3), id="paragraphs without their text"),
    pytest.param(lambda g: without_lines(g, f"<{SKOS}notation>", first_only=True), id="a code without notation"),
])
def test_a_broken_graph_has_the_same_findings_either_way(graph, tmp_path, broken):
    """... and as pyshacl and the constraints find them on every triple of the whole graph."""
    import pyoxigraph as ox

    from yaan_opendata.rdf.graph import to_rdflib
    from yaan_opendata.rdf.validation import check_graph, check_shapes

    text = broken(graph)
    sectioned, whole = both_ways(tmp_path, text)
    triples = [quad.triple for quad in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES)]
    every_triple = {str(v) for v in check_graph(triples)} | set(check_shapes(to_rdflib(triples)))
    assert whole and sectioned == whole == every_triple


def test_a_document_pointing_at_another_documents_node_is_checked_with_it(graph, tmp_path):
    """An observation of one document derived from a paragraph of another: valid either way,
    because the two documents are grouped (checked apart, the paragraph would be missing)."""
    sections = sections_of(graph)
    paragraph = next(line.split(" ")[0] for line in sections[3] if f" {PARAGRAPH_TEXT} " in line)
    observation = next(line.split(" ")[0] for line in sections[1] if f" {AMOUNT} " in line)
    sections[1].append(f"{observation} {DERIVED} {paragraph} .\n")
    assert both_ways(tmp_path, joined(sections)) == (set(), set())


def test_a_node_described_in_two_sections_is_checked_whole(graph, tmp_path):
    """A second notation given to a shared code by a document: only the whole graph sees both."""
    sections = sections_of(graph)
    code = next(line.split(" ")[0] for line in sections[0] if f" <{SKOS}notation> " in line)
    sections[2].append(f'{code} <{SKOS}notation> "9999" .\n')
    assert group_sections(summarize(joined(sections[:1]).encode()),
                          [summarize("".join(lines).encode()) for lines in sections[1:]])[1]
    sectioned, whole = both_ways(tmp_path, joined(sections))
    assert any("exactly one skos:notation" in finding for finding in whole)
    assert sectioned == whole


def test_a_document_adding_a_code_to_a_shared_code_list_is_checked_with_every_shared_triple(graph, tmp_path):
    sections = sections_of(graph)
    node = next(line.split(" ")[0] for line in sections[1] if f" {AMOUNT} " in line)
    sections[1].append(f"{node} <{SKOS}inScheme> <https://yaan-opendata.github.io/def/codelist/functional> .\n")
    sectioned, whole = both_ways(tmp_path, joined(sections))
    assert any("every code of a code list" in finding for finding in whole)
    assert sectioned == whole


def test_what_is_not_n_triples_is_a_finding_not_a_crash(graph, tmp_path):
    sections = sections_of(graph)
    sections[2].append("<not a triple\n")
    sectioned, whole = both_ways(tmp_path, joined(sections))
    assert any("graph.nt is not N-Triples" in finding for finding in sectioned)
    assert any("graph.nt is not N-Triples" in finding for finding in whole)


def test_one_or_two_workers_and_a_cache_find_the_same_and_a_changed_section_is_checked_again(graph, tmp_path):
    path, cache = tmp_path / "graph.nt", tmp_path / "cache"
    path.write_text(graph, encoding="utf-8")
    assert check_graph_file(path, 1) == check_graph_file(path, 2, cache) == check_graph_file(path, 2, cache) == []
    assert len(list(cache.rglob("*.pickle"))) == 1 + 3  # the shared shapes and each document's group
    path.write_text(without_lines(graph, AMOUNT, section=2, first_only=True), encoding="utf-8")
    assert any(finding.startswith("IC-14") for finding in check_graph_file(path, 2, cache))
    assert len(list(cache.rglob("*.pickle"))) == 1 + 3 + 1

"""The graph passes the 21 W3C Data Cube integrity constraints, the OpenBudgets.eu
checks and our SHACL shapes; a graph broken on purpose fails them, each with a
message that names the constraint and the resource."""

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from graph_helpers import RDF_TYPE, copy_of, objects, observations, without

from yaan_opendata import pipeline
from yaan_opendata.cli import cli
from yaan_opendata.errors import BuildError
from yaan_opendata.rdf import shards
from yaan_opendata.rdf.graph import to_rdflib
from yaan_opendata.rdf.integrity import (
    CONSTRAINTS,
    IC12_RECOMMENDATION,
    PROLOGUE,
    check_constraints,
)
from yaan_opendata.rdf.obeu_checks import CHECKS, check_obeu
from yaan_opendata.rdf.validation import check_graph, check_shapes, store_of

AMOUNT = "http://data.openbudgets.eu/ontology/dsd/measure/amount"
FUND = "https://yaan-opendata.github.io/def/fund"
FUNCTIONAL = "https://yaan-opendata.github.io/def/functionalClassification"
NOTATION = "http://www.w3.org/2004/02/skos/core#notation"
QB = "http://purl.org/linked-data/cube#"


def test_there_are_21_constraints_named_as_in_the_recommendation():
    assert [c.id for c in CONSTRAINTS] == [f"IC-{n}" for n in range(1, 22)]
    assert all(c.title for c in CONSTRAINTS)


@pytest.mark.parametrize("constraint", CONSTRAINTS, ids=lambda c: f"{c.id} {c.title}")
def test_the_published_graph_meets(constraint, published_store):
    assert check_constraints(published_store, (constraint.id,)) == []


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_the_published_graph_passes_the_openbudgets_check(check, published_store):
    assert [v for v in check_obeu(published_store) if v.id == check.id] == []


def test_the_published_graph_conforms_to_the_shapes(published):
    assert check_shapes(to_rdflib(published)) == []


def test_the_published_graph_is_what_the_model_gives(published, seed_triples):
    assert set(published) == set(seed_triples)


# --- broken on purpose


@pytest.fixture(scope="module")
def an_observation(seed_triples):
    """A classified observation of the seed's graph."""
    return next(o for o in observations(seed_triples) if objects(seed_triples, o, FUNCTIONAL))


def test_an_observation_without_its_measure_fails_ic14_and_the_shapes(seed_triples, an_observation):
    broken = without(seed_triples, an_observation, AMOUNT)
    violations = [str(v) for v in check_graph(broken)]
    assert violations == [
        f"IC-14 All measures present: observation {an_observation} has no value for the measure <{AMOUNT}>"
    ]
    problems = check_shapes(to_rdflib(broken))
    assert any(
        p.startswith(f"SHACL: {an_observation} <{AMOUNT}>") and "exactly one amount" in p for p in problems
    ), problems


def test_a_duplicate_observation_fails_ic12(seed_triples, an_observation):
    copy = f"{an_observation.value}-copy"
    broken = copy_of(seed_triples, an_observation, copy)
    violations = [str(v) for v in check_graph(broken)]
    assert len(violations) == 1 and violations[0].startswith("IC-12 No duplicate observations: observations ")
    assert f"{an_observation} and <{copy}>" in violations[0]


def test_the_recommendations_own_ic12_query_agrees(seed_triples, an_observation):
    def violated(triples) -> bool:
        return bool(store_of(triples).query(PROLOGUE + IC12_RECOMMENDATION))

    assert not violated(seed_triples)
    assert violated(copy_of(seed_triples, an_observation, f"{an_observation.value}-copy"))


def test_a_code_without_notation_fails_the_shapes(seed_triples, an_observation):
    code = objects(seed_triples, an_observation, FUNCTIONAL)[0]
    problems = check_shapes(to_rdflib(without(seed_triples, code, NOTATION)))
    assert any(f"SHACL: {an_observation} <{FUNCTIONAL}>" in p and "notation" in p for p in problems), problems
    assert any(f"SHACL: {code} <{NOTATION}>" in p and "skos:notation" in p for p in problems), problems


def test_an_observation_without_a_dimension_fails_ic11(seed_triples, an_observation):
    violations = [str(v) for v in check_graph(without(seed_triples, an_observation, FUND))]
    assert violations == [f"IC-11 All dimensions required: observation {an_observation} has no value for dimension <{FUND}>"]


def test_a_value_outside_the_code_list_fails_ic19(seed_triples, an_observation):
    stray = ox.NamedNode("https://example.org/not-a-fund")
    broken = without(seed_triples, an_observation, FUND) + [ox.Triple(an_observation, ox.NamedNode(FUND), stray)]
    assert [str(v) for v in check_graph(broken)] == [
        (
            f"IC-19 Codes from code list: observation {an_observation} has {stray} for <{FUND}>, "
            "which is not a code of the dimension's code list"
        )
    ]


def test_a_structure_that_uses_an_abstract_obeu_dimension_fails(seed_triples):
    spec = next(t.subject for t in seed_triples if t.predicate.value == QB + "dimension" and t.object.value == FUNCTIONAL)
    abstract = ox.NamedNode("http://data.openbudgets.eu/ontology/dsd/dimension/functionalClassification")
    broken = [
        ox.Triple(t.subject, t.predicate, abstract) if t.subject == spec and t.object.value == FUNCTIONAL else t
        for t in seed_triples
    ]
    ids = {v.id for v in check_graph(broken)}
    assert "use_of_abstract_property" in ids


def test_a_term_minted_in_the_obeu_namespace_or_a_deprecated_or_miscased_term_fails(seed_triples, an_observation):
    def term(iri):
        return ox.NamedNode(iri)

    broken = list(seed_triples) + [
        ox.Triple(an_observation, term("http://data.openbudgets.eu/ontology/dsd/dimension/fundSource"), term(FUND)),
        ox.Triple(an_observation, term("http://data.openbudgets.eu/ontology/dsd/dimension/budgetaryUnit"), term(FUND)),
        ox.Triple(an_observation, RDF_TYPE, term(QB + "Datastructuredefinition")),
    ]
    messages = {v.id: str(v) for v in check_graph(broken)}
    assert "fundSource> is not a term of the OpenBudgets.eu ontology" in messages["hijacked_core_namespace"]
    assert "budgetaryUnit> is deprecated" in messages["use_of_deprecated_term"]
    assert (
        f"<{QB}Datastructuredefinition> is spelt wrongly: the Data Cube term is <{QB}DataStructureDefinition>"
        in messages["wrong_qb_character_case"]
    )


def test_a_redefined_obeu_code_list_fails(seed_triples):
    phase = ox.NamedNode("http://data.openbudgets.eu/ontology/dsd/dimension/budgetPhase")
    mine = ox.NamedNode("https://example.org/my-phases")
    broken = list(seed_triples) + [ox.Triple(phase, ox.NamedNode(QB + "codeList"), mine)]
    messages = [str(v) for v in check_graph(broken) if v.id == "code_list_redefinition"]
    assert messages and f"is <http://data.openbudgets.eu/resource/codelist/budget-phase>, not {mine}" in messages[0]


def test_a_violation_stops_the_build_and_the_previous_package_stays(tmp_path, monkeypatch):
    package = tmp_path / "datapackage"
    package.mkdir()
    (package / "marker.txt").write_text("previous build", encoding="utf-8")
    original = shards.document_triples  # the graph is written document by document, then checked

    def without_first_amount(*args):
        triples = original(*args)
        first = observations(triples)[0]
        return set(without(triples, first, AMOUNT))

    monkeypatch.setattr(shards, "document_triples", without_first_amount)
    with pytest.raises(BuildError, match=r"fails validation, nothing was published: IC-14 All measures present"):
        pipeline.build(out_dir=package)
    result = CliRunner().invoke(cli, ["build", "--package", str(package), "--cache", "off"])  # nothing cached from a broken graph
    assert result.exit_code == 1
    assert "IC-14 All measures present: observation <" in result.output
    assert [p.name for p in package.iterdir()] == ["marker.txt"]


def test_validate_checks_the_graph_too(rdf_package):
    result = CliRunner().invoke(cli, ["validate", "--package", str(rdf_package)])
    assert result.exit_code == 0, result.output
    assert "and its RDF graph are valid" in result.output

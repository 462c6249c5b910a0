"""Round trip: the facts of facts.csv and the observations of the published graph
(graph.ttl, read by rdflib) are the same facts, once each; every statement of
fiscal_figures.csv is in the graph as a yaan:FiscalFigure pointing to its fact.

The rule for the amount (docs/sparql.md, "Amounts"): obeu-measure:amount is the
fact's amount_yuan; where that is empty, its first statement's
amount_corrected_yuan; where that is empty too, the number as published when the
literal prints 元 (yuan). A fact with none of these is not a qb:Observation.
"""

import csv
import re
from decimal import Decimal
from urllib.parse import quote

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, SKOS

from yaan_opendata.rdf import DEFAULT_BASE_IRI

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
OBEU_AMOUNT = URIRef("http://data.openbudgets.eu/ontology/dsd/measure/amount")
YAAN = "https://yaan-opendata.github.io/def/"
CODES = YAAN + "codelist/"
FISCAL_FIGURE = URIRef(YAAN + "FiscalFigure")
FACT = URIRef(YAAN + "Fact")
CLASSIFICATION_DIMENSIONS = {
    "functional": URIRef(YAAN + "functionalClassification"),
    "economic": URIRef(YAAN + "economicClassification"),
}


def expected_amount(row: dict) -> Decimal | None:
    """The amount in yuan the graph must carry for a CSV row, or None when there is none."""
    if row["amount_yuan"]:
        return Decimal(row["amount_yuan"])
    if row["amount_corrected_yuan"]:
        return Decimal(row["amount_corrected_yuan"])
    if row["unit_as_published"] == "元":
        return Decimal(re.match(r"[\d,.]+", row["amount_as_published"]).group().replace(",", ""))
    return None


@pytest.fixture(scope="module")
def figure_rows(rdf_package):
    with open(rdf_package / "fiscal_figures.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def figure_iri(figure_id: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE_IRI}fiscal-figures/{quote(figure_id, safe='')}")


def test_the_package_has_figures_of_every_kind_the_rule_covers(figure_rows):
    # Every figure of the 2020 package has an amount in yuan: its two unitless literals
    # ('2278.17') carry a reasoned correction. The no-amount branch is shown below.
    kinds = {
        "whole yuan": [r for r in figure_rows if r["amount_yuan"]],
        "corrected": [r for r in figure_rows if not r["amount_yuan"] and r["amount_corrected_yuan"]],
    }
    assert all(kinds.values()), {kind: len(rows) for kind, rows in kinds.items()}
    assert all(expected_amount(r) is not None for r in figure_rows)


def test_a_unitless_uncorrected_figure_has_no_amount_in_yuan():
    row = {"amount_yuan": "", "amount_corrected_yuan": "", "unit_as_published": "", "amount_as_published": "2278.17"}
    assert expected_amount(row) is None
    assert expected_amount(dict(row, unit_as_published="元", amount_as_published="1749.94元")) == Decimal("1749.94")


@pytest.fixture(scope="module")
def fact_rows(rdf_package):
    with open(rdf_package / "facts.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def fact_iri(fact_id: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE_IRI}facts/{quote(fact_id, safe='')}")


def fact_amount(fact: dict, figures: dict) -> Decimal | None:
    return Decimal(fact["amount_yuan"]) if fact["amount_yuan"] else expected_amount(figures[fact["figure_id"]])


def test_every_fact_is_in_the_graph_exactly_once_with_its_amount_and_classification(
        fact_rows, figure_rows, rdflib_graph):
    g = rdflib_graph
    figures = {r["figure_id"]: r for r in figure_rows}
    for row in fact_rows:
        fact_id = row["fact_id"]
        # a fact's id is its first statement's figure id: the class tells them apart
        subjects = [s for s in g.subjects(DCTERMS.identifier, Literal(fact_id)) if (s, RDF.type, FACT) in g]
        assert subjects == [fact_iri(fact_id)], fact_id
        subject = subjects[0]
        amount = fact_amount(row, figures)
        amounts = list(g.objects(subject, OBEU_AMOUNT))
        if amount is None:
            assert amounts == [] and (subject, RDF.type, QB.Observation) not in g, fact_id
            continue
        assert (subject, RDF.type, QB.Observation) in g, fact_id
        assert len(amounts) == 1 and amounts[0].datatype == XSD_DECIMAL, fact_id
        assert Decimal(str(amounts[0])) == amount, fact_id
        classified = {
            scheme: list(g.objects(subject, dimension)) for scheme, dimension in CLASSIFICATION_DIMENSIONS.items()
        }
        if row["classification_id"]:
            scheme, code = row["classification_id"].split(":")
            assert classified[scheme] == [URIRef(f"{CODES}{scheme}/{code}")], fact_id
            assert g.value(classified[scheme][0], SKOS.notation) == Literal(code)
            assert (classified[scheme][0], SKOS.inScheme, URIRef(CODES + scheme)) in g
            other = "economic" if scheme == "functional" else "functional"
            assert classified[other] == [], fact_id
        else:
            assert classified == {"functional": [], "economic": []}, fact_id


def test_every_statement_points_to_its_fact_and_the_fact_to_its_paragraph(fact_rows, figure_rows, rdflib_graph):
    g = rdflib_graph
    for row in figure_rows:
        subject = figure_iri(row["figure_id"])
        assert (subject, RDF.type, FISCAL_FIGURE) in g and (subject, RDF.type, QB.Observation) not in g
        assert g.value(subject, URIRef(YAAN + "fact_id")) == fact_iri(row["fact_id"])
        if row["amount_yuan"]:
            assert g.value(subject, URIRef(YAAN + "amount_yuan")) == Literal(int(row["amount_yuan"]))
        paragraph = URIRef(f"{DEFAULT_BASE_IRI}paragraphs/{quote(row['paragraph_id'], safe='')}")
        assert (fact_iri(row["fact_id"]), PROV.wasDerivedFrom, paragraph) in g


def test_nothing_else_is_an_observation_or_has_an_amount(fact_rows, figure_rows, rdflib_graph):
    g = rdflib_graph
    figures = {r["figure_id"]: r for r in figure_rows}
    with_amount = {fact_iri(r["fact_id"]) for r in fact_rows if fact_amount(r, figures) is not None}
    assert set(g.subjects(RDF.type, QB.Observation)) == with_amount  # the seed has no table cells
    assert set(g.subjects(OBEU_AMOUNT, None)) == with_amount


def test_the_observations_are_keyed_by_their_dimensions_alone(rdflib_graph):
    """IC-12 is meaningful: no identifier among the dimensions, and no two facts share them."""
    g = rdflib_graph
    dimensions = set()
    for structure in g.subjects(RDF.type, QB.DataStructureDefinition):
        for component in g.objects(structure, QB.component):
            dimensions.update(g.objects(component, QB.dimension))
    assert not any(str(d).endswith(("Identifier", "identifier")) for d in dimensions)
    keys = [tuple(sorted((str(d), str(v)) for d in dimensions for v in g.objects(o, d)))
            for o in g.subjects(RDF.type, QB.Observation)]
    assert len(keys) == len(set(keys))

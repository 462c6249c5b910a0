"""Round trip: the money figures of fiscal_figures.csv and the observations of the
published graph (graph.ttl, read by rdflib) are the same figures, once each.

The rule for the amount (docs/sparql.md, "Amounts"): obeu-measure:amount is
amount_yuan; where that is empty, amount_corrected_yuan; where that is empty
too, the number as published when the literal prints 元 (yuan). A figure
printed without a unit and not corrected has no amount in yuan: it is a
yaan:FiscalFigure in the graph but not a qb:Observation.
"""

import csv
import re
from decimal import Decimal
from urllib.parse import quote

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, QB, RDF, SKOS

from yaan_opendata.rdf import DEFAULT_BASE_IRI

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
OBEU_AMOUNT = URIRef("http://data.openbudgets.eu/ontology/dsd/measure/amount")
YAAN = "https://yaan-opendata.github.io/def/"
CODES = YAAN + "codelist/"
FISCAL_FIGURE = URIRef(YAAN + "FiscalFigure")
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


def test_every_figure_is_in_the_graph_exactly_once_with_its_amount_and_classification(figure_rows, rdflib_graph):
    g = rdflib_graph
    for row in figure_rows:
        figure_id = row["figure_id"]
        subjects = list(g.subjects(DCTERMS.identifier, Literal(figure_id)))
        assert subjects == [figure_iri(figure_id)], figure_id
        subject = subjects[0]
        assert (subject, RDF.type, FISCAL_FIGURE) in g

        amount = expected_amount(row)
        amounts = list(g.objects(subject, OBEU_AMOUNT))
        if amount is None:
            assert amounts == [] and (subject, RDF.type, QB.Observation) not in g, figure_id
            assert g.value(subject, URIRef(YAAN + "amount_as_published")) == Literal(row["amount_as_published"])
            continue
        assert (subject, RDF.type, QB.Observation) in g, figure_id
        assert len(amounts) == 1 and amounts[0].datatype == XSD_DECIMAL, figure_id
        assert Decimal(str(amounts[0])) == amount, figure_id
        if row["amount_yuan"]:
            assert g.value(subject, URIRef(YAAN + "amount_yuan")) == Literal(int(row["amount_yuan"]))

        classified = {
            scheme: list(g.objects(subject, dimension)) for scheme, dimension in CLASSIFICATION_DIMENSIONS.items()
        }
        if row["classification_id"]:
            scheme, code = row["classification_id"].split(":")
            assert classified[scheme] == [URIRef(f"{CODES}{scheme}/{code}")], figure_id
            assert g.value(classified[scheme][0], SKOS.notation) == Literal(code)
            assert (classified[scheme][0], SKOS.inScheme, URIRef(CODES + scheme)) in g
            other = "economic" if scheme == "functional" else "functional"
            assert classified[other] == [], figure_id
        else:
            assert classified == {"functional": [], "economic": []}, figure_id


def test_nothing_else_is_an_observation_or_has_an_amount(figure_rows, rdflib_graph):
    g = rdflib_graph
    with_amount = {figure_iri(r["figure_id"]) for r in figure_rows if expected_amount(r) is not None}
    assert set(g.subjects(RDF.type, QB.Observation)) == with_amount
    assert set(g.subjects(OBEU_AMOUNT, None)) == with_amount
    assert set(g.subjects(RDF.type, FISCAL_FIGURE)) == {figure_iri(r["figure_id"]) for r in figure_rows}


def test_a_corrected_figure_keeps_what_was_published_beside_the_corrected_amount(figure_rows, rdflib_graph):
    row = next(r for r in figure_rows if not r["amount_yuan"] and r["amount_corrected_yuan"])
    subject = figure_iri(row["figure_id"])
    g = rdflib_graph
    assert g.value(subject, URIRef(YAAN + "amount_as_published")) == Literal(row["amount_as_published"])
    assert g.value(subject, URIRef(YAAN + "amount_note")) == Literal(row["amount_note"])
    assert g.value(subject, URIRef(YAAN + "amount_yuan")) is None

"""One fact per concept: sums that are right in pandas, SQL and SPARQL.

The 2020 document states each 项 of the general public budget twice (section 五 and
附件1): the statements sum to twice the 一般公共预算财政拨款支出 it prints
(2278.17万元), the facts to exactly it. So do the facts of every document of the
corpus, built into one package.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from yaan_opendata.database import build_database
from yaan_opendata.facts import concept_of
from yaan_opendata.rdf.query import load_store, rows

PRINTED = 22781700  # 2020年一般公共预算财政拨款支出2278.17万元
ITEMS = "category == 'expenditure_by_function' and phase == 'executed' and fund == 'general_public_budget'"


def _items(frame):
    """The 项 (seven-digit functional codes) of the general public budget, as executed."""
    frame = frame.query(ITEMS)
    return frame[frame["classification_id"].fillna("").str.fullmatch(r"functional:\d{7}")]


@pytest.fixture(scope="module")
def seed_package(tmp_path_factory):
    from yaan_opendata.pipeline import build

    out = tmp_path_factory.mktemp("facts") / "datapackage"
    disclosures = build(out_dir=out)
    return disclosures, out


@pytest.fixture(scope="module")
def many(many_documents):
    return many_documents


def test_a_restated_figure_is_one_fact_with_its_statements(seed_package):
    (disclosure,), _ = seed_package
    facts = {f.concept: f for f in disclosure.facts}
    line = facts["functional.2010302"]  # 一般行政管理事务: in 五 and again in 附件1
    assert (line.amount_yuan, line.statements, line.statements_agree, line.source) == (16802300, 2, True, "text")
    stated = [f.figure_id for f in disclosure.fiscal_figures if f.fact_id == line.fact_id]
    assert stated == ["yaan-zwfwdsj-2020.functional.2010302", "yaan-zwfwdsj-2020.annex1.functional.2010302"]
    # stated five times, once printed without a unit: the statements disagree, the fact keeps
    # the text's first statement
    total = facts["general_public_budget.expenditure"]
    assert (total.amount_yuan, total.statements, total.statements_agree) == (PRINTED, 5, False)
    assert len(disclosure.facts) < len(disclosure.fiscal_figures)


def test_a_key_said_again_states_the_fact_of_the_key_without_its_mark():
    assert concept_of("three_public.reception.detail.2") == "three_public.reception"
    assert concept_of("annex1.functional.2010302") == "functional.2010302"
    assert concept_of("fiscal_appropriation.grand_total.parts.income.general_public_budget.restated.3") == (
        "income.general_public_budget")
    assert concept_of("project.2.table.budget") == "project.2.budget"
    assert concept_of("expenditure.total") == "expenditure.total"


def test_the_items_sum_to_the_printed_total_in_pandas(seed_package):
    pandas = pytest.importorskip("pandas")
    _, folder = seed_package
    read = {"dtype": {"amount_yuan": "Int64"}}
    facts = pandas.read_csv(folder / "facts.csv", **read)
    statements = pandas.read_csv(folder / "fiscal_figures.csv", **read)
    assert _items(facts)["amount_yuan"].sum() == PRINTED
    assert _items(statements)["amount_yuan"].sum() == 2 * PRINTED  # what summing statements gives


def test_the_items_sum_to_the_printed_total_in_sql(seed_package, tmp_path):
    disclosures, _ = seed_package
    database = build_database(disclosures, tmp_path / "facts.db")
    with sqlite3.connect(database) as connection:
        (total,) = connection.execute(
            "SELECT sum(amount_yuan) FROM facts WHERE category = 'expenditure_by_function' AND phase = 'executed'"
            " AND fund = 'general_public_budget' AND classification_id GLOB 'functional:[0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"
        ).fetchone()
    assert total == PRINTED


ITEMS_SPARQL = """
PREFIX yaan: <https://yaan-opendata.github.io/def/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX obeu-measure: <http://data.openbudgets.eu/ontology/dsd/measure/>
PREFIX obeu-dimension: <http://data.openbudgets.eu/ontology/dsd/dimension/>
PREFIX obeu-budgetphase: <http://data.openbudgets.eu/resource/codelist/budget-phase/>
SELECT ?org ?year (SUM(?amount) AS ?items) WHERE {
  ?fact a yaan:Fact ; obeu-dimension:organization ?org ; obeu-dimension:fiscalYear ?year ;
        obeu-dimension:budgetPhase obeu-budgetphase:executed ;
        yaan:category <https://yaan-opendata.github.io/def/codelist/category/expenditure_by_function> ;
        yaan:fund <https://yaan-opendata.github.io/def/codelist/fund/general_public_budget> ;
        yaan:functionalClassification/skos:notation ?code ; obeu-measure:amount ?amount .
  FILTER (STRLEN(?code) = 7)
} GROUP BY ?org ?year"""


def test_the_items_sum_to_the_printed_total_in_sparql(seed_package):
    _, folder = seed_package
    assert [row["items"] for row in rows(load_store(folder).query(ITEMS_SPARQL))] == [Decimal(PRINTED)]


def test_in_a_package_of_many_documents_every_document_s_items_sum_to_its_total(many, tmp_path):
    """52 documents: in pandas from the CSV, in SQL from the database, in SPARQL from the graph,
    each document's 项 facts add up to the 一般公共预算财政拨款支出 it states."""
    disclosures, folder = many
    totals = {(d.document.org_id, d.document.fiscal_year):
              next(f.amount_yuan for f in d.facts if f.concept == "general_public_budget.expenditure")
              for d in disclosures}
    assert len(totals) == len(disclosures) >= 50

    pandas = pytest.importorskip("pandas")
    facts = pandas.read_csv(folder / "facts.csv", dtype={"amount_yuan": "Int64"})
    by_frame = _items(facts).groupby(["org_id", "fiscal_year"])["amount_yuan"].sum().to_dict()
    assert by_frame == totals

    database = build_database(disclosures, tmp_path / "many.db")
    with sqlite3.connect(database) as connection:
        by_sql = {(org, year): total for org, year, total in connection.execute(
            "SELECT org_id, fiscal_year, sum(amount_yuan) FROM facts WHERE category = 'expenditure_by_function'"
            " AND phase = 'executed' AND fund = 'general_public_budget'"
            " AND classification_id GLOB 'functional:[0-9][0-9][0-9][0-9][0-9][0-9][0-9]' GROUP BY org_id, fiscal_year")}
    assert by_sql == totals

    answers = rows(load_store(folder).query(ITEMS_SPARQL))
    by_graph = {(r["org"].rsplit("/", 1)[-1], int(r["year"].rsplit("/", 1)[-1])): int(r["items"]) for r in answers}
    assert by_graph == totals


def test_the_facts_are_a_valid_fiscal_data_package(seed_package, tmp_path):
    """fiscal-datapackage.json: the FDP model (measure: the amount in CNY; dimensions with their
    columns) holds, frictionless reads and validates the facts through it, and a model that
    names a column the table lacks, or no currency, is refused."""
    import json

    import frictionless

    from yaan_opendata import fiscal
    from yaan_opendata.validate import validate_package

    _, folder = seed_package
    descriptor = json.loads((folder / fiscal.FILE_NAME).read_text(encoding="utf-8"))
    assert fiscal.check(descriptor) == [] and validate_package(folder) == []
    assert descriptor["model"]["measures"] == {"amount": {"source": "amount_yuan", "currency": "CNY", "factor": 1}}
    report = frictionless.validate(str(folder / fiscal.FILE_NAME))
    assert report.valid, report.flatten(["type", "note"])[:5]
    rows = frictionless.Package(str(folder / fiscal.FILE_NAME)).get_resource("facts").read_rows()
    assert sum(1 for _ in rows) == len(seed_package[0][0].facts)

    broken = json.loads(json.dumps(descriptor))
    broken["model"]["dimensions"]["concept"]["attributes"]["concept"]["source"] = "concept_key"
    del broken["model"]["measures"]["amount"]["currency"]
    problems = fiscal.check(broken)
    assert problems == [f"{fiscal.FILE_NAME}: model/measures/amount: 'currency' is a required property"]
    del broken["model"]["measures"]["amount"]
    broken["model"]["measures"]["amount"] = {"source": "amount_yuan", "currency": "CNY"}
    assert fiscal.check(broken) == [
        f"{fiscal.FILE_NAME}: dimension concept, attribute concept: no column 'concept_key'"]

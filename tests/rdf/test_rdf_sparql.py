"""`yaan-opendata sparql` and the example queries of metadata/queries: each returns
the figures of the data package, as the records of the model have them."""

import csv
import io
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner

from yaan_opendata import site_metadata
from yaan_opendata.cli import cli
from yaan_opendata.codelists import classifications
from yaan_opendata.rdf import DEFAULT_BASE_IRI
from yaan_opendata.rdf import docs as sparql_docs
from yaan_opendata.rdf.query import load_store, rows, run
from yaan_opendata.rdf.serialize import OTHER_DISTRIBUTIONS

QUERIES = sparql_docs.QUERIES


@pytest.fixture(scope="module")
def store(rdf_package):
    return load_store(rdf_package)


def answer(store, name: str) -> list[dict]:
    return rows(run(store, (QUERIES / f"{name}.rq").read_text(encoding="utf-8"), DEFAULT_BASE_IRI))


@pytest.fixture(scope="module")
def disclosure(seed_disclosures):
    return seed_disclosures[0]


def test_every_example_query_returns_rows(store):
    names = sorted(p.stem for p in QUERIES.glob("*.rq"))
    assert names == [
        "expenditure-by-class", "figures-with-source-paragraph", "projects-with-indicators", "three-public",
        "totals-by-department-and-year",
    ]
    for name in names:
        assert answer(store, name), name


def test_expenditure_by_class_returns_the_published_class_figures(store, disclosure):
    classes = {c.classification_id: c for c in classifications() if c.level == "类"}
    expected = {
        f.concept: (classes[f.classification_id].code, f.amount_yuan)
        for f in disclosure.facts
        if f.classification_id in classes and f.category == "expenditure_by_function"
        and f.flow == "expenditure" and f.phase == "executed"
    }
    result = answer(store, "expenditure-by-class")
    assert {r["concept"]: (r["code"], r["amount_yuan"]) for r in result} == expected
    assert len(result) == len(expected) == 4
    facts = {f.concept: f.figure_id for f in disclosure.facts}
    shares = {c.figure_id: c.value for c in disclosure.figure_comparisons if c.kind == "share"}
    assert all(r["share_percent"] == shares.get(facts[r["concept"]]) for r in result)
    assert sum(r["share_percent"] for r in result) == Decimal("100.00")


def test_three_public_returns_every_three_public_fact_once(store, disclosure):
    expected = {f.concept: f.amount_yuan for f in disclosure.facts if f.category == "three_public"}
    result = answer(store, "three-public")
    assert {r["concept"]: r["amount_yuan"] for r in result} == expected
    assert len(result) < len([f for f in disclosure.fiscal_figures if f.category == "three_public"])
    total = next(r for r in result if r["concept"] == "three_public.total")
    assert total["label_zh"] == "“三公”经费财政拨款支出决算" and total["amount_yuan"] == 57600


def test_the_functional_items_sum_to_the_printed_expenditure_in_oxigraph_and_rdflib(rdf_package, store):
    """Summing the 项 observations gives the 一般公共预算财政拨款支出 the document prints
    (2278.17万元), not twice it: 附件1's restatements are statements, not observations."""
    from rdflib import Graph

    query = """
        PREFIX yaan: <https://yaan-opendata.github.io/def/>
        PREFIX obeu-measure: <http://data.openbudgets.eu/ontology/dsd/measure/>
        PREFIX obeu-dimension: <http://data.openbudgets.eu/ontology/dsd/dimension/>
        PREFIX obeu-budgetphase: <http://data.openbudgets.eu/resource/codelist/budget-phase/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT (SUM(?amount) AS ?total) WHERE {
          ?fact a yaan:Fact ; obeu-dimension:budgetPhase obeu-budgetphase:executed ;
                yaan:category <https://yaan-opendata.github.io/def/codelist/category/expenditure_by_function> ;
                yaan:functionalClassification/skos:notation ?code ; obeu-measure:amount ?amount .
          FILTER (STRLEN(?code) = 7)
        }"""
    assert rows(store.query(query)) == [{"total": Decimal("22781700.0")}]
    graph = Graph().parse(str(rdf_package / "graph.nt"), format="nt")
    assert [Decimal(str(row[0])) for row in graph.query(query)] == [Decimal(22781700)]


def test_projects_with_indicators_returns_every_indicator_row(store, disclosure):
    projects = {p.project_id: p.name_zh for p in disclosure.performance_projects}
    expected = sorted(
        (projects[i.project_id], i.row, i.level3, i.target_text, i.actual_text) for i in disclosure.performance_indicators
    )
    result = answer(store, "projects-with-indicators")
    assert sorted((r["project"], r["row"], r["level3"], r["target"], r["actual"]) for r in result) == expected


def test_figures_with_source_paragraph_returns_every_figure_with_its_text(store, disclosure):
    texts = {p.paragraph_id: p.text for p in disclosure.paragraphs}
    result = answer(store, "figures-with-source-paragraph")
    assert len(result) == len(disclosure.fiscal_figures)
    by_id = {r["figure_id"]: r for r in result}
    for figure in disclosure.fiscal_figures:
        row = by_id[figure.figure_id]
        assert row["paragraph_text"] == texts[figure.paragraph_id]
        assert row["amount_as_published"] == figure.amount_as_published
        assert row["fact"].endswith(figure.fact_id)
        if figure.amount_yuan is not None:
            assert row["amount_yuan"] == figure.amount_yuan


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_every_example_query_runs_unchanged_in_any_store(rdf_package, store, name):
    """Each .rq file declares its prefixes: Oxigraph and rdflib run it as it is, with no
    prologue, and give the rows the command gives."""
    import pyoxigraph as ox
    from rdflib import Graph

    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    plain = ox.Store()
    plain.load(path=str(rdf_package / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    expected = answer(store, name)
    assert rows(plain.query(text)) == expected
    graph = Graph().parse(str(rdf_package / "graph.nt"), format="nt")
    assert len(list(graph.query(text))) == len(expected)


def test_the_command_prints_a_table_csv_or_json(rdf_package):
    query = "SELECT ?code ?name WHERE { functional:2010302 skos:notation ?code ; skos:prefLabel ?name } ORDER BY ?name"
    base = ["sparql", query, "--package", str(rdf_package)]
    table = CliRunner().invoke(cli, base)
    assert table.exit_code == 0, table.output
    assert table.output.splitlines() == [
        "code     name",
        "-------  ------------------------------",
        "2010302  General administrative affairs",
        "2010302  一般行政管理事务",
        "(2 rows)",
    ]
    as_csv = CliRunner().invoke(cli, [*base, "--format", "csv"])
    assert list(csv.reader(io.StringIO(as_csv.output))) == [
        ["code", "name"], ["2010302", "General administrative affairs"], ["2010302", "一般行政管理事务"],
    ]
    as_json = json.loads(CliRunner().invoke(cli, [*base, "--format", "json"]).output)
    assert as_json["head"]["vars"] == ["code", "name"]
    assert as_json["results"]["bindings"][1]["name"] == {"type": "literal", "value": "一般行政管理事务", "xml:lang": "zh"}


def test_the_command_runs_a_query_file(rdf_package):
    result = CliRunner().invoke(cli, ["sparql", str(QUERIES / "three-public.rq"), "--package", str(rdf_package)])
    assert result.exit_code == 0
    assert "three_public.total " in result.output


def test_a_long_one_line_query_is_a_query_not_a_file_name(rdf_package):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?o a qb:Observation FILTER(" + " || ".join(["true"] * 100) + ") }"
    result = CliRunner().invoke(cli, ["sparql", query, "--package", str(rdf_package)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "(1 row)"


def test_a_syntax_error_names_the_line_of_the_users_query(rdf_package):
    result = CliRunner().invoke(cli, ["sparql", "SELECT ?x\nWHERE { ?x a qb:Observation", "--package", str(rdf_package)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: SPARQL syntax line 2, column ")


def test_a_missing_graph_says_to_build(tmp_path):
    result = CliRunner().invoke(cli, ["sparql", "ASK {}", "--package", str(tmp_path)])
    assert result.exit_code == 1
    assert "graph.nt does not exist: run `yaan-opendata build` first" in result.output


def test_the_docs_show_the_current_results(store):
    text = sparql_docs.DOCS.read_text(encoding="utf-8")
    assert sparql_docs.refresh(text, store) == text, "docs/sparql.md is stale: run `python -m yaan_opendata.rdf.docs`"
    assert text.count("<!-- generated: query ") == 3


def test_the_readme_excerpt_is_in_the_results(store):
    readme = (sparql_docs.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    table = sparql_docs.query_block("expenditure-by-class", store)
    for line in ["201   一般公共服务支出    General public services         21682500     95.18"]:
        assert line in readme and line in table


def test_the_sqlite_distribution_is_the_database_the_site_serves():
    sqlite = next(d for d in OTHER_DISTRIBUTIONS if d.name == "sqlite")
    assert sqlite.path == f"{site_metadata.DATABASE_NAME}.db"


def test_totals_by_department_and_year_gives_one_row_per_disclosure(store, disclosure):
    (row,) = answer(store, "totals-by-department-and-year")
    figures = {f.figure_id.split(".", 1)[1]: f.amount_yuan for f in disclosure.fiscal_figures}
    assert row["year"].endswith("/2020") and row["department"] == "雅安市政务服务和大数据局"
    assert (row["grand_total_yuan"], row["expenditure_yuan"]) == (figures["grand_total.revenue"], figures["expenditure.total"])

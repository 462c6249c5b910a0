"""A real disclosure as published: 上海市普陀区财政局 2024年度部门决算 (a PDF of 25 pages).

The PDF is read from ../shared/documents/ (never copied into the repository); the test
is skipped where that folder is absent. Its figures below were read by hand from the
PDF, table by table and sentence by sentence.
"""

from __future__ import annotations

import pytest
from conftest import PUTUO

from yaan_opendata.pipeline import build, load_disclosures
from yaan_opendata.validate import validate_package

pytestmark = pytest.mark.skipif(not PUTUO.exists(), reason=f"{PUTUO} is not here (../shared/documents/)")


@pytest.fixture(scope="module")
def putuo():
    (disclosure,) = load_disclosures(inputs=[PUTUO])  # strict: every headline figure is read
    return disclosure


def test_its_identity_is_read_from_its_cover(putuo):
    document = putuo.document
    assert (document.publisher, document.fiscal_year, document.document_id) == (
        "上海市普陀区财政局", 2024, "shanghai-ptqczj-2024")
    assert document.published is None


def test_the_explanation_is_read_figure_by_figure(putuo):
    figures = {f.figure_id.split(".", 1)[1]: f.amount_yuan for f in putuo.fiscal_figures}
    by_hand = {
        "grand_total.revenue": 29953900, "income.total": 29462500, "income.fiscal_appropriation": 29400500,
        "income.other_income": 62000, "expenditure.total": 29400500, "expenditure.basic": 23369100,
        "expenditure.project": 6031400, "general_public_budget.expenditure": 29400500,
        "general_public_budget.expenditure.budget": 29939200, "functional.201": 21066600,
        "functional.2010601": 15118900, "functional.2010601.budget": 15600500, "functional.2210203": 2585000,
        "general_public_budget.basic": 23369100, "general_public_budget.basic.personnel": 21522600,
        "general_public_budget.basic.public": 1846500, "three_public.total.budget": 9500, "three_public.total": 0,
        "three_public.reception": 0, "government_fund.expenditure": 0, "state_capital.expenditure": 0,
        "operating_costs": 1846500, "procurement.total": 2512500, "procurement.services": 2464700,
        # as printed: the text says 0.3万元 where its table says 2,961.68万元
        "fiscal_appropriation.grand_total.revenue": 3000,
    }
    assert {key: figures.get(key) for key in by_hand} == by_hand


def test_every_table_is_read_cell_by_cell(putuo):
    tables = {}
    for cell in putuo.table_cells:
        tables.setdefault(cell.table, {})[(cell.row_key, cell.column)] = cell.amount_yuan
    by_hand = {
        ("summary", "revenue.income_total", "executed"): 29462500,
        ("summary", "expenditure.221", "executed"): 4456900,
        ("income", "2010602", "other_income"): 61900,
        ("expenditure", "2010601", "project"): 83700,
        ("fiscal_summary", "revenue.grand_total", "executed"): 29616800,
        ("fiscal_summary", "expenditure.closing_balance", "general_public_budget"): 216300,
        ("general_budget", "2080506", "basic"): 803800,
        ("general_budget_basic", "30102", "executed"): 12385800,
        ("general_budget_basic", "public_total", "executed"): 1846500,
        ("three_public", "row", "total.budget"): 9500,
    }
    assert {key: tables[key[0]].get(key[1:]) for key in by_hand} == by_hand
    # the seven tables with figures, every amount cell of them (the two fund tables are empty)
    assert {table: len(cells) for table, cells in tables.items()} == {
        "summary": 12, "income": 45, "expenditure": 44, "fiscal_summary": 19, "general_budget": 44,
        "general_budget_basic": 29, "three_public": 2,
    }


def test_the_text_is_checked_against_the_tables(putuo):
    prose = {c.check_id.split(".tables.prose.", 1)[1]: c.status
             for c in putuo.consistency_checks if c.rule_id == "tables.prose"}
    assert prose["expenditure.total.total"] == "pass"
    assert prose["general_budget.2010601.total"] == "pass"
    # the department's own slip: 财政拨款收入支出总计 "0.3万元" in the text, 2,961.68 in the table
    assert prose["fiscal_summary.revenue.grand_total.executed"] == "fail"
    assert [s for k, s in prose.items() if s != "pass"] == ["fail", "fail"]


def test_it_builds_a_valid_package(tmp_path):
    out = tmp_path / "package"
    build(out_dir=out, inputs=[PUTUO])
    assert validate_package(out) == []

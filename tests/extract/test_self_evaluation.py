from decimal import Decimal

import pytest
from keyed import keyed

from yaan_opendata.extract import self_evaluation
from yaan_opendata.model import FigureComparison, FiscalFigure, SelfEvaluationScore

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc, text_of):
    records = list(self_evaluation.extract(seed_doc))
    return {
        "scores": [r for r in records if isinstance(r, SelfEvaluationScore)],
        "figures": keyed(records, FiscalFigure),
        "comparisons": keyed(records, FigureComparison),
        "text": text_of,
    }


def test_score_table_has_13_indicator_rows_and_the_total(records):
    scores = records["scores"]
    assert len(scores) == 14
    assert [s.row for s in scores] == list(range(1, 15))
    assert [s.level3 for s in scores[:3]] == ["目标制定", "目标完成", "编制标准"]


def test_level_cells_carry_their_points(records):
    # "部门预算管理(80分)" / "预算编制(30分)" / "目标制定" / "10" / "9"
    first = records["scores"][0]
    assert (first.level1, first.level1_points, first.level2, first.level2_points) == ("部门预算管理", 80, "预算编制", 30)
    assert (first.max_score, first.score) == (10, 9)
    assert records["text"][first.paragraph_id] == "目标制定"
    # "绩效结果应用(20分)" / "自评质量(4分)" / "自评准确" / "4" / "3"
    ninth = records["scores"][8]
    assert (ninth.level1, ninth.level1_points, ninth.level2, ninth.level2_points) == ("绩效结果应用", 20, "自评质量", 4)
    assert (ninth.level3, ninth.max_score, ninth.score) == ("自评准确", 4, 3)
    # a level-2 cell alone keeps the level-1 above it: "信息公开(8分)" / "目标公开" / "4" / "4"
    tenth = records["scores"][9]
    assert (tenth.level1, tenth.level2, tenth.level2_points, tenth.level3) == ("绩效结果应用", "信息公开", 8, "目标公开")


def test_total_row_is_read_as_printed(records):
    # "总分" / " 90" / "90": the printed maximum is 90 although the rows' maxima add up to 100.
    total = records["scores"][-1]
    assert (total.level3, total.max_score, total.score) == ("总分", 90, 90)
    assert total.level1 is None and total.level1_points is None
    rows = records["scores"][:-1]
    assert sum(r.score for r in rows) == 90
    assert sum(r.max_score for r in rows) == 100


def test_fiscal_fund_revenue_and_shares(records):
    # "2020年度部门财政资金收入3112.33万元,其中:本年收入1941.49万元,占62.38%,年初财政拨款结转和结余1170.84万元,占37.62%。"
    figures, comparisons = records["figures"], records["comparisons"]
    total = figures["annex1.fiscal_funds.revenue"]
    assert total.amount_yuan == 31123300 and total.flow == "revenue" and total.fund == "fiscal_appropriation"
    assert "部门财政资金收入3112.33万元" in records["text"][total.paragraph_id]
    assert figures["annex1.income"].amount_yuan == 19414900
    opening = figures["annex1.carry_over.opening"]
    assert opening.amount_yuan == 11708400 and opening.category == "carry_over" and opening.flow == "revenue"
    share = comparisons["annex1.income.share"]
    assert share.value == Decimal("62.38") and share.base_figure_id == total.figure_id
    assert comparisons["annex1.carry_over.opening.share"].value == Decimal("37.62")


def test_fiscal_fund_expenditure_and_shares(records):
    # "2020年度部门财政资金支出3112.33万元,其中:年末财政拨款结转和结余834.16万元,占26.80%,本年支出2278.17万元,占73.20%。"
    figures, comparisons = records["figures"], records["comparisons"]
    assert figures["annex1.fiscal_funds.expenditure"].amount_yuan == 31123300
    closing = figures["annex1.carry_over.closing"]
    assert closing.amount_yuan == 8341600 and closing.category == "carry_over" and closing.flow == "expenditure"
    assert comparisons["annex1.carry_over.closing.share"].value == Decimal("26.80")
    assert figures["annex1.expenditure"].amount_yuan == 22781700
    assert comparisons["annex1.expenditure.share"].value_as_published == "73.20%"
    assert figures["annex1.expenditure.basic"].amount_yuan == 5282300


def test_project_expenditure_printed_in_yuan_is_kept_and_corrected_beside(records):
    # "本年支出包括:基本支出528.23万元,项目支出1749.94元。"
    project = records["figures"]["annex1.expenditure.project"]
    assert project.amount_as_published == "1749.94元" and project.unit_as_published == "元"
    assert project.amount_yuan is None
    assert project.amount_corrected_yuan == 17499400
    assert "528.23万元 + 1749.94万元 = 本年支出2278.17万元" in project.amount_note
    assert "项目支出1749.94元" in records["text"][project.paragraph_id]
    assert records["figures"]["annex1.expenditure.basic"].amount_corrected_yuan is None


def test_restated_functional_lines(records):
    # "2020年一般公共预算支出决算数为2278.17,完成预算73.20%。其中:" and eight 项 lines
    figures = records["figures"]
    assert figures["annex1.general_public_budget.expenditure.detail"].amount_as_published == "2278.17"
    assert figures["annex1.functional.2010302"].amount_yuan == 16802300
    assert len([k for k in figures if k.startswith("annex1.functional.")]) == 8

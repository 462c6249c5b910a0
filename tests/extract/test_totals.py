"""决算情况说明 一 to 四: totals, income by source, expenditure by type."""

from decimal import Decimal

import pytest
from keyed import explanation, keyed

from yaan_opendata.errors import SourceError
from yaan_opendata.extract import extract_disclosure, figures
from yaan_opendata.model import FigureComparison, FiscalFigure

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc):
    records = list(explanation(seed_doc))
    figures = keyed(records, FiscalFigure)
    comparisons = keyed(records, FigureComparison)
    paragraphs = {p.paragraph_id: p for p in seed_doc.paragraphs}
    return figures, comparisons, paragraphs


def test_one_sentence_states_both_grand_totals(records):
    # "2020年度收、支总计3351.34万元。与2019年相比,收、支总计各增加555.11万元,增长19.85%。
    #  主要变动原因是2020年基本支出增加52.22万元、项目支出增加502.89万元。"
    figures, comparisons, paragraphs = records
    for flow in ("revenue", "expenditure"):
        figure = figures[f"grand_total.{flow}"]
        assert figure.amount_yuan == 33513400 and figure.amount_as_published == "3351.34万元"
        assert (figure.flow, figure.fund, figure.category) == (flow, "all_funds", "grand_total")
        assert figure.phase == "executed"
        assert figure.literal == "2020年度收、支总计3351.34万元"
        assert figure.literal in paragraphs[figure.paragraph_id].text
        change = comparisons[f"grand_total.{flow}.yoy_change"]
        assert change.value == Decimal(5551100) and change.unit == "CNY"
        growth = comparisons[f"grand_total.{flow}.growth_rate"]
        assert growth.value == Decimal("19.85") and growth.unit == "%"
        assert growth.reason == change.reason == "主要变动原因是2020年基本支出增加52.22万元、项目支出增加502.89万元"


def test_amounts_in_the_reason_are_changes_of_basic_and_project_expenditure(records):
    figures, comparisons, paragraphs = records
    basic = comparisons["expenditure.basic.yoy_change.grand_total_reason"]
    project = comparisons["expenditure.project.yoy_change.grand_total_reason"]
    assert basic.figure_id == figures["expenditure.basic"].figure_id
    assert basic.value == Decimal(522200) and project.value == Decimal(5028900)
    assert basic.literal == "基本支出增加52.22万元"
    assert basic.paragraph_id == figures["grand_total.revenue"].paragraph_id
    assert basic.literal in paragraphs[basic.paragraph_id].text


def test_income_by_source_with_shares(records):
    # "2020年本年收入合计1942.17万元,其中:一般公共预算财政拨款收入1941.49万元,占99.96%;
    #  政府性基金预算财政拨款收入0万元,占0%;…其他收入0.67万元,占0.04%。"
    figures, comparisons, paragraphs = records
    total = figures["income.total"]
    assert total.amount_yuan == 19421700 and total.category == "income_total" and total.flow == "revenue"
    assert "本年收入合计1942.17万元" in paragraphs[total.paragraph_id].text
    general = figures["income.general_public_budget"]
    assert general.amount_yuan == 19414900 and general.fund == "general_public_budget"
    assert general.category == "income_by_source"
    share = comparisons["income.general_public_budget.share"]
    assert share.value == Decimal("99.96")
    assert share.base_figure_id == total.figure_id and share.base_label == "本年收入合计"
    assert figures["income.other_income"].amount_yuan == 6700
    assert comparisons["income.other_income.share"].value == Decimal("0.04")
    sources = {k.removeprefix("income.") for k in figures if k.startswith("income.")} - {"total"}
    assert sources == {
        "general_public_budget", "government_fund", "superior_subsidy", "public_institution_income",
        "operating_income", "affiliated_remittance", "other_income",
    }
    # Zero is a value.
    assert figures["income.public_institution_income"].amount_yuan == 0
    assert figures["income.public_institution_income"].label_zh == "事业收入"


def test_expenditure_by_type_with_shares(records):
    # "2020年本年支出合计2517.18万元,其中:基本支出528.91万元,占21.01%;项目支出1988.27万元,
    #  占78.99%;上缴上级支出0万元,占0%;经营支出0万元,占0%;对附属单位补助支出0万元,占0%。"
    figures, comparisons, paragraphs = records
    assert figures["expenditure.total"].amount_yuan == 25171800
    assert figures["expenditure.total"].category == "expenditure_total"
    expected = {
        "basic": 5289100, "project": 19882700, "remit_to_superior": 0, "operating": 0, "subsidy_to_affiliated": 0,
    }
    for key, yuan in expected.items():
        figure = figures[f"expenditure.{key}"]
        assert figure.amount_yuan == yuan
        assert (figure.fund, figure.category) == ("all_funds", "expenditure_by_type")
        assert comparisons[f"expenditure.{key}.share"].base_figure_id == figures["expenditure.total"].figure_id
    assert comparisons["expenditure.project.share"].value == Decimal("78.99")
    project = figures["expenditure.project"]
    assert project.literal == "项目支出1988.27万元"
    assert project.literal in paragraphs[project.paragraph_id].text


def test_fiscal_appropriation_grand_totals(records):
    # "2020年财政拨款收、支总计3112.33万元。与2019年相比,财政拨款收、支总计各增加555.2万元,增长21.71%。
    #  主要变动原因是主要为本年人员经费增加、年末财政下达预拨2021年政务云建设经费等。"
    figures, comparisons, paragraphs = records
    for flow in ("revenue", "expenditure"):
        figure = figures[f"fiscal_appropriation.grand_total.{flow}"]
        assert figure.amount_yuan == 31123300 and figure.fund == "fiscal_appropriation"
        assert "财政拨款收、支总计3112.33万元" in paragraphs[figure.paragraph_id].text
        assert comparisons[f"fiscal_appropriation.grand_total.{flow}.yoy_change"].value == Decimal(5552000)
        growth = comparisons[f"fiscal_appropriation.grand_total.{flow}.growth_rate"]
        assert growth.value == Decimal("21.71")
        assert growth.reason == "主要变动原因是主要为本年人员经费增加、年末财政下达预拨2021年政务云建设经费等"
    # 一's grand total is not mistaken for 四's, and the other way round.
    assert figures["grand_total.revenue"].paragraph_id != figures["fiscal_appropriation.grand_total.revenue"].paragraph_id


def test_an_unknown_income_source_is_left_unread_alone(seed_doc, replace_text):
    # "…其他收入0.67万元,占0.04%" worded "捐赠收入0.67万元": that amount is not bound to any
    # concept (nothing is guessed), it is listed with its paragraph and why; the rest reads.
    doc = replace_text(seed_doc, "其他收入0.67万元", "捐赠收入0.67万元")
    records, issues = figures.read_explanation(doc)
    read = keyed(records, FiscalFigure)
    assert "income.other_income" not in read and read["income.public_institution_income"].amount_yuan == 0
    (issue,) = [i for i in issues if i.literal == "0.67万元"]
    assert issue.paragraph_id.endswith("p0083") and "捐赠收入" in issue.reason


def test_a_missing_grand_total_sentence_stops_a_strict_build_naming_the_figure(seed_doc, replace_text):
    doc = replace_text(seed_doc, "2020年度收、支总计3351.34万元", "2020年度收支情况见下图")
    assert "grand_total.revenue" not in keyed(figures.extract(doc), FiscalFigure)
    with pytest.raises(SourceError, match=r"headline figure grand_total.revenue \(收入总计\) not read"):
        extract_disclosure(doc)
    lenient = extract_disclosure(doc, lenient=True)
    assert any(f.figure_id.endswith(".income.total") for f in lenient.fiscal_figures)

from decimal import Decimal

import pytest
from keyed import keyed

from yaan_opendata.extract.common import section
from yaan_opendata.extract.functional_lines import functional_lines
from yaan_opendata.model import FigureComparison, FiscalFigure

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def annex1(seed_doc):
    paragraphs = section(seed_doc, "第四部分", "附件1", "部门整体支出绩效评价报告", "三、", "(一)")
    records = list(functional_lines(seed_doc, paragraphs, "annex1."))
    figures = keyed(records, FiscalFigure)
    comparisons = keyed(records, FigureComparison)
    return figures, comparisons, {p.paragraph_id: p for p in seed_doc.paragraphs}


def test_total_line_has_no_unit_and_keeps_its_completion_rate(annex1):
    # "2020年一般公共预算支出决算数为2278.17,完成预算73.20%。其中:"
    figures, comparisons, paragraphs = annex1
    total = figures["annex1.general_public_budget.expenditure.detail"]
    assert total.amount_as_published == "2278.17"
    assert total.unit_as_published is None
    assert total.amount_yuan is None and total.amount_note
    # Every other amount of the section is in 万元: a reasoned correction sits beside it.
    assert total.amount_corrected_yuan == 22781700 and "万元" in total.amount_note
    assert "决算数为2278.17" in paragraphs[total.paragraph_id].text
    rate = comparisons["annex1.general_public_budget.expenditure.detail.completion_rate"]
    assert rate.value == Decimal("73.20") and rate.base_label == "预算"


def test_item_line_is_linked_to_its_functional_code(annex1):
    # "1.一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项): 支出决算为206.13万元,
    #  完成预算100%,决算数与预算数持平。"
    figures, comparisons, paragraphs = annex1
    figure = figures["annex1.functional.2010301"]
    assert figure.amount_yuan == 2061300
    assert figure.classification_id == "functional:2010301"
    assert figure.category == "expenditure_by_function" and figure.fund == "general_public_budget"
    assert "行政运行(项): 支出决算为206.13万元" in paragraphs[figure.paragraph_id].text
    rate = comparisons["annex1.functional.2010301.completion_rate"]
    assert rate.value == Decimal(100) and rate.reason == "决算数与预算数持平"


def test_eight_item_lines(annex1):
    figures, _, _ = annex1
    codes = sorted(k.split(".")[-1] for k in figures if k.startswith("annex1.functional."))
    assert codes == ["2010301", "2010302", "2010350", "2010399", "2080505", "2080506", "2101101", "2210201"]
    assert sum(figures[f"annex1.functional.{c}"].amount_yuan for c in codes) == 22781700


def test_amounts_cited_in_a_reason_are_explanatory_figures(annex1):
    # "…完成预算76.98 %,决算数小于预算数的主要原因是2019年年末财政下达2020年市级政务云建设经费1000万元,…"
    figures, comparisons, _ = annex1
    rate = comparisons["annex1.functional.2010302.completion_rate"]
    assert rate.value == Decimal("76.98")
    assert rate.reason.startswith("决算数小于预算数的主要原因是2019年年末财政下达")
    cited = figures["annex1.explanatory.2010302.1"]
    assert cited.amount_yuan == 10000000 and cited.category == "explanatory" and cited.phase == "budgeted"
    assert figures["annex1.explanatory.2010399.1"].amount_yuan == 3318200
    assert not any(k.startswith("annex1.explanatory.2010301") for k in figures)


def test_the_same_block_of_the_main_text_parses_with_another_prefix(seed_doc):
    paragraphs = section(seed_doc, "第二部分", "五、", "(三)")
    keys = {r.figure_id for r in functional_lines(seed_doc, paragraphs, "") if isinstance(r, FiscalFigure)}
    assert f"{DOC}.functional.2010302" in keys
    assert f"{DOC}.general_public_budget.expenditure.detail" in keys

"""决算情况说明 五 and 六: general public budget appropriation expenditure."""

from decimal import Decimal

import pytest
from keyed import explanation, keyed

from yaan_opendata.extract import figures as figures_module
from yaan_opendata.model import ExpenditureItem, FigureComparison, FiscalFigure

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc):
    records = list(explanation(seed_doc))
    figures = keyed(records, FiscalFigure)
    comparisons = keyed(records, FigureComparison)
    paragraphs = {p.paragraph_id: p for p in seed_doc.paragraphs}
    return figures, comparisons, paragraphs


def test_overall_expenditure_with_share_change_and_growth(records):
    # "2020年一般公共预算财政拨款支出2278.17万元,占本年支出合计的90.50%。与2019年相比,
    #  一般公共预算财政拨款增加893.08万元,增长64.48%。主要变动原因是为人员增加从而基本支出增加、…"
    figures, comparisons, paragraphs = records
    figure = figures["general_public_budget.expenditure"]
    assert figure.amount_yuan == 22781700
    assert (figure.fund, figure.category, figure.flow) == ("general_public_budget", "expenditure_total", "expenditure")
    assert "占本年支出合计的90.50%" in paragraphs[figure.paragraph_id].text
    share = comparisons["general_public_budget.expenditure.share"]
    assert share.value == Decimal("90.50") and str(share.value) == "90.50"
    assert share.base_figure_id == f"{DOC}.expenditure.total" and share.base_label == "本年支出合计"
    assert comparisons["general_public_budget.expenditure.yoy_change"].value == Decimal(8930800)
    growth = comparisons["general_public_budget.expenditure.growth_rate"]
    assert growth.value == Decimal("64.48")
    assert growth.reason.startswith("主要变动原因是为人员增加从而基本支出增加")


def test_structure_by_functional_class(records):
    # "2020年一般公共预算财政拨款支出2278.17万元,主要用于以下方面:一般公共服务(类)支出2168.25万元,
    #  占95.18%;社会保障和就业(类)支出47.76万元,占2.09%;卫生健康(类)支出27.47万元,占1.21%;
    #  住房保障(类)支出34.69万元,占1.52%。"
    figures, comparisons, paragraphs = records
    restated = figures["general_public_budget.expenditure.structure"]
    assert restated.amount_yuan == 22781700
    assert restated.paragraph_id != figures["general_public_budget.expenditure"].paragraph_id
    expected = {"201": (21682500, "95.18"), "208": (477600, "2.09"), "210": (274700, "1.21"), "221": (346900, "1.52")}
    for code, (yuan, share) in expected.items():
        figure = figures[f"functional.{code}"]
        assert figure.amount_yuan == yuan
        assert figure.classification_id == f"functional:{code}"
        assert figure.category == "expenditure_by_function"
        comparison = comparisons[f"functional.{code}.share"]
        # the share is of the one fact, however often the text restates it
        assert comparison.value == Decimal(share)
        assert comparison.base_figure_id == figures["general_public_budget.expenditure"].figure_id
    assert figures["functional.201"].literal == "一般公共服务(类)支出2168.25万元"
    assert figures["functional.201"].literal in paragraphs[figures["functional.201"].paragraph_id].text


def test_detail_total_has_no_unit(records):
    # "2020年一般公共预算支出决算数为2278.17,完成预算73.20%。其中:"
    figures, comparisons, paragraphs = records
    total = figures["general_public_budget.expenditure.detail"]
    assert total.amount_yuan is None and total.amount_note
    assert total.amount_as_published == "2278.17" and total.unit_as_published is None
    assert "决算数为2278.17,完成预算73.20%" in paragraphs[total.paragraph_id].text
    rate = comparisons["general_public_budget.expenditure.detail.completion_rate"]
    assert rate.value == Decimal("73.20") and rate.base_label == "预算" and rate.base_figure_id is None


def test_functional_items_with_completion_and_reason(records):
    # "2. 一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)一般行政管理事务(项): 支出决算为1680.23万元,
    #  完成预算76.98 %,决算数小于预算数的主要原因是2019年年末财政下达2020年市级政务云建设经费1000万元,…"
    figures, comparisons, paragraphs = records
    item = figures["functional.2010302"]
    assert item.amount_yuan == 16802300 and item.classification_id == "functional:2010302"
    assert paragraphs[item.paragraph_id].section_path == "第二部分 / 五、 / (三) / 2."
    rate = comparisons["functional.2010302.completion_rate"]
    assert rate.value == Decimal("76.98") and rate.base_label == "预算" and rate.base_figure_id is None
    assert rate.reason.startswith("决算数小于预算数的主要原因是2019年年末财政下达2020年市级政务云建设经费1000万元")
    assert comparisons["functional.2010301.completion_rate"].reason == "决算数与预算数持平"
    items = sorted(k for k in figures if k.startswith("functional.") and len(k) == len("functional.2010301"))
    assert len(items) == 8
    assert sum(figures[k].amount_yuan for k in items) == 22781700


def test_amounts_cited_in_reasons_are_budgeted_explanatory_figures(records):
    # "…年末财政预拨2021年市级政务云建设经费331.82万元。"
    figures, _, paragraphs = records
    cloud_2020 = figures["explanatory.2010302.1"]
    assert cloud_2020.amount_yuan == 10000000
    assert (cloud_2020.category, cloud_2020.phase, cloud_2020.fund) == ("explanatory", "budgeted", "general_public_budget")
    cloud_2021 = figures["explanatory.2010399.1"]
    assert cloud_2021.amount_yuan == 3318200
    assert "331.82万元" in paragraphs[cloud_2021.paragraph_id].text


def test_basic_expenditure_split(records):
    # "2020年一般公共预算财政拨款基本支出528.23万元,其中:" / "人员经费470.02万元,…" / "日常公用经费58.21万元,…"
    figures, _, paragraphs = records
    assert figures["general_public_budget.basic"].amount_yuan == 5282300
    personnel = figures["general_public_budget.basic.personnel"]
    public = figures["general_public_budget.basic.public"]
    assert personnel.amount_yuan == 4700200 and personnel.classification_id is None
    assert public.amount_yuan == 582100 and public.classification_id == "economic:302"
    assert personnel.category == public.category == "basic_expenditure_by_economic"
    assert paragraphs[public.paragraph_id].text.startswith("日常公用经费58.21万元")


def test_a_functional_name_missing_from_the_code_list_leaves_its_amounts_unread(seed_doc, replace_text):
    doc = replace_text(seed_doc, "住房公积金(项):支出决算为", "住房公积金补充(项):支出决算为")
    records, issues = figures_module.read_explanation(doc)
    read = keyed(records, FiscalFigure)
    assert "functional.2210201" not in read and "functional.2101101" in read
    (issue,) = [i for i in issues if i.paragraph_id.endswith("p0107")]
    assert "住房公积金补充" in issue.reason and "codelists/functional.csv" in issue.reason


def test_items_each_part_mainly_includes_link_to_economic_codes(seed_doc, text_of):
    # "日常公用经费58.21万元,主要包括:办公费、电费、差旅费、公务接待费、工会经费、福利费、
    #  公务用车运行维护费、其他交通费用、其他商品和服务支出等。"
    items = [r for r in explanation(seed_doc) if isinstance(r, ExpenditureItem)]
    public = [i for i in items if i.figure_id == f"{DOC}.general_public_budget.basic.public"]
    assert [i.name_as_published for i in public][:3] == ["办公费", "电费", "差旅费"]
    assert public[-1].name_as_published == "其他商品和服务支出"  # the trailing 等 is not a name
    assert [i.classification_id for i in public][:4] == [
        "economic:30201", "economic:30206", "economic:30211", "economic:30217"
    ]
    personnel = [i for i in items if i.figure_id == f"{DOC}.general_public_budget.basic.personnel"]
    assert len(personnel) == 10 and personnel[-1].classification_id == "economic:30309"  # 奖励金
    assert all(i.name_as_published in text_of[i.paragraph_id] for i in items)


def test_an_item_not_in_the_code_list_keeps_an_empty_code(seed_doc, replace_text):
    doc = replace_text(seed_doc, "主要包括:办公费、", "主要包括:数据标注费、")
    items = [r for r in explanation(doc) if isinstance(r, ExpenditureItem)]
    unknown = next(i for i in items if i.name_as_published == "数据标注费")
    assert unknown.classification_id is None

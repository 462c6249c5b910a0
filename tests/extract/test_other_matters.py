"""决算情况说明 十(一)–(三): running costs, procurement, state-owned assets."""

from decimal import Decimal

import pytest
from keyed import explanation, keyed

from yaan_opendata.model import FigureComparison, FiscalFigure, WorkMetric

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc):
    records = list(explanation(seed_doc))
    return (
        keyed(records, FiscalFigure),
        keyed(records, FigureComparison),
        keyed(records, WorkMetric),
        {p.paragraph_id: p for p in seed_doc.paragraphs},
    )


def test_operating_costs_with_change_and_reason(records):
    # "2020年,雅安市政务服务和大数据局机关运行经费支出58.21万元,比2019年增加14.15万元,增长32.12%。
    #  主要原因是人员增加,公用经费支出增加。"
    figures, comparisons, _, paragraphs = records
    costs = figures["operating_costs"]
    assert costs.amount_yuan == 582100
    assert (costs.fund, costs.category) == ("general_public_budget", "operating_costs")
    assert paragraphs[costs.paragraph_id].section_path == "第二部分 / 十、 / (一)"
    assert comparisons["operating_costs.yoy_change"].value == Decimal(141500)
    growth = comparisons["operating_costs.growth_rate"]
    assert growth.value == Decimal("32.12") and growth.reason == "主要原因是人员增加,公用经费支出增加"


def test_procurement_by_kind_and_awards_to_smes(records):
    # "…政府采购支出总额4043.26万元,其中:政府采购货物支出75.28万元、政府采购工程支出0万元、
    #  政府采购服务支出3967.98万元。…授予中小企业合同金额3069.20万元,占政府采购支出总额的75.91%,
    #  其中:授予小微企业合同金额0万元,占政府采购支出总额的0%。"
    figures, comparisons, _, paragraphs = records
    total = figures["procurement.total"]
    assert total.amount_yuan == 40432600 and total.category == "procurement"
    assert "政府采购支出总额4043.26万元" in paragraphs[total.paragraph_id].text
    assert figures["procurement.goods"].amount_yuan == 752800
    assert figures["procurement.works"].amount_yuan == 0
    assert figures["procurement.services"].amount_yuan == 39679800
    sme = figures["procurement.sme"]
    assert sme.amount_yuan == 30692000 and sme.amount_as_published == "3069.20万元"
    share = comparisons["procurement.sme.share"]
    assert share.value == Decimal("75.91") and share.base_figure_id == total.figure_id
    assert share.base_label == "政府采购支出总额"
    assert figures["procurement.small_micro"].amount_yuan == 0
    assert comparisons["procurement.small_micro.share"].value == 0


def test_vehicles_by_use_and_large_equipment_are_counts(records):
    # "…共有车辆4辆,其中:主要领导干部用车0辆、机要通信用车0辆、应急保障用车1辆、其他用车3辆,…,
    #  单价50万元以上通用设备0台(套),单价100万元以上专用设备0台(套)。"
    figures, _, metrics, paragraphs = records
    vehicles = metrics["assets.vehicles"]
    assert vehicles.value == 4 and vehicles.unit == "辆"
    assert vehicles.topic == "(三)国有资产占有使用情况"
    assert "共有车辆4辆" in paragraphs[vehicles.paragraph_id].text
    by_use = {k: metrics[f"assets.vehicles.{k}"].value for k in ("leadership", "confidential_communication", "emergency", "other")}
    assert by_use == {"leadership": 0, "confidential_communication": 0, "emergency": 1, "other": 3}
    general = metrics["assets.general_equipment"]
    assert general.value == 0 and general.unit == "台(套)" and general.metric == "单价50万元以上通用设备"
    assert metrics["assets.special_equipment"].metric == "单价100万元以上专用设备"
    # The 50万元 / 100万元 thresholds are not money figures.
    assert not any(f.amount_as_published in ("50万元", "100万元") for f in figures.values())


def test_vehicles_by_use_in_the_central_departments_words(seed_doc, replace_text):
    # 国家档案局: "…共有车辆11辆,其中:副部(省)级及以上领导用车2辆,主要负责人用车0辆,机要通信用车4辆,…"
    doc = replace_text(seed_doc, "其中:主要领导干部用车0辆、", "其中:副部(省)级及以上领导用车2辆、主要负责人用车0辆、")
    metrics = keyed(explanation(doc), WorkMetric)
    assert metrics["assets.vehicles.ministerial"].value == 2
    assert metrics["assets.vehicles.leadership"].value == 0

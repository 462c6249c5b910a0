from decimal import Decimal

import pytest
from keyed import keyed

from yaan_opendata.extract import as_published, project_reports
from yaan_opendata.model import FiscalFigure, WorkMetric

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc, text_of):
    records = list(project_reports.extract(seed_doc))
    return {
        "figures": keyed(records, FiscalFigure),
        "metrics": [r for r in records if isinstance(r, WorkMetric)],
        "text": text_of,
    }


def metrics_of(records, paragraph_number):
    return [m for m in records["metrics"] if m.paragraph_id == f"{DOC}-p{paragraph_number:04d}"]


def values(metrics):
    return [m.value_as_published for m in metrics]


def test_cloud_numbers_of_narrative_2(records):
    # "…迁移上云信息系统共计137个。…申请退出的信息系统3个,目前,雅安市政务云运行系统共计134个,
    #  已割接系统共计132个,割接率98.5%…计算容量共计11828核,内存容量共计29625GB,存储容量共计473TB。"
    metrics = metrics_of(records, 142)
    assert {"137个", "3个", "134个", "132个", "98.5%", "11828核", "29625GB", "473TB"} <= set(values(metrics))
    assert {m.topic for m in metrics} == {"雅安市政务云平台服务经费项目"}
    assert all(m.metric_id.startswith(f"{DOC}.project.2.narrative.p0142.") for m in metrics)


def test_budget_sentence_is_not_repeated_as_metrics(records):
    # "项目全年预算数1000万元,执行数为592.62万元,完成预算的59.26%" are figures (performance_projects)
    assert not {"1000万元", "592.62万元", "59.26%"} & set(values(metrics_of(records, 142)))
    # but a 100% outside the budget sentence stays: "群众对热线服务满意率为100%"
    hotline = metrics_of(records, 143)
    assert "100%" in values(hotline) and "320万元" not in values(hotline)


def test_hotline_numbers_of_narrative_3(records):
    # "热线全年整体话务量达到38887件,其中热线接电量达33155次,热线呼出5732次,接通率为96.52%,热线呼损率0.295%。"
    by_value = {m.value_as_published: m for m in metrics_of(records, 143)}
    assert by_value["38887件"].value == 38887 and by_value["5732次"].unit == "次"
    assert by_value["0.295%"].value == Decimal("0.295")
    assert "53号" not in by_value  # "(国办发〔2020〕53号)" is a document number


def test_table_result_texts_are_metrics_too(records):
    # the hotline table's 实际完成目标 prints "热线呼损率0.30%" where the narrative prints 0.295%
    metric = next(m for m in metrics_of(records, 309) if m.value_as_published == "0.30%")
    assert metric.metric_id.startswith(f"{DOC}.project.3.table.")
    assert metric.value == Decimal("0.30")


def test_paragraphs_around_the_narratives(records):
    # "…对3个项目编制了绩效目标,预算执行过程中,选取3个项目开展绩效监控,…"
    metrics = metrics_of(records, 137)
    assert values(metrics) == ["3个", "3个", "3个"]
    assert metrics[0].topic == "预算绩效管理情况"


def test_annex2_funds_keep_the_printed_wan(records):
    # "市财政安排1000万专项经费,用于市级政务云基础服务费、…"
    figure = records["figures"]["annex2.project.2.source.special_funds"]
    assert figure.amount_as_published == "1000万" and figure.unit_as_published is None
    assert figure.amount_yuan == 10000000 and "万" in figure.amount_note
    assert figure.project_id == f"{DOC}.project.2"
    assert "市财政安排1000万专项经费" in records["text"][figure.paragraph_id]


def test_annex2_fund_sections(records, seed_doc):
    figures = records["figures"]
    # "2020年财政安排雅安市政务云平台服务经费项目资金1000 万元。" (a no-break space before 万元):
    # read as a plain space, published as printed.
    arranged = figures["annex2.project.2.approval.arranged"]
    assert arranged.amount_as_published == "1000 万元"
    assert as_published(seed_doc, arranged).amount_as_published == "1000\u00a0万元"
    # "1.资金计划。2019年财政安排…资金1000万元。2020年结转结余资金1000 万元。"
    assert "2019年" in figures["annex2.project.2.plan.arranged"].label_zh
    assert figures["annex2.project.2.plan.carry_over"].amount_yuan == 10000000
    # "2.资金到位。…共计1000万元。"
    assert figures["annex2.project.2.receipt.received"].flow == "revenue"
    # "3.资金使用。…项目资金 1000万元已经支出592.62万元"
    spent = figures["annex2.project.2.use.executed"]
    assert spent.amount_yuan == 5926200 and spent.phase == "executed"
    # "2020年申请并批复资金320万元。"
    assert figures["annex2.project.3.plan.approved"].amount_yuan == 3200000
    assert not any(k.startswith("annex2.project.1.") for k in figures)  # that report has no fund sections


def test_annex2_money_is_not_repeated_as_metrics(records):
    for number in (533, 540, 542, 543, 544, 575, 582, 584, 585, 586):
        assert not [m for m in metrics_of(records, number) if m.unit in ("万元", "元", "万")]


def test_annex2_other_numbers(records):
    # "第一批次28个信息系统迁移工作于2019年12月底完成,…第四批次信息系统于2020年10月底完成44个信息系统迁移工作。"
    metrics = metrics_of(records, 531)
    assert {"28个", "33个", "32个", "44个", "264平方米", "103台"} <= set(values(metrics))
    assert all(m.metric_id.startswith(f"{DOC}.annex2.project.2.p0531.") for m in metrics)
    assert not [m for m in metrics_of(records, 529) if m.unit == "号"]  # "(雅办函〔2019〕28号)"


def test_a_forecast_is_qualified(records):
    # "…割接率98.5%,迁移部门满意度达100%。预计2021年1月份,割接率达100%。"
    by_label = {m.metric: m for m in metrics_of(records, 142)}
    assert (by_label["割接率N%"].value, by_label["割接率N%"].qualifier) == (Decimal("98.5"), None)
    assert (by_label["割接率达N%"].value, by_label["割接率达N%"].qualifier) == (100, "预计")


def test_numbers_of_indicator_cells_that_are_not_one_value(records):
    # 实效指标 row, 预期指标值: "第一批次2019年底完成28个;第二批次2020年4月完成33个;
    #  第三批次2020年7月份完成32个;2020年10月底完成46个。"
    cell = [m for m in records["metrics"] if m.metric_id.startswith(f"{DOC}.project.2.indicator_cell.")
            and m.metric.endswith("完成N个")]
    assert [(m.metric, m.value) for m in cell] == [
        ("第一批次2019年底完成N个", 28), ("第二批次2020年4月完成N个", 33),
        ("第三批次2020年7月份完成N个", 32), ("2020年10月底完成N个", 46),
    ]
    # a cell that is one value ("139个", "系统割接率100%") is the row's value, not a metric
    assert not [m for m in records["metrics"] if m.metric_id.startswith(f"{DOC}.project.1.indicator_cell.")]
    assert {m.metric for m in records["metrics"] if ".indicator_cell." in m.metric_id and m.unit == "%"} == {"割接率N%"}

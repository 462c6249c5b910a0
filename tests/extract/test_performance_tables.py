import pytest
from keyed import keyed

from yaan_opendata.extract import performance_tables
from yaan_opendata.model import FiscalFigure, PerformanceIndicator

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc, text_of):
    records = list(performance_tables.extract(seed_doc))
    return {
        "figures": keyed(records, FiscalFigure),
        "indicators": [r for r in records if isinstance(r, PerformanceIndicator)],
        "text": text_of,
    }


def test_three_tables_in_order_with_name_targets_and_results(seed_doc):
    tables = performance_tables.project_tables(seed_doc)
    assert [t.name.text for t in tables] == [
        "雅安市政务信息资源共享平台项目", "雅安市政务云平台服务经费项目", "“12345”政务服务热线服务经费项目",
    ]
    assert [t.project_id for t in tables] == [f"{DOC}.project.{n}" for n in (1, 2, 3)]
    assert tables[0].budget_unit.text == "雅安市政务服务和大数据局(本级)"
    assert tables[0].money_unit == "万元"
    assert tables[1].target.text.startswith("2020年10月底,完成全市139个非涉密信息系统迁移工作")
    assert "热线呼损率0.30%" in tables[2].result.text


def test_money_cells_label_then_value(records):
    # "预算数: / 90.79万元 / 执行数: / 90.79万元 / 其中-财政拨款: / 90.79万元 / 其中-财政拨款: / 90.79万元"
    figures = records["figures"]
    budget = figures["project.1.table.budget"]
    assert budget.amount_yuan == 907900 and budget.phase == "budgeted" and budget.fund == "all_funds"
    assert budget.project_id == f"{DOC}.project.1" and budget.category == "performance_project"
    assert records["text"][budget.paragraph_id] == "90.79万元"
    assert budget.literal == "90.79万元"  # the value cell; its label is the cell before
    assert figures["project.1.table.executed"].phase == "executed"
    # the k-th "其中-财政拨款:" belongs to the k-th column (预算数, then 执行数)
    assert figures["project.2.table.budget.fiscal_appropriation"].amount_yuan == 10000000
    executed = figures["project.2.table.executed.fiscal_appropriation"]
    assert executed.amount_yuan == 5926200 and executed.fund == "fiscal_appropriation" and executed.phase == "executed"


def test_zero_without_unit_is_read_in_the_header_unit(records):
    # "预算执行情况(万元)" … "其它资金: / 0" (twice)
    for column in ("budget", "executed"):
        other = records["figures"][f"project.3.table.{column}.other_funds"]
        assert other.amount_as_published == "0" and other.unit_as_published is None
        assert other.amount_yuan == 0 and other.fund == "other_funds"
        assert "预算执行情况(万元)" in other.amount_note


def test_six_money_figures_per_table(records):
    for n in (1, 2, 3):
        assert len([k for k in records["figures"] if k.startswith(f"project.{n}.table.")]) == 6


def test_indicator_row_counts(records):
    counts = {}
    for indicator in records["indicators"]:
        counts[indicator.project_id] = counts.get(indicator.project_id, 0) + 1
    assert counts == {f"{DOC}.project.1": 16, f"{DOC}.project.2": 5, f"{DOC}.project.3": 5}


def test_indicator_row_keeps_cells_and_paragraphs(records):
    # "发布目录总数 / 30条 / 178条"
    first = records["indicators"][0]
    assert first.indicator_id == f"{DOC}.project.1.indicator.1"
    assert (first.level1, first.level2, first.level3) == ("项目完成指标", "数量指标", "发布目录总数")
    assert (first.target_text, first.actual_text) == ("30条", "178条")
    assert (first.target_value, first.target_unit, first.actual_value) == (30, "条", 178)
    text = records["text"]
    assert (text[first.paragraph_id], text[first.target_paragraph_id], text[first.actual_paragraph_id]) == (
        "发布目录总数", "30条", "178条",
    )

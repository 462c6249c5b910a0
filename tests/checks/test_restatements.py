"""A figure stated twice is the same; narrative numbers equal the performance table's."""

from decimal import Decimal

from builders import checks, comparison, figure, metric, paragraph, replace, statuses

from yaan_opendata.model import PerformanceIndicator, PerformanceProject


def test_annex1_restates_section_five_and_its_rates():
    result = statuses(
        figure("functional.2010302", "1680.23万元"),
        comparison("functional.2010302", "completion_rate", "76.98 %"),
        figure("annex1.functional.2010302", "1680.23万元"),
        comparison("annex1.functional.2010302", "completion_rate", "76.98%"),
        figure("project.1.executed", "90.79万元"),
        figure("project.1.table.executed", "90.97万元"),
        family="restatements",
    )
    assert result == {
        "restatements.figure.annex1.functional.2010302": "pass",
        "restatements.comparison.annex1.functional.2010302.completion_rate": "pass",
        "restatements.figure.project.1.table.executed": "fail",
    }


def test_a_share_is_only_compared_with_a_share_of_the_same_total():
    result = statuses(
        figure("income.total", "1942.17万元"),
        figure("income.general_public_budget", "1941.49万元"),
        comparison("income.general_public_budget", "share", "99.96%", base="income.total"),
        figure("annex1.fiscal_funds.revenue", "3112.33万元"),
        figure("annex1.income", "1941.49万元"),
        comparison("annex1.income", "share", "62.38%", base="annex1.fiscal_funds.revenue"),
        family="restatements",
    )
    assert result == {
        "restatements.figure.annex1.income": "pass",  # no share comparison: 62.38% is of another total
        "restatements.figure.annex1.fiscal_funds.revenue": "not_checkable",  # 财政拨款收支总计 not given here
    }


def _project(target_text, result_text):
    return PerformanceProject(
        project_id="doc.project.1", document_id="doc", org_id="org", name_zh="共享平台", name_en="Platform",
        completion_rate=None, completion_rate_as_published=None, annual_target=target_text,
        annual_result=result_text, paragraph_id="doc-p0010",
    )


def _indicator(row, level3, target, actual, unit):
    return PerformanceIndicator(
        indicator_id=f"doc.project.1.indicator.{row}", project_id="doc.project.1", row=row, level1="项目完成指标",
        level2="数量指标", level3=level3, target_text=f"{target}{unit}", target_value=Decimal(target),
        target_unit=unit, target_comparator=None, actual_text=f"{actual}{unit}", actual_value=Decimal(actual),
        actual_unit=unit, paragraph_id="doc-p0030", target_paragraph_id="doc-p0031", actual_paragraph_id="doc-p0032",
    )


TARGET = "达到各部门满意度90%。"
RESULT = "截至目前数据挂载数500条。2020年全年发布的目录总数为178条,数据挂载数178条,达到各部门满意度90%。"
NARRATIVE = "截至目前数据挂载数500条。2020年全年发布的目录总数为180条,数据挂载数178条,达到各部门满意度90%。"


def _statements():
    return (
        _project(TARGET, RESULT),
        paragraph(20, TARGET), paragraph(21, RESULT), paragraph(40, NARRATIVE),
        metric("project.1.table.p0020.1", "达到各部门满意度N%", "90", "%", paragraph=20),
        metric("project.1.table.p0021.1", "2020年全年发布的目录总数为N条", "178", "条", paragraph=21),
        metric("project.1.table.p0021.2", "数据挂载数N条", "178", "条", paragraph=21),
        metric("project.1.table.p0021.3", "达到各部门满意度N%", "90", "%", paragraph=21),
        # the narrative also states a cumulative figure with the same wording, earlier in the paragraph
        metric("annex2.project.1.p0040.1", "数据挂载数N条", "500", "条", paragraph=40),
        metric("annex2.project.1.p0040.2", "2020年全年发布的目录总数为N条", "180", "条", paragraph=40),
        metric("annex2.project.1.p0040.3", "数据挂载数N条", "178", "条", paragraph=40),
        metric("annex2.project.1.p0040.4", "达到各部门满意度N%", "90", "%", paragraph=40),
        _indicator(1, "发布目录总数", "30", "178", "条"),
        _indicator(2, "达到各部门满意度", "80", "90", "%"),
    )


def test_narrative_numbers_are_paired_with_the_table_by_wording_in_order():
    result = statuses(*_statements(), family="restatements")
    narrative = {k: v for k, v in result.items() if k.startswith("restatements.narrative")}
    assert narrative == {
        "restatements.narrative.annex2.project.1.p0040.2": "fail",  # 180 against the table's 178
        "restatements.narrative.annex2.project.1.p0040.3": "pass",  # the year's 178, not the cumulative 500
        "restatements.narrative.annex2.project.1.p0040.4": "pass",
    }


def test_indicator_rows_agree_with_the_tables_target_and_result_text():
    result = checks(*_statements(), family="restatements")
    indicator = {k: c.status for k, c in result.items() if k.startswith("restatements.indicator")}
    assert indicator == {
        "restatements.indicator.project.1.indicator.1.actual.project.1.table.p0021.1": "pass",
        "restatements.indicator.project.1.indicator.2.target.project.1.table.p0020.1": "fail",  # 80% vs 90%
        "restatements.indicator.project.1.indicator.2.actual.project.1.table.p0021.3": "pass",
    }


def test_a_cell_that_names_its_number_is_compared_with_the_result_text_but_never_with_a_forecast():
    result_text = "已割接系统共计132个,割接率98.5%。预计2021年1月份,割接率达100%。"
    row = _indicator(1, "迁移系统应于迁移后3个月完成系统割接工作", "95", "100", "%")
    records = [
        _project("迁移系统应于迁移后3个月内完成系统割接工作。", result_text),
        paragraph(20, "迁移系统应于迁移后3个月内完成系统割接工作。"), paragraph(21, result_text),
        metric("project.1.table.p0021.1", "已割接系统共计N个", "132", "个", paragraph=21),
        metric("project.1.table.p0021.2", "割接率N%", "98.5", "%", paragraph=21),
        metric("project.1.table.p0021.3", "割接率达N%", "100", "%", paragraph=21, qualifier="预计"),
    ]
    key = "restatements.indicator.project.1.indicator.1.actual.project.1.table.p0021.2"

    def indicator_checks(actual_text, actual):
        cell = replace(row, actual_text=actual_text, actual_value=Decimal(actual))
        found = checks(*records, cell, family="restatements")
        return {k: (c.expected, c.observed, c.status) for k, c in found.items() if k.startswith("restatements.indicator")}

    # "系统割接率100%": the row claims 100% where its result text says 98.5% (100% only expected)
    assert indicator_checks("系统割接率100%", "100") == {key: (Decimal("98.5"), 100, "fail")}
    assert indicator_checks("系统割接率98.5%", "98.5") == {key: (Decimal("98.5"), Decimal("98.5"), "pass")}
    assert indicator_checks("100%", "100") == {}  # a bare number names nothing: the row's name does not match

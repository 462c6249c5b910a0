from decimal import Decimal

import pytest
from keyed import keyed

from yaan_opendata.extract import performance_projects
from yaan_opendata.model import FigureComparison, FiscalFigure, PerformanceProject

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc, text_of):
    records = list(performance_projects.extract(seed_doc))
    return {
        "projects": [r for r in records if isinstance(r, PerformanceProject)],
        "figures": keyed(records, FiscalFigure),
        "comparisons": keyed(records, FigureComparison),
        "text": text_of,
    }


def test_one_project_per_table_with_its_narrative(records):
    projects = records["projects"]
    assert [p.project_id for p in projects] == [f"{DOC}.project.{n}" for n in (1, 2, 3)]
    assert [p.name_zh for p in projects] == [
        "雅安市政务信息资源共享平台项目", "雅安市政务云平台服务经费项目", "“12345”政务服务热线服务经费项目",
    ]
    assert {p.org_id for p in projects} == {"yaan-zwfwdsj"}
    for project in projects:
        narrative = records["text"][project.paragraph_id]
        assert narrative.startswith("(") and f"{project.name_zh}绩效目标完成情况综述" in narrative


def test_completion_rate_and_table_texts(records):
    # "(2)雅安市政务云平台服务经费项目绩效目标完成情况综述。项目全年预算数1000万元,执行数为592.62万元,完成预算的59.26%。"
    cloud = records["projects"][1]
    assert cloud.completion_rate == Decimal("59.26") and cloud.completion_rate_as_published == "59.26%"
    assert cloud.annual_target.startswith("2020年10月底,完成全市139个非涉密信息系统迁移工作")
    assert cloud.annual_result.startswith("对已建成的全市非涉密信息系统制定了四个批次的迁移计划")


def test_narrative_budget_and_executed_figures(records):
    # "(1)…项目全年预算数90.79万元,执行数为90.79万元,完成预算的100%。"
    figures = records["figures"]
    budget, executed = figures["project.1.budget"], figures["project.1.executed"]
    assert (budget.amount_yuan, budget.phase, budget.fund) == (907900, "budgeted", "fiscal_appropriation")
    assert (executed.amount_yuan, executed.phase) == (907900, "executed")
    assert budget.project_id == executed.project_id == f"{DOC}.project.1"
    assert budget.literal == "项目全年预算数90.79万元" and executed.literal == "执行数为90.79万元"
    assert "项目全年预算数90.79万元" in records["text"][budget.paragraph_id]
    assert figures["project.2.executed"].amount_yuan == 5926200
    assert figures["project.3.budget"].amount_yuan == 3200000


def test_completion_rate_compares_executed_with_budget(records):
    rate = records["comparisons"]["project.2.executed.completion_rate"]
    assert rate.value == Decimal("59.26")
    assert rate.base_figure_id == f"{DOC}.project.2.budget" and rate.base_label == "全年预算数"


def test_narratives_are_matched_by_name_not_position(seed_doc):
    matched = performance_projects.narratives(seed_doc)
    assert [n.paragraph.text[:3] for n in matched] == ["(1)", "(2)", "(3)"]
    assert all(n.table.name.text in n.paragraph.text for n in matched)
    assert performance_projects.same_name("“12345” 政务服务热线") == performance_projects.same_name('"12345"政务服务热线')

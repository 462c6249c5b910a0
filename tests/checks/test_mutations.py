"""Altering one figure in a copy of the source changes exactly the checks that read it."""

import pytest

from yaan_opendata.pipeline import load_disclosures

DOC = "yaan-zwfwdsj-2020."


def statuses(disclosure):
    return {c.check_id.removeprefix(DOC): c.status for c in disclosure.consistency_checks}


def readers(disclosure, record_id):
    return {i.check_id.removeprefix(DOC) for i in disclosure.consistency_check_inputs if i.input_id == DOC + record_id}


def replace_once(old, new, occurrence=1):
    """Replace the n-th occurrence of ``old`` only."""
    def edit(text):
        parts = text.split(old)
        assert len(parts) > occurrence, f"'{old}' occurs fewer than {occurrence} times"
        return old.join(parts[:occurrence]) + new + old.join(parts[occurrence:])
    return edit


MUTATIONS = {
    "other income 0.67 → 0.57万元": (
        replace_once("其他收入0.67万元", "其他收入0.57万元"),
        "income.other_income",
        {"sums.income_sources": "fail", "shares.share.income.other_income.share": "fail"},
    ),
    "11 sedans → 1": (
        replace_once("轿车11辆", "轿车1辆"),
        "three_public.vehicles.fleet.sedan",
        {"counts.vehicle_fleet": "pass"},
    ),
    "project 1 narrative: 5 interface directories → 10": (
        replace_once("接口类型目录5条", "接口类型目录10条"),
        "project.1.narrative.p0141.10",
        {"restatements.narrative.project.1.narrative.p0141.10": "pass"},
    ),
    "project 2 executed 592.62 → 592.72万元": (
        replace_once("执行数为592.62万元", "执行数为592.72万元"),
        "project.2.executed",
        {
            "completion.rate.project.2.executed.completion_rate": "fail",
            "restatements.figure.project.2.table.executed": "fail",
            "restatements.figure.annex2.project.2.use.executed": "fail",
        },
    ),
    "project 2 report: the fourth batch 44 → 46 systems": (
        replace_once("完成44个信息系统迁移工作", "完成46个信息系统迁移工作"),
        "annex2.project.2.p0531.7",
        {
            "counts.batches.annex2.project.2.p0531": "fail",  # 28 + 33 + 32 + 46 = 139 ≠ 137
            "restatements.batches.annex2.project.2.p0531.7.project.2.indicator_cell.p0273.4": "pass",
        },
    ),
    "project 2 indicator row: 系统割接率 100% → 98.5%": (
        replace_once("系统割接率100%", "系统割接率98.5%"),
        "project.2.indicator.4",
        {"restatements.indicator.project.2.indicator.4.actual.project.2.table.p0254.5": "pass"},
    ),
    "project 1 narrative: 目录总数 180 → 190": (
        replace_once("目录总数为180条", "目录总数为190条"),
        "project.1.narrative.p0141.8",
        {"counts.resource_types.project.1.narrative.p0141.8": "pass"},  # 190 still differs from the table's 178
    ),
    "附件1 项目支出 printed in 万元": (
        replace_once("项目支出1749.94元", "项目支出1749.94万元"),
        "annex1.expenditure.project",
        {"sums.annex1_expenditure": "pass", "units.money.annex1.expenditure.project": "pass"},
    ),
}


@pytest.fixture(scope="module")
def baseline(seed_disclosures):
    return seed_disclosures[0]


@pytest.mark.parametrize("name", MUTATIONS)
def test_a_mutation_changes_exactly_the_checks_that_read_the_figure(name, edited_sources, baseline):
    edit, record_id, changes = MUTATIONS[name]
    mutated = load_disclosures(edited_sources(edit))[0]
    before, after = statuses(baseline), statuses(mutated)
    assert before.keys() == after.keys()
    changed = {key: after[key] for key in after if after[key] != before[key]}
    assert changed == changes
    assert set(changed) <= readers(mutated, record_id)


def test_a_table_missing_from_the_schedules_is_a_finding(edited_sources, baseline):
    title = "十一、政府性基金预算财政拨款收入支出决算表"
    mutated = load_disclosures(edited_sources(replace_once(title + "\n", "", occurrence=2)))[0]
    failed = {key for key, status in statuses(mutated).items() if status == "fail"}
    assert failed - {key for key, status in statuses(baseline).items() if status == "fail"} == {
        "template.table.sichuan.08"
    }

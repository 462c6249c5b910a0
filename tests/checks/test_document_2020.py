"""The 2020 disclosure of the Ya'an government service and big data bureau, checked.

Every finding that is not a pass is pinned here with the reason; every other
check passes. The document's own contradictions are findings, never errors,
and the published values stay as printed.
"""

from decimal import Decimal

import pytest

DOC = "yaan-zwfwdsj-2020."

# What the text contradicts itself on.
FAILURES = {
    # a total whose parts do not add up: 528.23万元 + 1749.94元 (万元 meant) ≠ 2278.17万元
    "sums.annex1_expenditure": "附件1 本年支出",
    # a total whose parts do not add up: 公用车4辆, of which 轿车11辆, 越野车3辆, 载客汽车0辆
    "counts.vehicle_fleet": "三公 vehicles",
    # the self-evaluation's 总分 row gives the maximum as 90; its indicators' maxima add up to 100
    "counts.self_evaluation_max": "附件1 自评表",
    # a unit printed as 元 where 万元 is meant, two amounts printed without a unit, two in 万 without 元
    "units.money.annex1.expenditure.project": "项目支出1749.94元",
    "units.money.general_public_budget.expenditure.detail": "支出决算数为2278.17",
    "units.money.annex1.general_public_budget.expenditure.detail": "附件1: 支出决算数为2278.17",
    "units.money.annex2.project.2.source.special_funds": "1000万专项经费",
    "units.money.annex2.project.3.source.special_funds": "320万专项经费",
    # chart 5 is captioned (单位:元) while the amounts it charts are in 万元
    "units.chart_caption.chart5": "图5",
    # narrative counts that differ from the indicator table (project 1, stated three times):
    # 目录总数 180 vs 178, 接口类型目录 5 vs 10, 数据挂载数 180 vs 178, 数据交换目录 180 vs 176,
    # 开放文件类型目录 12 vs 10
    **{
        f"restatements.narrative.{paragraph}.{n}": "project 1 narrative"
        for paragraph, numbers in {
            "project.1.narrative.p0141": (8, 10, 12, 14, 15),
            "annex2.project.1.p0482": (9, 11, 13, 15, 16),
            "annex2.project.1.p0495": (5, 7, 9, 11, 12),
        }.items()
        for n in numbers
    },
    # targets that differ between the text and the indicator table:
    # 各部门满意度 90% (target text) vs 80% (table); 宣传短信 >20万条 vs 160000条
    "restatements.indicator.project.1.indicator.16.target.project.1.table.p0166.4": "各部门满意度",
    "restatements.indicator.project.3.indicator.4.target.project.3.table.p0308.4": "宣传短信",
    # project 2's indicator row reports 系统割接率100%; its result text (and the narrative) say 割接率98.5%,
    # 100% only expected in January 2021
    "restatements.indicator.project.2.indicator.4.actual.project.2.table.p0254.5": "割接率",
    # project 2's fourth migration batch: 46 in the indicator row, 44 in the 附件2 report
    "restatements.batches.annex2.project.2.p0531.7.project.2.indicator_cell.p0273.4": "第四批次",
    # project 1's catalogue types do not add up to the 目录总数: 175 + 5 + 10 = 190 ≠ 180 in the narrative
    # and both 附件2 passages, 175 + 10 + 10 = 195 ≠ 178 in the table
    **{
        f"counts.resource_types.{total}": "目录类型"
        for total in (
            "project.1.narrative.p0141.8", "annex2.project.1.p0482.9", "annex2.project.1.p0495.5",
            "project.1.table.p0167.5",
        )
    },
}

# Within the published rounding, not exact.
ROUNDING = {
    "sums.income_sources",  # 1941.49 + 0.67 = 1942.16, published 1942.17万元
    "sums.reception_events",  # the itemized receptions add up to 9084元, published 0.91万元
    "shares.share.income.other_income.share",  # 0.67 / 1942.17 = 0.0345%, published 0.04%
    "shares.share.functional.208.share",  # 47.76 / 2278.17 = 2.0964%, published 2.09% (the four add to 100)
    # 呼损率 0.295% in the narrative and the indicator row, 0.30% in the table's result text
    "restatements.narrative.project.3.narrative.p0143.8",
    "restatements.narrative.annex2.project.3.p0573.12",
    "restatements.narrative.annex2.project.3.p0596.5",
    "restatements.indicator.project.3.indicator.2.actual.project.3.table.p0309.12",
}

# 因公出国(境) 0万元, "增加/减少0万元,增长/下降0%": a growth rate on a zero prior year.
UNDEFINED = {"growth.rate.three_public.overseas.detail.growth_rate"}

# Completion rates whose budget the text does not state (五(三), 附件1 and the 三公 lines).
NOT_CHECKABLE_RATES = [
    "general_public_budget.expenditure.detail",
    *(f"functional.{code}" for code in (
        "2010301", "2010302", "2010350", "2010399", "2080505", "2080506", "2101101", "2210201",
    )),
]
NOT_CHECKABLE = {
    f"completion.rate.{prefix}{key}.completion_rate" for prefix in ("", "annex1.") for key in NOT_CHECKABLE_RATES
} | {
    f"completion.rate.three_public.{key}.completion_rate"
    for key in ("total", "overseas.detail", "vehicles.detail", "reception.detail")
} | {  # the 2020 document does not say what its totals are made of (其中:本年收入合计…)
    f"sums.{rule}_parts" for rule in (
        "grand_total_revenue", "grand_total_expenditure", "fiscal_grand_total_revenue", "fiscal_grand_total_expenditure")
}


@pytest.fixture(scope="module")
def document(seed_disclosures):
    return seed_disclosures[0]


@pytest.fixture(scope="module")
def checks(document):
    return {c.check_id.removeprefix(DOC): c for c in document.consistency_checks}


def test_every_finding_that_is_not_a_pass_is_pinned(checks):
    findings = {key: c.status for key, c in checks.items() if c.status != "pass"}
    expected = (
        {key: "fail" for key in FAILURES}
        | {key: "rounding" for key in ROUNDING}
        | {key: "undefined" for key in UNDEFINED}
        | {key: "not_checkable" for key in NOT_CHECKABLE}
    )
    assert findings == expected


@pytest.mark.parametrize(
    ("check_id", "expected", "observed"),
    [
        ("sums.expenditure_types", 25171800, 25171800),  # 528.91 + 1988.27 = 2517.18万元
        ("sums.functional_classes", 22781700, 22781700),  # the four 类
        ("sums.functional_items", 22781700, 22781700),  # the eight 项
        ("sums.basic_economic", 5282300, 5282300),  # 人员 470.02 + 公用 58.21
        ("sums.three_public", 57600, 57600),  # 0 + 4.85 + 0.91
        ("sums.procurement", 40432600, 40432600),
        ("sums.fiscal_funds_revenue", 31123300, 31123300),  # 年初结转 1170.84 + 本年收入 1941.49
        ("sums.fiscal_funds_expenditure", 31123300, 31123300),  # 本年支出 2278.17 + 年末结转 834.16
        ("counts.staffing_posts.staffing.yaan-zwfwdsj.total", 45, 45),
        ("counts.self_evaluation_score", 90, 90),
        ("counts.asset_vehicles", 4, 4),
        ("counts.reception_batches", 12, 12),
        ("counts.hotline_calls.p0143", 38887, 38887),  # 33155 in + 5732 out
        ("counts.cloud_systems.p0142", 134, 134),  # 137 migrated − 3 withdrawn
        ("counts.batches.annex2.project.2.p0531", 137, 137),  # the report's batches 28 + 33 + 32 + 44
        ("restatements.batches.annex2.project.2.p0531.4.project.2.indicator_cell.p0273.1", 28, 28),
        ("counts.resource_types.annex2.project.1.p0497.2", 517, 517),  # 286 + 215 + 16 by type
        ("counts.resource_types.annex2.project.1.p0482.5", 500, 500),  # 交换数据 302 + 160 + 38
        ("growth.rate.grand_total.revenue.growth_rate", Decimal("19.8521"), Decimal("19.85")),
        ("growth.rate.three_public.vehicles.detail.growth_rate", Decimal("-3.00"), Decimal(-3)),
        ("completion.rate.project.2.executed.completion_rate", Decimal("59.2620"), Decimal("59.26")),
        ("shares.share.three_public.vehicles.share", Decimal("84.2014"), Decimal("84.20")),
    ],
)
def test_identities_that_hold(checks, check_id, expected, observed):
    check = checks[check_id]
    assert (check.status, check.expected, check.observed) == ("pass", expected, observed)


def test_the_template_is_complete(checks):
    template = [c for c in checks.values() if c.family == "template"]
    assert len(template) == 22 + 9
    assert {c.status for c in template} == {"pass"}


def test_a_failure_quotes_both_sides(document):
    quotes = [i.literal for i in document.consistency_check_inputs if i.check_id == DOC + "counts.vehicle_fleet"]
    assert quotes[0] == "单位共有公务用车4辆"
    assert "轿车11辆" in quotes[1]


def test_the_published_value_is_kept_and_the_correction_is_only_a_note(checks, document):
    figure = next(f for f in document.fiscal_figures if f.figure_id == DOC + "annex1.expenditure.project")
    assert (figure.amount_yuan, figure.amount_as_published) == (None, "1749.94元")
    check = checks["sums.annex1_expenditure"]
    assert check.expected == Decimal(5282300) + Decimal("1749.94")  # as printed, in 元
    assert "with the corrected amount" in check.note and "2278.17万元 against 2278.17万元: pass" in check.note


def test_every_input_links_to_a_record_and_a_paragraph(document):
    paragraph_ids = {p.paragraph_id for p in document.paragraphs}
    figure_ids = {f.figure_id for f in document.fiscal_figures}
    assert document.consistency_check_inputs
    for item in document.consistency_check_inputs:
        assert item.paragraph_id in paragraph_ids
        assert item.figure_id is None or item.figure_id in figure_ids


def test_docs_state_the_current_counts(document):
    from yaan_opendata.checks.docs import DOCS_PATH
    from yaan_opendata.checks.report import report_lines

    summary = report_lines(document, statuses=())[0].split(": ", 1)[1]  # "514 checks — 451 pass, …"
    assert " ".join(summary.split()) in " ".join(DOCS_PATH.read_text(encoding="utf-8").split())

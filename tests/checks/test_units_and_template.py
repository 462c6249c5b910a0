"""Units are the template's; the required sections and the 14 附表 are present."""

from builders import checks, figure, paragraph, replace, statuses

from yaan_opendata.checks.template import REQUIRED_SCHEDULES, REQUIRED_SECTIONS
from yaan_opendata.model import Schedule


def test_money_in_wanyuan_passes_and_yuan_bare_or_wan_fail():
    result = checks(
        figure("income.total", "1942.17万元"),
        figure("annex1.expenditure.project", "1749.94元", amount_corrected_yuan=17499400),
        figure("general_public_budget.expenditure.detail", "2278.17"),
        replace(figure("annex2.project.2.source.special_funds", "1000"), amount_as_published="1000万"),
        replace(figure("project.1.table.budget.other_funds", "0"), amount_yuan=0),
        family="units",
    )
    assert {key: c.status for key, c in result.items()} == {
        "units.money.income.total": "pass",
        "units.money.annex1.expenditure.project": "fail",
        "units.money.general_public_budget.expenditure.detail": "fail",
        "units.money.annex2.project.2.source.special_funds": "fail",
        "units.money.project.1.table.budget.other_funds": "pass",  # the table header gives 万元
    }
    assert "printed in 元" in result["units.money.annex1.expenditure.project"].note
    assert "17499400" in result["units.money.annex1.expenditure.project"].note
    assert "no unit" in result["units.money.general_public_budget.expenditure.detail"].note


def test_a_chart_captioned_in_yuan_fails():
    result = statuses(
        paragraph(1, "(图4:财政拨款收、支决算总计变动情况)(单位:万元)"),
        paragraph(2, "(图5:一般公共预算财政拨款支出决算变动情况)(单位:元)"),
        family="units",
    )
    assert result == {"units.chart_caption.chart4": "pass", "units.chart_caption.chart5": "fail"}


def _template_document(drop_section: str | None = None, drop_schedule: int | None = None):
    records, parts = [], []
    for number, (part, words, _) in enumerate(REQUIRED_SECTIONS, start=1):
        if part not in parts:  # the part's own heading, numbered as a department without annexes would
            parts.append(part)
            records.append(paragraph(200 + len(parts), f"第{len(parts)}部分 {part}", section_path=f"第{len(parts)}部分"))
        if words != drop_section:
            records.append(paragraph(number, f"{number}、{words}", section_path=f"第{len(parts)}部分 / {number}、"))
    for number, title in enumerate(REQUIRED_SCHEDULES, start=1):
        if number != drop_schedule:
            records.append(Schedule(
                schedule_id=f"doc.schedule.{number}", document_id="doc", number=number, title_zh=title,
                title_en=title, included=False, paragraph_id=f"doc-p{100 + number:04d}",
            ))
    return records


def test_a_complete_template_passes_and_a_missing_section_or_schedule_fails():
    assert set(statuses(*_template_document(), family="template").values()) == {"pass"}
    result = checks(*_template_document(drop_section="机构设置", drop_schedule=12), family="template")
    failed = {key: c.note for key, c in result.items() if c.status == "fail"}
    assert failed == {
        "template.section.03": "no heading containing '机构设置' in the part on '部门概况'",
        "template.schedule.12": "not named in the document",
    }

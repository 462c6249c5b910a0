"""Units are the template's; the sections, schedules and tables of the template the
document follows are present."""

from builders import checks, figure, paragraph, replace, statuses

from yaan_opendata.lexicon import table_specs, templates
from yaan_opendata.model import Schedule

SICHUAN, NATIONAL = templates()


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


def _template_document(template=SICHUAN, drop_section: str | None = None, drop_table: str | None = None,
                       listed: bool = False):
    """A document with every heading the template requires (the words of each, as a
    department without annexes would number them) and its tables: their titles as
    headings, or (``listed``) named in the list of schedules."""
    records, parts = [], []
    for number, (part, words, _, _) in enumerate(template.sections, start=1):
        part, words = part.pattern.split("|")[0], words.pattern.split("|")[0]
        if part not in parts:
            parts.append(part)
            records.append(paragraph(200 + len(parts), f"第{len(parts)}部分 {part}", section_path=f"第{len(parts)}部分"))
        if words != drop_section:
            records.append(paragraph(number, f"{number}、{words}", section_path=f"第{len(parts)}部分 / {number}、"))
    for number, key in enumerate(template.tables, start=1):
        if key == drop_table:
            continue
        title = table_specs()[key].label_zh
        if listed:
            records.append(Schedule(
                schedule_id=f"doc.schedule.{number}", document_id="doc", number=number, title_zh=title,
                title_en=title, included=False, paragraph_id=f"doc-p{100 + number:04d}",
            ))
        else:
            records.append(paragraph(300 + number, title, section_path=f"第{len(parts)}部分 / {title}"))
    return records


def test_a_complete_template_passes_and_a_missing_section_or_table_fails():
    assert set(statuses(*_template_document(), family="template").values()) == {"pass"}
    assert set(statuses(*_template_document(listed=True), family="template").values()) == {"pass"}
    result = checks(*_template_document(drop_section="机构设置", drop_table="government_fund", listed=True),
                    family="template")
    failed = {key: c.note for key, c in result.items() if c.status == "fail"}
    assert failed == {
        "template.section.sichuan.03": "no heading containing '机构设置' in the part on '部门概况'",
        "template.table.sichuan.08": "no heading or schedule names the table and none of its cells was read",
    }
    assert result["template.section.sichuan.03"].description_zh == "四川省部门决算公开模板:“部门概况”部分“机构设置”"


def test_a_document_in_the_national_template_is_checked_against_it():
    """Four parts and the nine tables: checked against the national template, not failed for
    lacking the Sichuan 附件 and 附表 list."""
    result = checks(*_template_document(NATIONAL), family="template")
    assert {key.split(".")[2] for key in result} == {"national"}
    assert {c.status for c in result.values()} == {"pass"}
    assert len([k for k in result if k.startswith("template.table.")]) == 9
    result = checks(*_template_document(NATIONAL, drop_table="three_public"), family="template")
    failed = {key: c.note for key, c in result.items() if c.status == "fail"}
    assert failed == {"template.table.national.07":
                      "no heading or schedule names the table and none of its cells was read"}
    titled = result["template.table.national.01"]
    assert titled.note == "named, with no amount read from it (an empty table, or one not in the published text)"

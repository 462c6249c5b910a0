"""Units are the ones the template uses.

The template prints departmental money in 万元 (two decimals) and the official
reception detail in 元; its charts are captioned "(单位:万元)". A money figure
printed in 元 ('1749.94元'), in 万 without 元 ('1000万') or with no unit at all
('2278.17') is a finding: the published value is kept as printed, and the
figure's ``amount_note`` / ``amount_corrected_yuan`` say how it was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .engine import (
    FAIL,
    PASS,
    Finding,
    Rule,
    comparison_input,
    figure_input,
    paragraph_input,
    reception_input,
)
from .records import Records

MONEY = Rule("units.money", "金额以模板单位“万元”列示", "A money figure is printed in 万元, the template's unit")
RECEPTION = Rule("units.reception_detail", "公务接待明细金额以“元”列示", "The reception detail is printed in 元")
CAPTION = Rule("units.chart_caption", "图表单位与正文金额单位(万元)一致", "A chart's unit is 万元, the unit of the amounts it charts")
RULES = (MONEY, RECEPTION, CAPTION)

TEMPLATE_UNIT = "万元"
# Cells of the project performance tables: the header "预算执行情况(万元)" gives
# their unit, so a bare "0" there is in the template's unit.
UNIT_IN_TABLE_HEADER = re.compile(r"project\.\d+\.table\..+")
# "(图5:一般公共预算财政拨款支出决算变动情况)(单位:元)"
CHART_CAPTION = re.compile(r"^[((]图(?P<number>\d+)[::].*?[))]\s*[((]单位[::](?P<unit>[^))]+)[))]\s*$")


def check(records: Records) -> Iterator[Finding]:
    for figure in records.disclosure.fiscal_figures:
        yield _money_unit(records, figure)
    for change in records.comparisons("yoy_change"):
        yield _change_unit(records, change)
    for event in records.disclosure.reception_events:
        # A table cell prints the bare number; its column header gives the unit (费用(元)).
        printed = re.sub(r"^[\d.,\s]+", "", event.amount_as_published) or "元"
        yield Finding(
            RECEPTION, event.reception_id.removeprefix(f"{records.document_id}."),
            PASS if printed == "元" else FAIL,
            f"接待明细“{event.visitor}”金额单位", f"Unit of the reception amount for {event.visitor}",
            inputs=(reception_input(event, "amount"),),
            note=None if printed == "元" else f"printed '{event.amount_as_published}', the detail is in 元",
        )
    for paragraph in records.disclosure.paragraphs:
        match = CHART_CAPTION.match(paragraph.text)
        if match:
            ok = match["unit"].strip() == TEMPLATE_UNIT
            yield Finding(
                CAPTION, f"chart{match['number']}", PASS if ok else FAIL,
                f"图{match['number']}的单位", f"Unit of chart {match['number']}",
                inputs=(paragraph_input(paragraph, "caption"),), paragraph_id=paragraph.paragraph_id,
                note=None if ok else (
                    f"captioned (单位:{match['unit']}) while the amounts it charts are printed in 万元; "
                    "the chart itself is not in the text"
                ),
            )


def _money_unit(records: Records, figure) -> Finding:
    key = records.key(figure.figure_id)
    unit = figure.unit_as_published
    if unit == TEMPLATE_UNIT:
        status, note = PASS, None
    elif figure.amount_as_published == "无":
        status, note = PASS, "stated in words that there was none (无): no unit to print"
    elif unit is None and UNIT_IN_TABLE_HEADER.fullmatch(key):
        status, note = PASS, "no unit in the cell; the table header gives 万元"
    elif unit is None and figure.amount_as_published.rstrip().endswith("万"):
        status, note = FAIL, f"printed '{figure.amount_as_published}': 万 without 元"
    elif unit is None:
        status, note = FAIL, f"printed '{figure.amount_as_published}' with no unit"
    else:
        status, note = FAIL, f"printed in {unit} ('{figure.amount_as_published}') where the template uses 万元"
    if status == FAIL and figure.amount_corrected_yuan is not None:
        note += f"; corrected beside it as {figure.amount_corrected_yuan} yuan (amount_corrected_yuan)"
    return Finding(
        MONEY, key, status, f"{figure.label_zh}的金额单位", f"Unit of {key}",
        inputs=(figure_input(figure, "amount"),), unit=TEMPLATE_UNIT, note=note,
    )


def _change_unit(records: Records, change) -> Finding:
    printed = re.sub(r"^[\d.,\s]+", "", change.value_as_published)
    ok = printed == TEMPLATE_UNIT or change.value_as_published == "持平"  # unchanged: nothing to print
    key = records.key(change.comparison_id)
    return Finding(
        MONEY, key, PASS if ok else FAIL, f"{key}增减额的单位", f"Unit of the change {key}",
        inputs=(comparison_input(change, "change"),), unit=TEMPLATE_UNIT,
        note=None if ok else f"printed '{change.value_as_published}' where the template uses 万元",
    )

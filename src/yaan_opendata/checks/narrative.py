"""Narrative figures equal the same figure in the performance tables.

Each project's numbers are stated three ways: in its 绩效目标完成情况表 (the
indicator rows and the table's own 预期目标 / 实际完成目标 text), in the
narrative of 十(四) and in its 附件2 report. Two rules tie them together:

- ``restatements.narrative``: a narrative paragraph restates the table's
  text. The two paragraphs' metrics are aligned by their wording (labels such
  as '数据挂载数N条', in order, so that a cumulative figure stated earlier in the
  paragraph is not paired with the year's), and each aligned pair must agree.
- ``restatements.indicator``: an indicator row's target and actual value equal
  the number the table's 预期目标 / 实际完成目标 text gives for the same
  indicator, matched by name (the wording before the number, normalized, plus
  the few synonyms below). A cell that names its number ('系统割接率100%') is
  matched by its own words too, ending with the text's name ('割接率N%'). An
  actual is never paired with a forecast (a metric qualified 预计: '预计2021年1月份,
  割接率达100%'), which is not the year's result.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from difflib import SequenceMatcher

from .engine import FAIL, Finding, Rule, indicator_input, metric_input, precision_status
from .records import Records

NARRATIVE = Rule(
    "restatements.narrative", "叙述中的数字与绩效目标完成情况表所述一致",
    "A number in the narrative equals the same number in the performance table",
)
INDICATOR = Rule(
    "restatements.indicator", "绩效指标表的预期值/实际值与同表目标文字所述一致",
    "An indicator row's target / actual equals what the table's target / result text states",
)
RULES = (NARRATIVE, INDICATOR)

# Metric keys of the performance section: project.<n>.table.p…, project.<n>.narrative.p…, annex2.project.<n>.p…
_KEY = re.compile(r"(?P<annex>annex2\.)?project\.(?P<project>\d+)\.(?P<kind>table|narrative|p\d+)")

# Indicator names whose text wording differs from the table's row name.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "全年接电量": ("热线来电", "热线接电量"),
    "呼损率": ("热线呼损率",),
    "向群众发出宣传短信": ("发宣传短信", "发出宣传短信"),
    "达到群众满意度": ("群众满意度", "满意率"),
}
FORECAST = "预计"  # the qualifier of a metric the sentence states as expected
_CELL_WORDS = re.compile(r"^[^\d<>≤≥<>]*")  # the words before a cell's number: '系统割接率100%' → '系统割接率'
_LEADING = re.compile(r"^(?:其中|目前|\d{4}年|全年)+")
_TRAILING = re.compile(r"(?:为|达到|达|的有|共计|数)+$")


def normalized(name: str) -> str:
    """'2020年全年发布的目录总数为' → '发布目录总', '发布目录总数' → '发布目录总'."""
    name = re.sub(r"[\s<>的]", "", name)
    return _TRAILING.sub("", _LEADING.sub("", name))


def metric_name(metric) -> str:
    """The words before the number in the metric's label ('数据挂载数N条' → '数据挂载数')."""
    return metric.metric.split("N", 1)[0]


def comparable(metric_or_value, unit: str | None = None) -> Decimal:
    """A value with 万 units scaled to units, keeping its printed precision (20万 → 2.0E+5)."""
    value, unit = (metric_or_value.value, metric_or_value.unit) if unit is None else (metric_or_value, unit)
    return value.scaleb(4) if unit and unit.startswith("万") else value


def counting_unit(unit: str | None) -> str | None:
    """The unit without its 万 (万条 → 条), as ``comparable`` values are."""
    return unit[1:] if unit and unit.startswith("万") and len(unit) > 1 else unit


def check(records: Records) -> Iterator[Finding]:
    tables, narratives = defaultdict(dict), defaultdict(dict)
    for metric in records.disclosure.work_metrics:
        match = _KEY.match(records.key(metric.metric_id))
        if match:
            side = tables if match["kind"] == "table" and not match["annex"] else narratives
            side[match["project"]].setdefault(metric.paragraph_id, []).append(metric)
    for project, paragraphs in narratives.items():
        for metrics in paragraphs.values():
            yield from _narrative(records, metrics, tables.get(project, {}))
    yield from _indicators(records, tables)


def _narrative(records: Records, metrics: list, table_paragraphs: dict) -> Iterator[Finding]:
    """Pair the paragraph's metrics with the best-aligned table paragraph's, by wording in order."""
    labels = [m.metric for m in metrics]
    best, best_blocks = None, []
    for table_metrics in table_paragraphs.values():
        matcher = SequenceMatcher(None, [m.metric for m in table_metrics], labels, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if sum(b.size for b in blocks) > sum(b.size for b in best_blocks):
            best, best_blocks = table_metrics, blocks
    for block in best_blocks:
        for offset in range(block.size):
            table_metric, metric = best[block.a + offset], metrics[block.b + offset]
            status = precision_status(comparable(table_metric), comparable(metric))
            yield Finding(
                NARRATIVE, records.key(metric.metric_id), status,
                f"叙述“{metric.metric}”与绩效表一致", f"Narrative '{metric.metric}' equals the performance table",
                inputs=(metric_input(table_metric, "table"), metric_input(metric, "narrative")),
                expected=comparable(table_metric), observed=comparable(metric),
                difference=comparable(metric) - comparable(table_metric), unit=counting_unit(metric.unit),
                note=f"the table states {table_metric.value_as_published}, the narrative {metric.value_as_published}"
                if status == FAIL else None,
            )


def _indicators(records: Records, tables: dict) -> Iterator[Finding]:
    projects = {p.project_id: p for p in records.disclosure.performance_projects}
    for indicator in records.disclosure.performance_indicators:
        project = projects.get(indicator.project_id)
        number = records.key(indicator.project_id).rsplit(".", 1)[-1]
        if project is None:
            continue
        names = {normalized(n) for n in (indicator.level3, *SYNONYMS.get(indicator.level3, ()))}
        for side, text, value, unit, cell in (
            ("target", project.annual_target, indicator.target_value, indicator.target_unit, indicator.target_text),
            ("actual", project.annual_result, indicator.actual_value, indicator.actual_unit, indicator.actual_text),
        ):
            if value is None:
                continue
            cell_name = normalized(_CELL_WORDS.match(cell.strip()).group(0)) if cell else ""
            for metric in _text_metrics(records, tables.get(number, {}), text):
                name = normalized(metric_name(metric))
                if name not in names and not (cell_name and name and cell_name.endswith(name)):
                    continue
                if side == "actual" and FORECAST in (metric.qualifier or ""):
                    continue
                status = precision_status(comparable(metric), comparable(value, unit))
                yield Finding(
                    INDICATOR, f"{records.key(indicator.indicator_id)}.{side}.{records.key(metric.metric_id)}",
                    status,
                    f"“{indicator.level3}”{'预期' if side == 'target' else '实际'}值与表中目标文字一致",
                    f"The {side} of '{indicator.level3}' equals the table's {side} text",
                    inputs=(indicator_input(indicator, side, target=side == "target"), metric_input(metric, f"{side} text")),
                    expected=comparable(metric), observed=comparable(value, unit), unit=counting_unit(unit),
                    difference=comparable(value, unit) - comparable(metric),
                    note=f"the indicator row states {value}{unit or ''}, the table's text {metric.value_as_published}"
                    if status == FAIL else None,
                )


def _text_metrics(records: Records, table_paragraphs: dict, text: str | None) -> list:
    """The metrics of the table paragraph whose text is the project's target (or result) text."""
    for paragraph_id, metrics in table_paragraphs.items():
        paragraph = records.paragraphs_by_id.get(paragraph_id)
        if paragraph is not None and text and paragraph.text.strip() == text.strip():
            return metrics
    return []

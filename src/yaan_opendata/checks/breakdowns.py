"""Counts listed part by part add up (migration batches, catalogue resource types); a batch stated twice agrees.

The text enumerates some counts part by part in one sentence, with no key of
their own: '第一批次28个信息系统迁移工作于2019年12月底完成,第二批次33个…' or
'目录总数为180条,数据库类型目录数175条,接口类型目录5条,文件类型目录10条'. The
parts are found among one paragraph's work metrics, in order, by the words of
their labels:

- a batch by its ordinal, '第N批次'. An enumeration may drop the ordinal of
  its last item ('…;第三批次2020年7月份完成32个;2020年10月底完成46个'): the
  paragraph's last metric, of the same unit and with no total's wording,
  continues the list;
- a resource type by the type its label opens with (数据库 / 文件 / 接口, the
  three resource types of a 政务信息资源目录); the count they break down is the
  metric stated just before them ('发布了517条目录,其中数据库类的为286条,…').

A project's statements are grouped by where they stand (the key the
extractors give them): its 附件2 report, its narrative, its performance table
and the table's indicator cells. When the table lists the batches as an
indicator's target, the check also reads the row's actual, which says whether
the table claims them done.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from .counts import counted
from .engine import NOT_CHECKABLE, Finding, Rule, count_status, indicator_input, metric_input
from .records import Records

BATCHES = Rule(
    "counts.batches", "各批次完成数之和等于同一报告所述总数",
    "The batches add up to the total the same report states",
)
BATCHES_RESTATED = Rule(
    "restatements.batches", "绩效表所列各批次完成数与报告所述一致",
    "Each batch counted in the performance table has the count the report states for it",
)
RESOURCE_TYPES = Rule(
    "counts.resource_types", "按资源类型(数据库、文件、接口)所列目录数之和等于其前所述总数",
    "The catalogue entries by resource type (database, file, interface) add up to the count stated before them",
)
RULES = (BATCHES, BATCHES_RESTATED, RESOURCE_TYPES)

NUMERALS = "一二三四五六七八九十"
ORDINAL = re.compile(rf"第(?P<n>[{NUMERALS}]|\d+)批次")
TOTAL_WORDING = re.compile(r"共计|合计|总计|累计|总数|总量")
# What a batch list adds up to: the systems migrated to the cloud ('迁移上云信息系统共计137个').
BATCH_TOTAL = re.compile(r"迁移上云.*共计")
RESOURCE_TYPE = re.compile(r"^(?:其中)?(?P<type>数据库|文件|接口)类")
# Where a project's statements stand: annex2.project.<n>.p…, project.<n>.<narrative|table|indicator_cell>.p…
_SCOPE = re.compile(r"(?P<scope>(?P<annex>annex2\.)?project\.(?P<project>\d+)(?:\.(?P<kind>[a-z_]+))?)\.p\d+\.\d+")
TABLE_KINDS = ("table", "indicator_cell")


def check(records: Records) -> Iterator[Finding]:
    batch_lists = list(_batch_lists(records))
    yield from _batch_totals(records, batch_lists)
    yield from _batches_restated(records, batch_lists)
    for metrics in records.metrics_by_paragraph.values():
        yield from _resource_types(records, metrics)


def _ordinal(label: str) -> int | None:
    match = ORDINAL.search(label)
    if match is None:
        return None
    n = match["n"]
    return int(n) if n.isdigit() else NUMERALS.index(n) + 1


def batch_runs(metrics: list) -> list[list]:
    """The batch lists of one paragraph, in order: the n-th metric of a list is batch n."""
    runs, run = [], []
    for position, metric in enumerate(metrics):
        n = _ordinal(metric.metric)
        last = position == len(metrics) - 1
        if n == 1:
            runs.append(run)
            run = [metric]
        elif run and metric.unit == run[0].unit and (
            n == len(run) + 1 or (n is None and last and len(run) > 1 and not TOTAL_WORDING.search(metric.metric))
        ):
            run.append(metric)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    return [r for r in runs if len(r) > 1]


def _batch_lists(records: Records) -> Iterator[tuple[re.Match, list]]:
    for metrics in records.metrics_by_paragraph.values():
        for run in batch_runs(metrics):
            scope = _SCOPE.fullmatch(records.key(run[0].metric_id))
            if scope:
                yield scope, run


def _batch_totals(records: Records, batch_lists) -> Iterator[Finding]:
    """Each list against the total migrated that the same report states (none stated: no identity)."""
    for scope, run in batch_lists:
        total = next(
            (m for m in records.disclosure.work_metrics if BATCH_TOTAL.search(m.metric)
             and (s := _SCOPE.fullmatch(records.key(m.metric_id))) and s["scope"] == scope["scope"]),
            None,
        )
        if total is None:
            continue
        subject = records.key(run[0].metric_id).rsplit(".", 1)[0]
        yield counted(
            BATCHES, subject, (BATCHES.title_zh, BATCHES.title_en),
            metric_input(total, "total"), [metric_input(m, f"batch {n}") for n, m in enumerate(run, start=1)],
            note=_sum_note(total, run),
        )


def _batches_restated(records: Records, batch_lists) -> Iterator[Finding]:
    """The table's batches against the report's and the narrative's, batch by batch."""
    tables, reports = defaultdict(list), defaultdict(list)
    for scope, run in batch_lists:
        side = tables if scope["kind"] in TABLE_KINDS and not scope["annex"] else reports
        side[scope["project"]].append(run)
    for project, runs in reports.items():
        for table_run in tables.get(project, ()):
            for run in runs:
                for n, metric in enumerate(run, start=1):
                    yield _batch_restated(records, n, table_run, metric)


def _batch_restated(records: Records, n: int, table_run: list, metric) -> Finding:
    numeral = NUMERALS[n - 1] if n <= len(NUMERALS) else str(n)
    zh, en = f"第{numeral}批次完成数与绩效表一致", f"Batch {n} has the count the performance table states"
    if n > len(table_run):
        table_paragraph = records.key(table_run[0].metric_id).rsplit(".", 1)[0]
        return Finding(BATCHES_RESTATED, f"{records.key(metric.metric_id)}.{table_paragraph}", NOT_CHECKABLE, zh, en,
                       inputs=(metric_input(metric, "report"),), note=f"the performance table lists no batch {n}")
    table_metric = table_run[n - 1]
    subject = f"{records.key(metric.metric_id)}.{records.key(table_metric.metric_id)}"
    status, difference, tolerance = count_status(table_metric.value, metric.value)
    row = _target_row(records, table_metric)
    note = None
    if difference:
        note = f"the table states {table_metric.value_as_published} for batch {n}, the report {metric.value_as_published}"
        if row is not None:
            note += f"; the table lists the batches as an indicator's target, whose actual reads '{row.actual_text}'"
    inputs = [metric_input(table_metric, "table"), metric_input(metric, "report")]
    if row is not None:
        inputs[0] = metric_input(table_metric, "indicator target")
        inputs.append(indicator_input(row, "indicator actual"))
    return Finding(
        BATCHES_RESTATED, subject, status, zh, en, inputs=tuple(inputs), expected=table_metric.value,
        observed=metric.value, difference=difference, tolerance=tolerance, unit=metric.unit, note=note,
    )


def _target_row(records: Records, metric):
    """The indicator row whose target cell states the metric: its actual says what was achieved."""
    return next(
        (i for i in records.disclosure.performance_indicators if i.target_paragraph_id == metric.paragraph_id), None,
    )


def resource_type_runs(metrics: list) -> list[tuple]:
    """(total, parts) of each run of counts by resource type in one paragraph, in order."""
    runs, i = [], 0
    while i < len(metrics):
        j, types = i, set()
        while j < len(metrics) and metrics[j].unit == metrics[i].unit:
            kind = RESOURCE_TYPE.match(metrics[j].metric)
            if kind is None or kind["type"] in types:
                break
            types.add(kind["type"])
            j += 1
        before = metrics[i - 1] if i else None
        if j - i > 1 and before is not None and before.unit == metrics[i].unit and not RESOURCE_TYPE.match(before.metric):
            runs.append((before, metrics[i:j]))
        i = max(j, i + 1)
    return runs


def _resource_types(records: Records, metrics: list) -> Iterator[Finding]:
    for total, parts in resource_type_runs(metrics):
        yield counted(
            RESOURCE_TYPES, records.key(total.metric_id), (RESOURCE_TYPES.title_zh, RESOURCE_TYPES.title_en),
            metric_input(total, "total"), [metric_input(m, "part") for m in parts], note=_sum_note(total, parts),
        )


def _sum_note(total, parts: list) -> str | None:
    """'175条 + 5条 + 10条 = 190条, stated 180条' when the parts do not add up."""
    added = sum((m.value for m in parts), Decimal(0))
    if added == total.value:
        return None
    return f"{' + '.join(m.value_as_published for m in parts)} = {added}{total.unit}, stated {total.value_as_published}"

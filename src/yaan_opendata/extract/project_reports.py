"""Numbers stated in prose about the performance projects: 十、(四) and 附件2.

- 十、(四): every number of its prose (the project narratives (1)(2)(3), the
  paragraphs around them, the tables' 预期目标 / 实际完成目标 texts) becomes a
  WorkMetric, except the narratives' budget sentences, which
  ``performance_projects`` records as figures. So does every number of an
  indicator cell that is not one value ("第一批次2019年底完成28个;第二批次…"),
  keyed ``project.<n>.indicator_cell.p…``: the row keeps the text, the
  metrics its numbers.
- 附件2: one "<项目名称>2020年绩效评价报告" per project, matched to its project
  by name. The money of its fund sections (经费来源, 资金申报及批复, 资金计划,
  资金到位, 资金使用) becomes FiscalFigures ``annex2.project.<n>.<section>.<what>``;
  every other number becomes a WorkMetric.

"1000万专项经费" prints 万 without 元. It is recorded as money: 万 is an exact
magnitude and the sentence is about 专项经费, so the amount is the number ×
10 000 yuan; unit_as_published stays empty and amount_note says why.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from ..model import FiscalFigure, Paragraph, WorkMetric
from ..numbers import NUMBER
from ..source import SourceDocument
from . import sections as S
from .clauses import clause_around
from .common import fiscal_figure, money, section
from .narrative import narrative_metrics
from .performance_indicators import indicator_rows
from .performance_projects import BUDGET_SENTENCE, narratives, same_name
from .performance_tables import TABLE_TITLE

SECTION = (S.ACCOUNTS, S.OTHER_MATTERS, S.PERFORMANCE)
ANNEX = (S.ANNEXES, S.PROJECT_EVALUATION_ANNEX)
# "雅安市政务云平台服务经费项目2020年绩效评价报告"
REPORT_TITLE = re.compile(r"^(?P<name>.+?)\d{4}年度?绩效评价报告$")

# The report template's fund sections, by the words of their heading:
# "3.经费来源和使用范围。" / "(一)项目资金申报及批复情况。" / "1.资金计划。…" / "2.资金到位。…" / "3.资金使用。…"
FUND_SECTIONS = (
    ("经费来源", "source"),
    ("资金申报及批复", "approval"),
    ("资金计划", "plan"),
    ("资金到位", "receipt"),
    ("资金使用", "use"),
)
# Any amount in a fund section: "1000万元", "1000 万元", "1000万" (万 without 元).
AMOUNT = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>万元|元|万)")
_A = rf"(?P<amount>{NUMBER}\s*(?:万元|元|万))"
# What an amount is, by the words around it (flow, phase, labels).
FUND_PATTERNS = (
    # "市财政安排1000万专项经费"
    ("special_funds", re.compile(rf"安排{_A}专项经费"), "expenditure", "budgeted", "专项经费", "special funds"),
    # "2020年财政安排…项目资金1000 万元" / "2019年财政安排…项目资金1000万元"
    ("arranged", re.compile(rf"(?P<year>\d{{4}})年财政安排[^,,。;;]*?资金\s*{_A}"),
     "expenditure", "budgeted", "财政安排资金", "funds arranged by the finance bureau"),
    # "2020年结转结余资金1000 万元"
    ("carry_over", re.compile(rf"结转结余资金\s*{_A}"), "expenditure", "budgeted", "结转结余资金",
     "funds carried over"),
    # "2020年申请并批复资金320万元"
    ("approved", re.compile(rf"批复资金\s*{_A}"), "expenditure", "budgeted", "申请并批复资金", "funds approved"),
    # "所有项目资金全部到位,共计1000万元"
    ("received", re.compile(rf"到位[^。]*?共计\s*{_A}"), "revenue", "executed", "到位资金", "funds received"),
    # "…项目资金 1000万元已经支出592.62万元" / "…项目资金320万元已经全部支出"
    ("budget", re.compile(rf"项目资金\s*{_A}\s*已经"), "expenditure", "budgeted", "项目资金", "project funds"),
    ("executed", re.compile(rf"已经支出\s*{_A}"), "expenditure", "executed", "已经支出", "spent"),
)
_MONEY_UNITS = ("万元", "元", "万")
_CLAUSE_BREAKS = ",,;;。"
# A document number is not a metric: "(国办发〔2020〕53号)".
_DOCUMENT_NUMBER_BEFORE = "〕"


def extract(doc: SourceDocument) -> Iterator[FiscalFigure | WorkMetric]:
    yield from section_metrics(doc)
    yield from annex_reports(doc)


def section_metrics(doc: SourceDocument) -> Iterator[WorkMetric]:
    """十、(四): narratives (1)(2)(3), their tables' target/result texts, the paragraphs around them."""
    texts = {p.paragraph_id: p.text for p in doc.paragraphs}
    matched = narratives(doc)
    for narrative in matched:
        table, paragraph = narrative.table, narrative.paragraph
        budget = BUDGET_SENTENCE.search(paragraph.text)
        metrics = narrative_metrics(doc, [paragraph], narrative.name, f"project.{narrative.number}.narrative")
        yield from _unrecorded(texts, metrics, [budget.group(0)] if budget else [])
        if table is None:
            continue
        metrics = narrative_metrics(doc, table.paragraphs, table.name.text, f"project.{table.number}.table")
        yield from _unrecorded(texts, metrics, [])
        cells = indicator_text_cells(doc, table)
        metrics = narrative_metrics(doc, cells, table.name.text, f"project.{table.number}.indicator_cell")
        yield from _unrecorded(texts, metrics, [])
    narrative_ids = {n.paragraph.paragraph_id for n in matched}
    for paragraph in section(doc, *SECTION, required=False):
        if paragraph.paragraph_id in narrative_ids or TABLE_TITLE.search(paragraph.section_title):
            continue
        topic = _heading_words(paragraph.section_title)
        yield from _unrecorded(texts, narrative_metrics(doc, [paragraph], topic, "performance"), [])


def indicator_text_cells(doc: SourceDocument, table) -> list[Paragraph]:
    """The target and actual cells of the table's indicator rows that hold no single value."""
    cells = {p.paragraph_id: p for p in table.indicator_cells}
    found = []
    for row in indicator_rows(doc, table.project_id, table.indicator_cells):
        if row.target_value is None:
            found.append(cells[row.target_paragraph_id])
        if row.actual_value is None:
            found.append(cells[row.actual_paragraph_id])
    return found


def annex_reports(doc: SourceDocument) -> Iterator[FiscalFigure | WorkMetric]:
    # Reports belong to the projects of 十(四), with or without a performance table.
    projects = {same_name(n.name): n for n in narratives(doc)}
    reports: dict[str, list[Paragraph]] = {}
    for paragraph in section(doc, *ANNEX, required=False):
        parts = paragraph.section_path.split(" / ")
        if len(parts) >= 3:
            reports.setdefault(parts[2], []).append(paragraph)
    for title, paragraphs in reports.items():
        match = REPORT_TITLE.match(title)
        project = _project_named(projects, match.group("name")) if match else None
        if project is None:
            raise doc.error(f"annex-2 report '{title}' names no project of 十(四) 项目绩效目标完成情况", paragraphs[0])
        figures = list(_fund_figures(doc, project, paragraphs))
        yield from figures
        texts = {p.paragraph_id: p.text for p in paragraphs}
        for paragraph in paragraphs:
            recorded = [f.literal for f in figures if f.paragraph_id == paragraph.paragraph_id]
            metrics = narrative_metrics(doc, [paragraph], project.name, f"annex2.project.{project.number}")
            yield from _unrecorded(texts, metrics, recorded)


def _project_named(projects: dict, name: str):
    """The project a report's title names; the title may put the city before it
    ("雅安市大气污染防治项目" for 十(四)'s "大气污染防治项目")."""
    wanted = same_name(name)
    if wanted in projects:
        return projects[wanted]
    return next((p for key, p in projects.items() if wanted.endswith(key)), None)


def _fund_figures(doc: SourceDocument, project, paragraphs: list[Paragraph]) -> Iterator[FiscalFigure]:
    seen: dict[str, int] = {}
    for paragraph in paragraphs:
        section_key = next((key for words, key in FUND_SECTIONS if words in paragraph.section_title), None)
        if section_key is None:
            continue
        found = []
        for what, pattern, flow, phase, label_zh, label_en in FUND_PATTERNS:
            for match in pattern.finditer(paragraph.text):
                key = f"annex2.project.{project.number}.{section_key}.{what}"
                seen[key] = seen.get(key, 0) + 1
                if seen[key] > 1:
                    key += f".{seen[key]}"
                year = match.groupdict().get("year")
                found.append(match.start("amount"))
                yield _fund_figure(
                    doc, key, paragraph, match.group("amount"), clause_around(paragraph.text, *match.span("amount"), breaks=_CLAUSE_BREAKS),
                    flow=flow, phase=phase, project_id=project.project_id,
                    label_zh=f"附件2 {project.name}:{year + '年' if year else ''}{label_zh}",
                    label_en=f"Annex 2, performance project {project.number}: {label_en}"
                    + (f" ({year})" if year else ""),
                )
        for amount in AMOUNT.finditer(paragraph.text):
            if amount.start() not in found:
                raise doc.error(
                    f"amount '{amount.group(0)}' in a fund section matches no annex-2 pattern; add one", paragraph,
                )


def _fund_figure(doc, key, paragraph, amount_literal, literal, **fields) -> FiscalFigure:
    amount = AMOUNT.fullmatch(amount_literal.strip())
    if amount.group("unit") != "万":
        return fiscal_figure(doc, key, paragraph, amount_literal, literal, fund="fiscal_appropriation",
                             category="performance_project", item=key, **fields)
    # "1000万": 万 without 元, see the module docstring.
    figure = fiscal_figure(doc, key, paragraph, amount.group("number"), literal, fund="fiscal_appropriation",
                           category="performance_project", item=key, unit_required=False, **fields)
    in_wanyuan = money(doc, paragraph, f"{amount.group('number')}万元")
    return dataclasses.replace(
        figure,
        amount_yuan=in_wanyuan.amount_yuan,
        amount_as_published=amount_literal.strip(),
        amount_note=(
            f"原文“{amount_literal.strip()}”写“万”未写“元”;所述为经费,按万元计"
            f" / '{amount_literal.strip()}' prints 万 without 元; the sentence is about funds, read as 万元"
        ),
    )


def _unrecorded(texts: dict[str, str], metrics: Iterable[WorkMetric], recorded: list[str]) -> Iterator[WorkMetric]:
    """Metrics not already recorded as figures (``recorded`` literals), and not document numbers."""
    for metric in metrics:
        if (metric.unit in _MONEY_UNITS or metric.unit == "%") and any(
            metric.literal in literal and metric.value_as_published in literal for literal in recorded
        ):
            continue
        if metric.unit == "号" and _DOCUMENT_NUMBER_BEFORE + metric.value_as_published in texts[metric.paragraph_id]:
            continue
        yield metric




def _heading_words(title: str) -> str:
    """'(四)预算绩效管理情况。' → '预算绩效管理情况'."""
    return re.sub(r"^(?:[((][一二三四五六七八九十\d]+[))]|\d+\s*[.、．])\s*", "", title).rstrip("。.")

"""第二部分 十、(四) 1.: the projects with performance targets, one PerformanceProject each.

A project is defined by its 项目绩效目标完成情况表 (name, targets, results; see
``performance_tables``) and described by a numbered narrative
"(1)<项目名称>绩效目标完成情况综述。项目全年预算数…,执行数为…,完成预算的…%。…".
Narratives are matched to tables by the project name their heading carries, not
by position. The narrative's budget and executed amounts become figures
``project.<n>.budget`` / ``project.<n>.executed``, with the completion rate on
the executed figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import FigureComparison, FiscalFigure, Paragraph, PerformanceProject
from ..numbers import MONEY_LITERAL, NUMBER
from ..source import SourceDocument
from ..translations import project_name_en
from . import sections as S
from .common import comparison, fiscal_figure, percent, section
from .performance_tables import ProjectTable, project_tables

SECTION = (S.ACCOUNTS, S.OTHER_MATTERS, S.PERFORMANCE, S.PROJECT_PERFORMANCE)
# "(1)雅安市政务信息资源共享平台项目绩效目标完成情况综述。"
NARRATIVE_HEADING = re.compile(r"^[((]\d+[))]\s*(?P<name>.+?)绩效目标完成情况综述")
# "项目全年预算数90.79万元,执行数为90.79万元,完成预算的100%。"
BUDGET_SENTENCE = re.compile(
    rf"(?P<budget_clause>项目全年预算数(?P<budget>{MONEY_LITERAL}))[,,]\s*"
    rf"(?P<executed_clause>执行数为?(?P<executed>{MONEY_LITERAL}))[,,]\s*"
    rf"完成预算的?(?P<rate>{NUMBER}\s*%)"
)


@dataclass(frozen=True)
class Narrative:
    """A project's numbered narrative paragraph, matched to its table when the
    department publishes one (many publish the narrative only)."""

    number: int
    name: str
    paragraph: Paragraph
    table: ProjectTable | None

    @property
    def project_id(self) -> str:
        return f"{self.paragraph.document_id}.project.{self.number}"


def extract(doc: SourceDocument) -> Iterator[PerformanceProject | FiscalFigure | FigureComparison]:
    for narrative in narratives(doc):
        table, paragraph, number, name = narrative.table, narrative.paragraph, narrative.number, narrative.name
        match = BUDGET_SENTENCE.search(paragraph.text)
        if match is None:
            raise doc.error(f"budget sentence (项目全年预算数…) not found (pattern {BUDGET_SENTENCE.pattern!r})", paragraph)
        literal = match.group(0)
        common = {"flow": "expenditure", "fund": "fiscal_appropriation", "category": "performance_project",
                  "project_id": narrative.project_id}
        budget = fiscal_figure(
            doc, f"project.{number}.budget", paragraph, match.group("budget"), match.group("budget_clause"),
            phase="budgeted", item=f"project.{number}.budget",
            label_zh=f"{name}:全年预算数", label_en=f"{project_name_en(name)}: annual budget",
            **common,
        )
        executed = fiscal_figure(
            doc, f"project.{number}.executed", paragraph, match.group("executed"), match.group("executed_clause"),
            phase="executed", item=f"project.{number}.executed",
            label_zh=f"{name}:执行数", label_en=f"{project_name_en(name)}: executed",
            **common,
        )
        rate = match.group("rate")
        yield PerformanceProject(
            project_id=narrative.project_id,
            document_id=doc.document_id,
            org_id=doc.document.org_id,
            name_zh=name,
            name_en=project_name_en(name),
            completion_rate=percent(doc, paragraph, rate),
            completion_rate_as_published=rate.strip(),
            annual_target=table.target.text if table else None,
            annual_result=table.result.text if table else None,
            paragraph_id=paragraph.paragraph_id,
        )
        yield budget
        yield executed
        yield comparison(
            doc, executed, "completion_rate", paragraph, rate, literal,
            base_figure_id=budget.figure_id, base_label="全年预算数",
        )


def narratives(doc: SourceDocument) -> list[Narrative]:
    """Each table's narrative, in table order, then the narratives without a table
    (numbered on from the tables); a table without a narrative is an error."""
    found = {}
    for paragraph in section(doc, *SECTION, required=False):
        heading = NARRATIVE_HEADING.match(paragraph.text)
        if heading:
            found[same_name(heading.group("name"))] = (heading.group("name"), paragraph)
    result = []
    tables = project_tables(doc)
    for table in tables:
        name, paragraph = found.pop(same_name(table.name.text), (None, None))
        if paragraph is None:
            raise doc.error(f"no narrative '(n){table.name.text}绩效目标完成情况综述' for this project table", table.name)
        result.append(Narrative(table.number, table.name.text, paragraph, table))
    for number, (name, paragraph) in enumerate(found.values(), start=len(tables) + 1):
        result.append(Narrative(number, name, paragraph, None))
    return result


def same_name(name: str) -> str:
    """A project name compared across sections: spacing and quote styles vary."""
    return re.sub(r"[\s“”\"'‘’]", "", name)

"""第二部分 十、(四) 1.: the 项目绩效目标完成情况表, one per project.

The page prints each table flattened, one cell per line:

    项目绩效目标完成情况表 / (2020年度) / 项目名称 / <name> / 预算单位 / <unit> /
    预算执行情况(万元) / 预算数: / 90.79万元 / 执行数: / 90.79万元 /
    其中-财政拨款: / 90.79万元 / 其中-财政拨款: / 90.79万元 / 其它资金: / 0 / 其它资金: / 0 /
    年度目标完成情况 / 预期目标 / 实际完成目标 / <target text> / <result text> /
    绩效指标完成情况 / 一级指标 / 二级指标 / 三级指标 / 预期指标值… / 实际完成指标值… /
    <indicator rows>

``project_tables`` reads the cells as a small state machine (a label cell, then
its value cell) into ``ProjectTable``s; the project's identity (project_id, in
table order) is defined here and used by the narrative and report extractors.
This module's ``extract`` yields the tables' money as FiscalFigures and their
indicator rows (see ``performance_indicators``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import FiscalFigure, Paragraph, PerformanceIndicator
from ..numbers import Money
from ..source import SourceDocument
from ..translations import project_name_en
from . import sections as S
from .common import fiscal_figure, money, section
from .performance_indicators import indicator_rows

SECTION = (S.ACCOUNTS, S.OTHER_MATTERS, S.PERFORMANCE)
# The table title closes each table: "项目绩效目标完成情况表".
TABLE_TITLE = re.compile(r"项目绩效目标完成情况表$")
YEAR_CELL = re.compile(r"^[((]\d{4}年度[))]$")  # "(2020年度)"
NAME_LABEL = "项目名称"
UNIT_LABEL = "预算单位"
# "预算执行情况(万元)": the unit of every money cell that prints none ("0").
MONEY_HEADER = re.compile(r"^预算执行情况\s*[((](?P<unit>万元|元)[))]$")
# "预算数:" / "执行数:" open a column; "其中-财政拨款:" / "其它资金:" are printed once
# per column, in column order.
MONEY_LABEL = re.compile(r"^(?P<label>[^::]{2,12})[::]$")
COLUMNS = {"预算数": "budget", "执行数": "executed"}
SUBROWS = {"其中-财政拨款": "fiscal_appropriation", "其它资金": "other_funds", "其他资金": "other_funds"}
TARGET_HEADER = "年度目标完成情况"
TARGET_LABELS = ("预期目标", "实际完成目标")
INDICATOR_HEADER = "绩效指标完成情况"

_PHASE = {"budget": "budgeted", "executed": "executed"}
_FUND = {None: "all_funds", "fiscal_appropriation": "fiscal_appropriation", "other_funds": "other_funds"}
_LABEL_EN = {"budget": "budget", "executed": "executed", "fiscal_appropriation": "of which fiscal appropriation",
             "other_funds": "other funds"}


@dataclass(frozen=True)
class MoneyCell:
    column: str  # budget | executed
    subrow: str | None  # None (the column total) | fiscal_appropriation | other_funds
    name: str  # the label without its colon: "预算数", "其中-财政拨款"
    label: Paragraph
    value: Paragraph


@dataclass
class ProjectTable:
    """One 项目绩效目标完成情况表, cell paragraphs kept for provenance."""

    number: int
    project_id: str
    title: Paragraph
    name: Paragraph | None = None
    budget_unit: Paragraph | None = None
    money_unit: str | None = None
    money: list[MoneyCell] = field(default_factory=list)
    target: Paragraph | None = None
    result: Paragraph | None = None
    indicator_cells: list[Paragraph] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The table's prose cells (targets and results), for narrative metrics."""
        return [p for p in (self.target, self.result) if p is not None]


def extract(doc: SourceDocument) -> Iterator[FiscalFigure | PerformanceIndicator]:
    for table in project_tables(doc):
        yield from table_figures(doc, table)
        yield from indicator_rows(doc, table.project_id, table.indicator_cells)


def project_tables(doc: SourceDocument) -> list[ProjectTable]:
    """The project tables in order (none when the department publishes none); a table
    missing a part is an error."""
    cells = [p for p in section(doc, *SECTION, required=False) if TABLE_TITLE.search(p.section_title)]
    groups: list[list[Paragraph]] = []
    for cell in cells:
        if cell.text == cell.section_title:  # the title line opens a new table
            groups.append([])
        groups[-1].append(cell)
    return [_read_table(doc, n, group) for n, group in enumerate(groups, start=1)]


def _read_table(doc: SourceDocument, number: int, cells: list[Paragraph]) -> ProjectTable:
    table = ProjectTable(number=number, project_id=f"{doc.document_id}.project.{number}", title=cells[0])
    columns: list[str] = []
    subrow_seen: dict[str, int] = {}
    i = 1
    while i < len(cells):
        cell, text = cells[i], cells[i].text
        following = cells[i + 1] if i + 1 < len(cells) else None
        if YEAR_CELL.match(text):
            i += 1
        elif text in (NAME_LABEL, UNIT_LABEL):
            _require(doc, following, cell)
            setattr(table, "name" if text == NAME_LABEL else "budget_unit", following)
            i += 2
        elif header := MONEY_HEADER.match(text):
            table.money_unit = header.group("unit")
            i += 1
        elif label := MONEY_LABEL.match(text):
            _require(doc, following, cell)
            name = label.group("label").strip()
            if name in COLUMNS:
                columns.append(COLUMNS[name])
                table.money.append(MoneyCell(COLUMNS[name], None, name, cell, following))
            elif name in SUBROWS:
                k = subrow_seen.get(name, 0)
                if k >= len(columns):
                    raise doc.error(f"'{text}' printed more often than there are columns", cell)
                subrow_seen[name] = k + 1
                table.money.append(MoneyCell(columns[k], SUBROWS[name], name, cell, following))
            else:
                raise doc.error(f"unknown money label '{text}' in a project table", cell)
            i += 2
        elif text == TARGET_HEADER:
            labels = tuple(p.text for p in cells[i + 1:i + 3])
            if labels != TARGET_LABELS or i + 4 >= len(cells):
                raise doc.error(f"'{TARGET_HEADER}' must be followed by {TARGET_LABELS} and two texts", cell)
            table.target, table.result = cells[i + 3], cells[i + 4]
            i += 5
        elif text == INDICATOR_HEADER:
            table.indicator_cells = cells[i + 1:]
            break
        else:
            raise doc.error(f"unexpected cell '{text}' in a project table", cell)
    for part in ("name", "target", "result"):
        if getattr(table, part) is None:
            raise doc.error(f"project table {number} has no {part} cell", cells[0])
    if not table.money or not table.indicator_cells:
        raise doc.error(f"project table {number} lacks its money or indicator part", cells[0])
    return table


def _require(doc: SourceDocument, following: Paragraph | None, cell: Paragraph) -> None:
    if following is None:
        raise doc.error(f"label cell '{cell.text}' has no value cell", cell)


def table_figures(doc: SourceDocument, table: ProjectTable) -> Iterator[FiscalFigure]:
    """预算数 / 执行数 and their 财政拨款 / 其它资金 rows, keyed project.<n>.table.<column>[.<subrow>]."""
    for cell in table.money:
        suffix = cell.column + (f".{cell.subrow}" if cell.subrow else "")
        # The literal is the value cell itself: the label is the cell before it.
        figure = fiscal_figure(
            doc, f"project.{table.number}.table.{suffix}", cell.value, cell.value.text, cell.value.text,
            flow="expenditure", phase=_PHASE[cell.column], fund=_FUND[cell.subrow],
            category="performance_project", item=f"project.{table.number}.table.{suffix}",
            label_zh=f"{table.name.text}:{cell.name}(绩效目标完成情况表)",
            label_en=f"{project_name_en(table.name.text)}: {_label_en(cell)} (performance table)",
            project_id=table.project_id, unit_required=False,
        )
        yield _unit_from_header(doc, table, cell, figure)


def _label_en(cell: MoneyCell) -> str:
    return _LABEL_EN[cell.column] + (f", {_LABEL_EN[cell.subrow]}" if cell.subrow else "")


def _unit_from_header(doc: SourceDocument, table: ProjectTable, cell: MoneyCell, figure: FiscalFigure) -> FiscalFigure:
    """A cell without a unit ("0") is in the unit of the header 预算执行情况(万元)."""
    if figure.unit_as_published or table.money_unit is None:
        return figure
    amount = money(doc, cell.value, cell.value.text, unit_required=False)
    in_header_unit = Money(literal=amount.literal, number=amount.number, unit=table.money_unit)
    return dataclasses.replace(
        figure,
        amount_yuan=in_header_unit.amount_yuan,
        amount_note=(
            f"单元格未标单位,按表头“预算执行情况({table.money_unit})”计"
            f" / no unit in the cell; read in {table.money_unit} as the table header states"
        ),
    )

"""附件1: the department's overall self-evaluation report (部门整体支出绩效评价报告).

Three parts carry data: the score table (…部门整体支出绩效评价自评表), the
fiscal revenue and expenditure of 二、部门(单位)财政资金收支情况, and the 项
lines of 三、(一), which restate the main text's 五、(三) (parsed by
``functional_lines`` under the prefix ``annex1.``). Every figure here is keyed
``annex1.…`` because it restates the main text and the checks compare the two.
一、(一)(二)(三) restate 第一部分 and are read by the organization and staffing
extractors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import FigureComparison, FiscalFigure, Paragraph, SelfEvaluationScore
from ..numbers import NUMBER
from ..source import SourceDocument
from . import sections as S
from .common import comparison, find, fiscal_figure, money, number, section
from .functional_lines import functional_lines

REPORT = (S.ANNEXES, S.OVERALL_EVALUATION_REPORT)
FISCAL_FUNDS = re.compile(r"财政资金收支情况")
PERFORMANCE_MANAGEMENT = re.compile(r"整体预算绩效管理情况")
BUDGET_MANAGEMENT = re.compile(r"预算管理")
KEY_PREFIX = "annex1."

MONEY = rf"{NUMBER}\s*(?:万元|元)"
PCT = rf"{NUMBER}\s*%"

# --- 二、部门(单位)财政资金收支情况
# "2020年度部门财政资金收入3112.33万元,其中:本年收入1941.49万元,占62.38%,
#  年初财政拨款结转和结余1170.84万元,占37.62%。"
# Departments order the two clauses either way and may add words between them
# ("本年财政拨款收入8426.53万元,占87.17%,全部为一般公共预算财政拨款收入;年初…"), so each
# clause is looked for on its own within the sentence (lookaheads keep the groups).
def _clause(group: str, words: str) -> str:
    return rf"(?=[^。]*?(?P<{group}_clause>{words}(?P<{group}>{MONEY})[,,]\s*占(?P<{group}_share>{PCT})))"


REVENUE = re.compile(
    rf"(?P<base>部门财政资金收入)(?P<total>{MONEY})[,,]\s*其中[::]\s*"
    + _clause("income", "本年(?:财政拨款)?收入") + _clause("opening", "年初财政拨款结转和结余")
)
# "2020年度部门财政资金支出3112.33万元,其中:年末财政拨款结转和结余834.16万元,占26.80%,
#  本年支出2278.17万元,占73.20%。"
EXPENDITURE = re.compile(
    rf"(?P<base>部门财政资金支出)(?P<total>{MONEY})[,,]\s*其中[::]\s*"
    + _clause("closing", "年末财政拨款结转和结余") + _clause("expenditure", "本年(?:财政拨款)?支出")
)
# "本年支出包括:基本支出528.23万元,项目支出1749.94元。"
BREAKDOWN = re.compile(
    rf"本年支出包括[::]\s*(?P<basic_clause>基本支出(?P<basic>{MONEY}))[,,、]\s*"
    rf"(?P<project_clause>项目支出(?P<project>{MONEY}))"
)

# --- the score table: header cells, then rows of level cells and (name, max, score)
# "绩效指标 / 指标分值 / 得分 / 一级指标 / 二级指标 / 三级指标"
SCORE_TABLE_TITLE = re.compile(r"部门整体支出绩效评价自评表$")
SCORE_HEADER = ("绩效指标", "指标分值", "得分", "一级指标", "二级指标", "三级指标")
# "部门预算管理(80分)", "预算编制(30分)"
LEVEL_CELL = re.compile(r"^(?P<name>.+?)\s*[((](?P<points>\d+)\s*分[))]$")
TOTAL_CELL = "总分"


def extract(doc: SourceDocument) -> Iterator[FiscalFigure | FigureComparison | SelfEvaluationScore]:
    if not section(doc, *REPORT, required=False):
        return  # a department that publishes no self-evaluation report
    yield from scores(doc)
    yield from fiscal_funds(doc)
    yield from functional_lines(doc, section(doc, *REPORT, PERFORMANCE_MANAGEMENT, BUDGET_MANAGEMENT), KEY_PREFIX)


def scores(doc: SourceDocument) -> Iterator[SelfEvaluationScore]:
    """One record per indicator row of the score table, then the 总分 row."""
    cells = [p for p in section(doc, *REPORT) if SCORE_TABLE_TITLE.search(p.section_title)]
    if not cells:
        raise doc.error("self-evaluation score table (…部门整体支出绩效评价自评表) is missing")
    body = _after_header(doc, cells[1:])
    level1 = level2 = None
    row, i = 0, 0
    while i < len(body):
        cell = body[i]
        level = LEVEL_CELL.match(cell.text)
        if level:
            # A level-1 cell is always followed by the level-2 cell it opens.
            following = LEVEL_CELL.match(body[i + 1].text) if i + 1 < len(body) else None
            if following:
                level1, level2, i = level, following, i + 2
            else:
                level2, i = level, i + 1
            continue
        row += 1
        is_total = cell.text == TOTAL_CELL
        if not is_total and (level1 is None or level2 is None):
            raise doc.error(f"score row '{cell.text}' has no level-1/level-2 indicator", cell)
        if i + 2 >= len(body):
            raise doc.error(f"score row '{cell.text}' lacks its maximum and score cells", cell)
        yield SelfEvaluationScore(
            score_id=f"{doc.document_id}.self_evaluation.{row}",
            document_id=doc.document_id,
            row=row,
            level1=None if is_total else level1.group("name"),
            level1_points=None if is_total else int(level1.group("points")),
            level2=None if is_total else level2.group("name"),
            level2_points=None if is_total else int(level2.group("points")),
            level3=cell.text,
            max_score=_whole(doc, body[i + 1]),
            score=_whole(doc, body[i + 2]),
            paragraph_id=cell.paragraph_id,
        )
        i += 3


def _after_header(doc: SourceDocument, cells: list[Paragraph]) -> list[Paragraph]:
    header = tuple(p.text for p in cells[: len(SCORE_HEADER)])
    if header != SCORE_HEADER:
        raise doc.error(f"score table header is {header}, expected {SCORE_HEADER}", cells[0])
    return cells[len(SCORE_HEADER):]


def _whole(doc: SourceDocument, cell: Paragraph) -> int:
    value = number(doc, cell, cell.text)
    if value != value.to_integral_value():
        raise doc.error(f"score '{cell.text}' is not a whole number", cell)
    return int(value)


def fiscal_funds(doc: SourceDocument) -> Iterator[FiscalFigure | FigureComparison]:
    """二、(一) revenue and (二) expenditure of the department's fiscal funds."""
    paragraphs = section(doc, *REPORT, FISCAL_FUNDS)
    paragraph, match = find(doc, paragraphs, REVENUE, "fiscal fund revenue (部门财政资金收入…)")
    total = _figure(doc, "fiscal_funds.revenue", paragraph, match, "total", _sentence(match, "income", "opening"),
                    flow="revenue", category="grand_total",
                    label_zh="部门财政资金收入", label_en="Fiscal funds of the department: revenue")
    yield total
    for name, key, category, label_zh, label_en in (
        ("income", "income", "income_total", "本年收入", "Income of the year"),
        ("opening", "carry_over.opening", "carry_over", "年初财政拨款结转和结余",
         "Fiscal carry-over and balances at the start of the year"),
    ):
        figure = _figure(doc, key, paragraph, match, name, match.group(f"{name}_clause"),
                         flow="revenue", category=category, label_zh=label_zh, label_en=label_en)
        yield figure
        yield _share(doc, figure, paragraph, match, name, total)

    paragraph, match = find(doc, paragraphs, EXPENDITURE, "fiscal fund expenditure (部门财政资金支出…)")
    total = _figure(doc, "fiscal_funds.expenditure", paragraph, match, "total", _sentence(match, "closing", "expenditure"),
                    flow="expenditure", category="grand_total",
                    label_zh="部门财政资金支出", label_en="Fiscal funds of the department: expenditure")
    yield total
    for name, key, category, label_zh, label_en in (
        ("closing", "carry_over.closing", "carry_over", "年末财政拨款结转和结余",
         "Fiscal carry-over and balances at the end of the year"),
        ("expenditure", "expenditure", "expenditure_total", "本年支出", "Expenditure of the year"),
    ):
        figure = _figure(doc, key, paragraph, match, name, match.group(f"{name}_clause"),
                         flow="expenditure", category=category, label_zh=label_zh, label_en=label_en)
        yield figure
        yield _share(doc, figure, paragraph, match, name, total)
    expenditure = match.group("expenditure")

    paragraph, match = find(doc, paragraphs, BREAKDOWN, "expenditure breakdown (本年支出包括:…)")
    siblings = [m.group(0) for m in re.finditer(MONEY, paragraph.text)]
    for name, label_zh, label_en in (
        ("basic", "基本支出", "Basic expenditure"),
        ("project", "项目支出", "Project expenditure"),
    ):
        literal = match.group(name)
        others = [s for s in siblings if s != literal]
        note, corrected = _unit_slip(doc, paragraph, literal, others, match.group("basic"), expenditure)
        yield _figure(doc, f"expenditure.{name}", paragraph, match, name, match.group(f"{name}_clause"),
                      flow="expenditure", category="expenditure_by_type",
                      label_zh=label_zh, label_en=label_en,
                      amount_note=note, amount_corrected_yuan=corrected)


def _sentence(match: re.Match, *clauses: str) -> str:
    """The statement of a total with its clauses: from the total to the last clause."""
    return match.string[match.start():max(match.end(f"{c}_clause") for c in clauses)]


def _figure(doc, key, paragraph, match, group, literal, *, flow, category, label_zh, label_en, **extra):
    return fiscal_figure(
        doc, f"{KEY_PREFIX}{key}", paragraph, match.group(group), literal,
        flow=flow, fund="fiscal_appropriation", category=category, item=key,
        label_zh=f"附件1:{label_zh}", label_en=f"Annex 1: {label_en}", **extra,
    )


def _share(doc, figure, paragraph, match, name, total) -> FigureComparison:
    return comparison(
        doc, figure, "share", paragraph, match.group(f"{name}_share"), match.group(f"{name}_clause"),
        base_figure_id=total.figure_id, base_label=match.group("base"),
    )


def _unit_slip(
    doc: SourceDocument, paragraph: Paragraph, literal: str, siblings: list[str], basic: str, total: str,
) -> tuple[str | None, int | None]:
    """A 元 amount with decimals among 万元 siblings is a 万元 amount printed with the wrong unit.

    The published value is kept; the correction and its reasoning go beside it.
    """
    amount = money(doc, paragraph, literal)
    if amount.unit != "元" or amount.amount_yuan is not None:
        return None, None
    sibling_amounts = [money(doc, paragraph, s) for s in siblings]
    if not sibling_amounts or any(s.unit != "万元" for s in sibling_amounts):
        return None, None
    corrected = amount.number * 10000
    note = (
        f"原文“{literal}”以元为单位却有小数,同段其他金额均以万元计,按万元更正"
        f" / '{literal}' is printed in yuan with decimals while every other amount of the "
        "paragraph is in 万元; corrected as 万元"
    )
    basic_amount, total_amount = money(doc, paragraph, basic), money(doc, paragraph, total)
    if basic_amount.unit == total_amount.unit == "万元" and basic_amount.number + amount.number == total_amount.number:
        note += (
            f";基本支出{basic} + {amount.number}万元 = 本年支出{total}"
            f" / basic {basic} + {amount.number}万元 = expenditure of the year {total}"
        )
    return note, int(corrected)

"""The chart pages of the site: what each chart shows, as SQL over the database.

Each section's query returns ``label``, ``amount_yuan`` and ``paragraph_id``
(the sentence the figure was read from). The template restates some figures
(the 附件 repeat the 项 lines), so a figure counts once: its first statement.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartSection:
    title_zh: str
    title_en: str
    sql: str
    unit: str = "万元"  # the unit the document prints these amounts in


@dataclass(frozen=True)
class ChartPage:
    slug: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    sections: tuple[ChartSection, ...]


def _first_statement(*same: str) -> str:
    """Keep a figure only where it is first stated (lowest rowid among its restatements)."""
    matches = " AND ".join(f"g.{column} = f.{column}" for column in same)
    return f"f.rowid = (SELECT min(g.rowid) FROM fiscal_figures g WHERE {matches})"


def _functional(level: str) -> str:
    return f"""
SELECT c.name_zh AS label, f.amount_yuan, f.paragraph_id
FROM fiscal_figures f JOIN classifications c ON c.classification_id = f.classification_id
WHERE f.category = 'expenditure_by_function' AND f.phase = 'executed'
  AND f.fund = 'general_public_budget' AND c.level = '{level}' AND f.amount_yuan IS NOT NULL
  AND {_first_statement("category", "phase", "fund", "classification_id")}
ORDER BY c.code"""


def _by_item(category: str, fund: str) -> str:
    return f"""
SELECT f.label_zh AS label, f.amount_yuan, f.paragraph_id
FROM fiscal_figures f
WHERE f.category = '{category}' AND f.fund = '{fund}' AND f.phase = 'executed'
  AND f.amount_yuan > 0 AND {_first_statement("category", "phase", "fund", "item")}
ORDER BY f.rowid"""


# The parts of the 三公 total are the figures the document gives a share (占 …%) of.
_THREE_PUBLIC_PARTS = f"""
SELECT f.label_zh AS label, f.amount_yuan, f.paragraph_id
FROM fiscal_figures f
WHERE f.category = 'three_public' AND f.phase = 'executed' AND f.amount_yuan IS NOT NULL
  AND EXISTS (SELECT 1 FROM figure_comparisons k WHERE k.figure_id = f.figure_id AND k.kind = 'share')
  AND {_first_statement("category", "phase", "item")}
ORDER BY f.rowid"""

_RECEPTIONS = """
SELECT visitor AS label, amount_yuan, paragraph_id FROM reception_events ORDER BY document_id, "row"
"""

# Where the money came from: the income of the year by source (facts: each stated once).
_INCOME_BY_SOURCE = """
SELECT f.label_zh AS label, f.amount_yuan, f.paragraph_id
FROM facts f
WHERE f.category = 'income_by_source' AND f.phase = 'executed' AND f.amount_yuan > 0
ORDER BY f.rowid"""

_CARRY_OVER = """
SELECT f.label_zh AS label, f.amount_yuan, f.paragraph_id
FROM facts f
WHERE f.category = 'carry_over' AND f.flow = 'revenue' AND f.amount_yuan > 0
ORDER BY f.rowid"""

CHART_PAGES: tuple[ChartPage, ...] = (
    ChartPage(
        "income",
        "收入来源",
        "Where the money came from",
        "本年收入按来源:财政拨款、上级补助、事业收入、其他收入等;以及年初结转和结余。点击名称可查看原文。",
        "The year's income by source (appropriations, subsidies, service income, other income) and the "
        "balances carried over from last year; click a name to read the source sentence.",
        (
            ChartSection("本年收入:按来源", "Income of the year by source", _INCOME_BY_SOURCE),
            ChartSection("年初结转和结余", "Carried over from last year", _CARRY_OVER),
        ),
    ),
    ChartPage(
        "expenditure",
        "支出结构",
        "Expenditure structure",
        "本年支出按性质、按功能分类(类、项)和基本支出构成;点击名称可查看原文。",
        "The year's expenditure by type, by functional classification (class and item) and the "
        "make-up of basic expenditure; click a name to read the source sentence.",
        (
            ChartSection("按支出性质", "By type of expenditure", _by_item("expenditure_by_type", "all_funds")),
            ChartSection(
                "一般公共预算财政拨款支出:按功能分类(类)",
                "General public budget: by functional class (类)",
                _functional("类"),
            ),
            ChartSection(
                "一般公共预算财政拨款支出:按功能分类(项)",
                "General public budget: by functional item (项)",
                _functional("项"),
            ),
            ChartSection(
                "基本支出:人员经费与日常公用经费",
                "Basic expenditure: personnel and routine operating costs",
                _by_item("basic_expenditure_by_economic", "general_public_budget"),
            ),
        ),
    ),
    ChartPage(
        "three-public",
        "“三公”经费",
        "'Three public' expenses",
        "因公出国(境)费、公务用车购置及运行维护费和公务接待费,以及每一笔国内公务接待。",
        "Travel abroad, official vehicles and official receptions, and every domestic reception.",
        (
            ChartSection("“三公”经费构成", "Breakdown of the 'three public' expenses", _THREE_PUBLIC_PARTS),
            ChartSection("国内公务接待明细", "Domestic official receptions", _RECEPTIONS, unit="元"),
        ),
    ),
)

CHART_PAGES_BY_SLUG = {page.slug: page for page in CHART_PAGES}

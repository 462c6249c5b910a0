"""The citizens' views of the database: figures in 万元 with Chinese labels.

The tables keep codes (``expenditure``, ``general_public_budget``) and exact
integer yuan; these views put the Chinese labels of ``codelists.py`` and
万元 with two decimals (the unit the document prints) beside them. Columns
named ``figure_id`` and ``paragraph_id`` keep their names so the site can link
them to the figure and to the sentence it came from.
"""

from __future__ import annotations

from .codelists import CATEGORY_LABELS, COMPARISON_LABELS, FLOW_LABELS, FUND_LABELS, PHASE_LABELS


def label_sql(column: str, labels: dict[str, tuple[str, str]]) -> str:
    """A CASE expression giving the Chinese label of a code (the code itself if unknown)."""
    whens = " ".join(f"WHEN '{code}' THEN '{zh}'" for code, (zh, _en) in labels.items())
    return f"CASE {column} {whens} ELSE {column} END"


def wan_yuan_sql(column: str) -> str:
    """Integer yuan as 万元 with two decimals, the unit the document prints."""
    return f"round({column} / 10000.0, 2)"


FIGURES_WAN_YUAN = f"""
SELECT
  f.figure_id,
  f.fiscal_year AS "年度",
  o.name_zh AS "单位",
  {label_sql("f.flow", FLOW_LABELS)} AS "收支",
  {label_sql("f.phase", PHASE_LABELS)} AS "阶段",
  {label_sql("f.fund", FUND_LABELS)} AS "资金来源",
  {label_sql("f.category", CATEGORY_LABELS)} AS "类别",
  f.label_zh AS "名称",
  c.code AS "科目编码",
  {wan_yuan_sql("f.amount_yuan")} AS "金额(万元)",
  f.amount_yuan AS "金额(元)",
  f.amount_as_published AS "原文金额",
  f.amount_note AS "金额说明",
  {wan_yuan_sql("f.amount_corrected_yuan")} AS "更正金额(万元)",
  f.paragraph_id
FROM fiscal_figures f
LEFT JOIN organizations o ON o.org_id = f.org_id
LEFT JOIN classifications c ON c.classification_id = f.classification_id
"""

# The views that a citizen sums read the facts (facts.py): a figure the text restates
# in 附件1 or a later chapter is one row, whose figure_id is its first statement.

# A functional code sits at one of three levels; name its 类, 款 and 项 from its ancestors.
EXPENDITURE_BY_FUNCTION = f"""
SELECT
  f.figure_id,
  f.fiscal_year AS "年度",
  o.name_zh AS "单位",
  {label_sql("f.phase", PHASE_LABELS)} AS "阶段",
  {label_sql("f.fund", FUND_LABELS)} AS "资金来源",
  c.code AS "科目编码",
  c.level AS "级次",
  CASE c.level WHEN '类' THEN c.name_zh WHEN '款' THEN p.name_zh ELSE g.name_zh END AS "类",
  CASE c.level WHEN '款' THEN c.name_zh WHEN '项' THEN p.name_zh END AS "款",
  CASE c.level WHEN '项' THEN c.name_zh END AS "项",
  c.name_en AS "英文名称",
  {wan_yuan_sql("f.amount_yuan")} AS "金额(万元)",
  f.amount_yuan AS "金额(元)",
  s.amount_as_published AS "原文金额",
  f.statements AS "表述次数",
  f.paragraph_id
FROM facts f
JOIN fiscal_figures s ON s.figure_id = f.figure_id
JOIN classifications c ON c.classification_id = f.classification_id
LEFT JOIN organizations o ON o.org_id = f.org_id
LEFT JOIN classifications p ON p.classification_id = c.parent_id
LEFT JOIN classifications g ON g.classification_id = p.parent_id
WHERE f.category = 'expenditure_by_function' AND c.scheme = 'functional'
"""


def _comparison_sql(kind: str) -> str:
    return (
        "(SELECT value FROM figure_comparisons "
        f"WHERE figure_id = f.figure_id AND kind = '{kind}')"
    )


THREE_PUBLIC_BREAKDOWN = f"""
SELECT
  f.figure_id,
  f.fiscal_year AS "年度",
  o.name_zh AS "单位",
  {label_sql("f.phase", PHASE_LABELS)} AS "阶段",
  f.label_zh AS "名称",
  f.label_en AS "英文名称",
  {wan_yuan_sql("f.amount_yuan")} AS "金额(万元)",
  f.amount_yuan AS "金额(元)",
  {_comparison_sql("share")} AS "{COMPARISON_LABELS["share"][0]}(%)",
  {_comparison_sql("completion_rate")} AS "{COMPARISON_LABELS["completion_rate"][0]}(%)",
  {_comparison_sql("growth_rate")} AS "{COMPARISON_LABELS["growth_rate"][0]}(%)",
  s.amount_as_published AS "原文金额",
  f.statements AS "表述次数",
  f.paragraph_id
FROM facts f
JOIN fiscal_figures s ON s.figure_id = f.figure_id
LEFT JOIN organizations o ON o.org_id = f.org_id
WHERE f.category = 'three_public'
"""

VIEWS: dict[str, str] = {
    "figures_wan_yuan": FIGURES_WAN_YUAN,
    "expenditure_by_function": EXPENDITURE_BY_FUNCTION,
    "three_public_breakdown": THREE_PUBLIC_BREAKDOWN,
}

# Titles and descriptions of the views, for the site metadata (zh, en).
VIEW_DOCS: dict[str, tuple[str, str, str, str]] = {
    "figures_wan_yuan": (
        "财务数值(万元)",
        "Fiscal figures (10,000 yuan)",
        "原文每处金额(同一数值在附件或后文重述时各占一行,求和请用 facts 表),以万元计并附中文标签;点击段落标识可查看原文句子",
        "Every money figure as stated, in 万元 (10,000 yuan) with Chinese labels (a figure restated in an annex "
        "or a later chapter is a row each time: sum the facts table); follow the paragraph ID to the source sentence",
    ),
    "expenditure_by_function": (
        "支出功能分类(类/款/项)",
        "Expenditure by functional classification",
        "按支出功能分类科目的类、款、项列出的支出,每项一行(附件重述不重复计),可直接求和",
        "Expenditure by functional classification code: class (类), section (款) and item (项), one row per "
        "fact (an annex's restatement is not counted again), so the rows sum",
    ),
    "three_public_breakdown": (
        "“三公”经费构成",
        "'Three public' expenses",
        "因公出国(境)费、公务用车购置及运行维护费、公务接待费,含占比与预算完成率;每项一行",
        "Travel abroad, official vehicles and official receptions, with shares and budget completion rates; "
        "one row per fact",
    ),
}

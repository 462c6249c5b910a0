"""The tidy records of a disclosure: the only shared vocabulary of the code.

Each record type is one table of the public data model. Its fields carry their
bilingual titles, descriptions, units and constraints as dataclass metadata, so
the data package, the Datasette metadata, the RDF labels and the docs are all
generated from this one declaration (see ``tables.py``).

Money is an exact ``int`` of yuan; percentages and other published decimals are
``Decimal`` so that their published precision survives ("19.85", "100").
"""

from __future__ import annotations

import datetime
from dataclasses import MISSING, dataclass, field
from decimal import Decimal
from pathlib import Path


def col(
    title_zh: str,
    title_en: str,
    description_zh: str = "",
    description_en: str = "",
    *,
    unit: str | None = None,
    enum: tuple[str, ...] | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    pattern: str | None = None,
    default=MISSING,
):
    """A field with its bilingual documentation, declared once."""
    metadata = {
        "title_zh": title_zh,
        "title_en": title_en,
        "description_zh": description_zh or title_zh,
        "description_en": description_en or title_en,
        "unit": unit,
        "enum": enum,
        "minimum": minimum,
        "maximum": maximum,
        "pattern": pattern,
    }
    return field(default=default, metadata=metadata)


# --- enumerations used by several tables (codes are API; labels live in codelists.py)

FLOWS = ("revenue", "expenditure")
PHASES = ("executed", "budgeted")
FUNDS = (
    "all_funds",
    "fiscal_appropriation",
    "general_public_budget",
    "government_fund",
    "state_capital",
    "superior_subsidy",
    "public_institution_income",
    "operating_income",
    "affiliated_remittance",
    "other_income",
    "other_funds",
)
FIGURE_CATEGORIES = (
    "grand_total",
    "income_total",
    "income_by_source",
    "expenditure_total",
    "expenditure_by_type",
    "expenditure_by_function",
    "basic_expenditure_by_economic",
    "three_public",
    "operating_costs",
    "procurement",
    "carry_over",
    "performance_project",
    "explanatory",
)
COMPARISON_KINDS = ("share", "yoy_change", "growth_rate", "completion_rate")
# The nine statistical tables of the national template (lexicon/tables.yml).
TABLE_KINDS = (
    "summary", "income", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic",
    "three_public", "government_fund", "state_capital",
)
PERCENT = "%"
YUAN = "CNY"

# Every record is tied to the document and the paragraph it was read from.
_DOCUMENT = col("文档标识", "Document ID", "来源文档的标识", "Identifier of the source document")
# The dimensions of every table, so that a package of many documents filters by
# department and year anywhere. Extractors leave them to ``dimensions.stamp``,
# which fills them from the document; an unstamped record fails validation.
_STAMPED_DOCUMENT = col("文档标识", "Document ID", "来源文档的标识", "Identifier of the source document", default="")
_STAMPED_ORG = col(
    "部门标识", "Department ID", "决算所属部门", "Department whose accounts the record is part of", default=""
)
_STAMPED_YEAR = col("决算年度", "Fiscal year", minimum=1990, maximum=2100, default=0)
_PARAGRAPH = col(
    "段落标识",
    "Paragraph ID",
    "数值所在原文段落的标识,可据此回到原文句子",
    "Identifier of the source paragraph the value was read from, for auditing",
)


@dataclass(frozen=True, kw_only=True)
class Document:
    """One source disclosure, as vendored under sources/."""

    document_id: str = col("文档标识", "Document ID", pattern=r"^[a-z0-9-]+$")
    title: str = col("标题", "Title", "文档标题(原文)", "Title of the document as published")
    title_en: str = col("英文标题", "Title (English)", "文档标题的英文译名", "English rendering of the title")
    publisher: str = col("发布单位", "Publisher", "发布该文档的单位", "Body that published the document")
    published: datetime.date | None = col("发布日期", "Publication date", "原文载明的发布日期;PDF 等未载明时为空", "Publication date the source prints; empty where it prints none (PDFs)")
    fiscal_year: int = col("决算年度", "Fiscal year", minimum=1990, maximum=2100)
    org_id: str = col("部门标识", "Department ID", "决算所属部门", "Department whose accounts these are")
    file: str = col("源文件", "Source file", "sources/ 下的文件名", "File name under sources/")
    sha256: str = col(
        "SHA-256",
        "SHA-256",
        "源文件的 SHA-256 摘要,构建时校验",
        "SHA-256 digest of the source file, verified on every build",
        pattern=r"^[0-9a-f]{64}$",
    )
    paragraph_count: int = col("段落数", "Paragraphs", minimum=1)
    source_url: str | None = col(
        "原文网址", "Source URL", "原文发布页面的网址(已知时)", "Address of the page that published it, where known",
        pattern=r"^https?://\S+$", default=None,
    )


@dataclass(frozen=True, kw_only=True)
class Paragraph:
    """One non-empty line of a source: a paragraph, a heading or a table cell."""

    paragraph_id: str = col("段落标识", "Paragraph ID", pattern=r"^[a-z0-9-]+-p\d{4}$")
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    number: int = col("段落序号", "Number", "在文档中的顺序号(从1起)", "Position in the document, from 1", minimum=1)
    section_path: str = col(
        "章节路径",
        "Section path",
        "段落所在章节的编号路径,如“第二部分 / 五、 / (三) / 2.”",
        "Numbering path of the enclosing sections, e.g. '第二部分 / 五、 / (三) / 2.'",
    )
    section_title: str = col("章节标题", "Section title", "最近的章节标题", "Title of the nearest enclosing heading")
    text: str = col("原文", "Text", "段落原文,逐字保留", "Paragraph text exactly as published")
    page: int | None = col("页码", "Page", "PDF 原文所在页;网页与文本为空", "Page of the PDF it is printed on; empty for web pages and text", minimum=1, default=None)


@dataclass(frozen=True, kw_only=True)
class Organization:
    """The department and each unit included in its accounts."""

    org_id: str = col("单位标识", "Organization ID", pattern=r"^[a-z0-9-]+$")
    name_zh: str = col("单位名称", "Name (Chinese)")
    name_en: str = col("英文名称", "Name (English)")
    parent_org_id: str | None = col("上级单位", "Parent organization", "上级单位标识", "ID of the parent organization")
    org_type: str = col(
        "单位类型",
        "Type",
        "行政单位、参公事业单位或其他事业单位",
        "Administrative body, civil-service-managed institution or other public institution",
        enum=("department", "administrative", "civil_service_managed_institution", "public_institution"),
    )
    rank: str | None = col("机构规格", "Rank", "如“副县级”“正科级”", "Administrative rank as published, e.g. 副县级 (deputy county level)")
    in_accounts_scope: bool = col(
        "纳入决算范围",
        "In accounts scope",
        "是否纳入本部门决算编制范围",
        "Whether the unit is included in the department's final accounts",
    )
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class MainFunction:
    """One of the department's main functions (主要职能)."""

    function_id: str = col("职能标识", "Function ID")
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    number: int = col("序号", "Number", minimum=1)
    text: str = col("职能表述", "Function", "原文职能表述", "The function as published")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class Staffing:
    """Authorized posts (编制) and actual headcount at year end, per unit and category."""

    staffing_id: str = col("编制记录标识", "Staffing ID")
    document_id: str = _DOCUMENT
    fiscal_year: int = _STAMPED_YEAR
    org_id: str = col("单位标识", "Organization ID")
    post_category: str = col(
        "编制类别",
        "Post category",
        "行政编制、事业编制、机关工勤人员编制或领导职数",
        "Administrative posts, public-institution posts, logistics staff posts or leadership positions",
    )
    post_title: str | None = col("职务", "Position", "领导职数对应的职务", "Position, for leadership posts")
    authorized: int | None = col("编制数", "Authorized posts", unit="人", minimum=0)
    actual: int | None = col("年末实有人数", "Actual headcount at year end", unit="人", minimum=0)
    literal: str = col("原文片段", "Literal", "数值所在的原文片段", "The clause of the source the numbers were read from")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class Classification:
    """A code of a classification scheme (支出功能分类科目 or 支出经济分类科目)."""

    classification_id: str = col("分类标识", "Classification ID", "方案:编码,如 functional:2010302", "scheme:code, e.g. functional:2010302")
    scheme: str = col("分类方案", "Scheme", enum=("functional", "economic"))
    code: str = col("科目编码", "Code", pattern=r"^\d{3,7}$")
    parent_id: str | None = col("上级科目", "Parent", "上级科目的分类标识", "classification_id of the parent code")
    level: str = col("科目级次", "Level", "类、款或项", "类 (class), 款 (section) or 项 (item)", enum=("类", "款", "项"))
    name_zh: str = col("科目名称", "Name (Chinese)")
    name_en: str = col("英文名称", "Name (English)")


@dataclass(frozen=True, kw_only=True)
class FiscalFigure:
    """One published money figure."""

    figure_id: str = col(
        "数值标识",
        "Figure ID",
        "文档标识加语义键,如 yaan-zwfwdsj-2020.expenditure.total",
        "Document ID plus a semantic key, e.g. yaan-zwfwdsj-2020.expenditure.total",
    )
    document_id: str = _DOCUMENT
    org_id: str = col("单位标识", "Organization ID", "数值所属单位", "Organization the figure belongs to")
    fiscal_year: int = col("年度", "Fiscal year", minimum=1990, maximum=2100)
    flow: str = col("收支方向", "Flow", "收入或支出", "Revenue or expenditure", enum=FLOWS)
    phase: str = col("预决算阶段", "Phase", "决算(执行数)或预算", "Executed (final accounts) or budgeted", enum=PHASES)
    fund: str = col("资金来源", "Fund", "资金来源或预算类型", "Source of funds / budget type", enum=FUNDS)
    category: str = col("数值类别", "Category", enum=FIGURE_CATEGORIES)
    item: str = col("项目", "Item", "类别下的条目键", "Key of the item within the category")
    label_zh: str = col("名称", "Label (Chinese)", "数值的中文名称", "Chinese label of the figure")
    label_en: str = col("英文名称", "Label (English)")
    classification_id: str | None = col("分类标识", "Classification ID", "支出功能或经济分类科目", "Functional or economic classification code")
    project_id: str | None = col("项目标识", "Project ID", "所属绩效项目", "Performance project the figure belongs to")
    fact_id: str | None = col("事实标识", "Fact ID", "该数值所陈述的事实(facts 表);多处陈述同一事实时相同",
                              "The fact the figure states (facts table); the same for every statement of one fact",
                              default=None)  # set by facts.py once every figure of the document is read
    amount_yuan: int | None = col(
        "金额(元)",
        "Amount (yuan)",
        "按原文单位换算的整数元(万元×10000);原文不是整元时为空,见 amount_note",
        "Integer yuan converted from the published unit (万元 × 10 000); empty where the literal is not a whole number of yuan, see amount_note",
        unit="CNY",
    )
    amount_as_published: str = col("原文金额", "Amount as published", "原文数字与单位,如“3351.34万元”", "Number and unit exactly as printed, e.g. '3351.34万元'")
    unit_as_published: str | None = col("原文单位", "Unit as published", "亿元、万元、千元或元;原文未写单位时为空", "亿元, 万元, 千元 or 元; empty when the source prints no unit", enum=("亿元", "万元", "千元", "元"))
    amount_note: str | None = col("金额说明", "Amount note", "原文单位缺失或可疑时的说明", "Why the amount is empty or suspect (missing or implausible unit)")
    amount_corrected_yuan: int | None = col(
        "更正金额(元)",
        "Corrected amount (yuan)",
        "仅当原文单位明显有误时给出的更正值,理由见 amount_note;原文值保持不变",
        "Only where the printed unit is evidently wrong: the corrected value, reasoned in amount_note; the published value is kept as is",
        unit="CNY",
    )
    literal: str = col("原文片段", "Literal", "数值所在的原文片段", "The clause of the source the figure was read from")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class FigureComparison:
    """A share, change on the prior year, growth rate or completion rate published for a figure."""

    comparison_id: str = col("比较标识", "Comparison ID", "数值标识加比较类型", "figure_id plus the kind")
    document_id: str = _STAMPED_DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    figure_id: str = col("数值标识", "Figure ID", "被比较的数值", "The figure this comparison describes")
    kind: str = col("比较类型", "Kind", "占比、同比增减额、增长率或预算完成率", "Share, change on prior year, growth rate or budget completion rate", enum=COMPARISON_KINDS)
    value: Decimal = col("数值", "Value", "百分比按原文精度;增减额为元(减少为负)", "Percent at published precision; changes in yuan (decreases negative)")
    unit: str = col("单位", "Unit", "% 或 CNY", "% or CNY", enum=(PERCENT, YUAN))
    value_as_published: str = col("原文数值", "Value as published")
    base_figure_id: str | None = col("基数", "Base figure", "占比的分母或完成率的预算数(原文给出时)", "Denominator of a share, or the budget of a completion rate, where stated")
    base_label: str | None = col("基数说明", "Base label", "原文对基数的表述,如“本年支出合计”“预算”", "How the source names the base, e.g. 本年支出合计, 预算")
    reason: str | None = col("原因说明", "Stated reason", "原文给出的变动或差异原因", "Reason the source gives for the change or difference")
    literal: str = col("原文片段", "Literal")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class ExpenditureItem:
    """An item a money figure "mainly includes" (主要包括), linked to its economic code."""

    item_id: str = col("科目条目标识", "Item ID", "数值标识加序号", "figure_id plus the item's position")
    document_id: str = _STAMPED_DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    figure_id: str = col("数值标识", "Figure ID", "包含该科目的金额(人员经费或日常公用经费)", "The figure that includes the item (personnel or routine public expenses)")
    number: int = col("序号", "Number", "在原文列举中的顺序", "Position in the published list", minimum=1)
    name_as_published: str = col("原文名称", "Name as published")
    classification_id: str | None = col(
        "经济分类",
        "Economic classification",
        "按名称对应的经济分类科目;名称不在科目表中时为空",
        "Economic classification code matched by name; empty when the name is not in the code list",
    )
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class PerformanceProject:
    """A project with performance targets (绩效目标) and its self-evaluation."""

    project_id: str = col("项目标识", "Project ID")
    document_id: str = _DOCUMENT
    fiscal_year: int = _STAMPED_YEAR
    org_id: str = col("预算单位", "Budget unit", "项目预算单位", "Organization holding the project budget")
    name_zh: str = col("项目名称", "Project name")
    name_en: str = col("英文名称", "Name (English)")
    completion_rate: Decimal | None = col("预算完成率", "Budget completion rate", unit="%")
    completion_rate_as_published: str | None = col("原文完成率", "Completion rate as published")
    annual_target: str | None = col("年度预期目标", "Annual target", "绩效表“预期目标”原文", "The table's expected-target text")
    annual_result: str | None = col("实际完成目标", "Annual result", "绩效表“实际完成目标”原文", "The table's achieved-target text")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class PerformanceIndicator:
    """One row of a project's 绩效指标 table (one cell per line in the source)."""

    indicator_id: str = col("指标标识", "Indicator ID")
    document_id: str = _STAMPED_DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    project_id: str = col("项目标识", "Project ID")
    row: int = col("行号", "Row", "在表中的顺序", "Order within the table", minimum=1)
    level1: str = col("一级指标", "Level-1 indicator")
    level2: str = col("二级指标", "Level-2 indicator")
    level3: str = col("三级指标", "Level-3 indicator")
    target_text: str = col("预期指标值", "Target", "原文预期指标值", "Target as published")
    target_value: Decimal | None = col("预期数值", "Target value", "预期指标值中的数字(如有)", "Number in the target, where there is one")
    target_unit: str | None = col("预期单位", "Target unit")
    target_comparator: str | None = col("预期比较符", "Target comparator", "<、>、以内、余等", "<, >, 以内 (within), 余 (more than) ...")
    actual_text: str = col("实际完成值", "Actual", "原文实际完成指标值", "Actual value as published")
    actual_value: Decimal | None = col("实际数值", "Actual value")
    actual_unit: str | None = col("实际单位", "Actual unit")
    paragraph_id: str = col("段落标识", "Paragraph ID", "三级指标单元格所在段落", "Paragraph of the level-3 cell")
    target_paragraph_id: str = col("预期段落", "Target paragraph")
    actual_paragraph_id: str = col("实际段落", "Actual paragraph")


@dataclass(frozen=True, kw_only=True)
class SelfEvaluationScore:
    """One row of the department's overall self-evaluation table (附件1)."""

    score_id: str = col("评分标识", "Score ID")
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    row: int = col("行号", "Row", minimum=1)
    level1: str | None = col("一级指标", "Level-1 indicator", "“总分”行为空", "Empty on the '总分' total row")
    level1_points: int | None = col("一级分值", "Level-1 points", "一级指标括号中的分值", "Points printed with the level-1 indicator")
    level2: str | None = col("二级指标", "Level-2 indicator", "“总分”行为空", "Empty on the '总分' total row")
    level2_points: int | None = col("二级分值", "Level-2 points")
    level3: str = col("三级指标", "Level-3 indicator", "“总分”行为合计", "'总分' is the total row")
    max_score: int = col("指标分值", "Maximum score", minimum=0)
    score: int = col("得分", "Score", minimum=0)
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class ReceptionEvent:
    """One line of the 公务接待 (official reception) detail list."""

    reception_id: str = col("接待标识", "Reception ID")
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    row: int = col("序号", "Row", minimum=1)
    visitor: str = col("接待对象", "Visitor", "原文接待对象", "Visiting body as published")
    batches: int = col("批次", "Batches", "原文“(2次)”;未写为1", "From '(2次)'; 1 where not stated", minimum=1)
    batches_stated: bool = col("批次已注明", "Batches stated")
    amount_yuan: int = col("金额(元)", "Amount (yuan)", unit="CNY", minimum=0)
    amount_as_published: str = col("原文金额", "Amount as published")
    literal: str = col("原文片段", "Literal")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class WorkMetric:
    """A number stated in the narrative (work review, project reports)."""

    metric_id: str = col("指标标识", "Metric ID")
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    topic: str = col("主题", "Topic", "所在小节标题", "Heading of the enclosing subsection")
    metric: str = col("内容", "Metric", "数字前的原文描述", "The words the source puts before the number")
    value: Decimal = col("数值", "Value")
    unit: str = col("单位", "Unit", "原文单位,如 个、项、次、%", "Unit as published, e.g. 个, 项, 次, %")
    qualifier: str | None = col("修饰", "Qualifier", "余、近、超过、<、>、预计(预测值) 等", "余 (over), 近 (nearly), 超过 (more than), <, >, 预计 (expected: a forecast) ...")
    value_as_published: str = col("原文数值", "Value as published")
    literal: str = col("原文片段", "Literal")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class GlossaryTerm:
    """A term of the 名词解释 section."""

    term_id: str = col("术语标识", "Term ID")
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    number: int = col("序号", "Number", minimum=1)
    term: str = col("术语", "Term")
    definition: str = col("释义", "Definition")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class Schedule:
    """One of the 附表 (statistical schedules) the template names."""

    schedule_id: str = col("附表标识", "Schedule ID")
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    number: int = col("序号", "Number", minimum=1)
    title_zh: str = col("附表名称", "Title")
    title_en: str = col("英文名称", "Title (English)")
    included: bool = col(
        "已包含",
        "Included",
        "附表内容是否随文本发布(本文本只列名称)",
        "Whether the schedule's content is in the published text (this text only names it)",
    )
    paragraph_id: str = _PARAGRAPH


ISSUE_KINDS = ("unreadable_section", "unread_amount")


@dataclass(frozen=True, kw_only=True)
class TableCell:
    """One cell of a statistical table (决算表): its row, column and amount."""

    cell_id: str = col("单元格标识", "Cell ID", "文档标识、表、行与列", "Document ID, table, row and column")
    document_id: str = _STAMPED_DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    table: str = col("决算表", "Table", "全国统一的九张决算表之一", "Which of the nine national tables", enum=TABLE_KINDS)
    table_title: str = col("表名", "Table title", "原文表名", "Title of the table as printed")
    row: int = col("行号", "Row", "在表中的行序(自1起,含表头)", "Row of the table, from 1, header rows included", minimum=1)
    row_key: str = col("行键", "Row key", "科目编码或行名的键,如 2010601、total、revenue.income_total", "The row's code or the key of its label, e.g. 2010601, total, revenue.income_total")
    row_label: str | None = col("行名", "Row label", "原文科目名称或项目", "The row's name as printed")
    column: str = col("列键", "Column", "列的含义,如 total、basic、overseas.budget", "What the column states, e.g. total, basic, overseas.budget")
    column_label: str = col("列名", "Column label", "原文表头(多行表头以/连接)", "The column's header as printed (header rows joined with /)")
    classification_id: str | None = col("分类标识", "Classification ID", "行的支出功能或经济分类科目", "Functional or economic code of the row")
    flow: str | None = col("收支方向", "Flow", "收入或支出", "Revenue or expenditure", enum=FLOWS)
    fund: str = col("资金来源", "Fund", "资金来源或预算类型", "Source of funds / budget type", enum=FUNDS)
    phase: str = col("预决算阶段", "Phase", "决算(执行数)或预算", "Executed (final accounts) or budgeted", enum=PHASES)
    amount_yuan: int | None = col("金额(元)", "Amount (yuan)", "按表的单位换算的整数元;单位未载明时为空", "Integer yuan in the table's unit; empty when the table states no unit", unit="CNY")
    amount_as_published: str = col("原文金额", "Amount as published", "单元格原文", "The cell as printed")
    unit_as_published: str | None = col("原文单位", "Unit as published", "表的“单位:”行", "From the table's 单位 line", enum=("亿元", "万元", "千元", "元"))
    amount_note: str | None = col("金额说明", "Amount note")
    figure_key: str | None = col("对应数值键", "Figure key", "情况说明中陈述同一数值的键,如 expenditure.total", "Key of the figure the explanation states for the same thing, e.g. expenditure.total")
    figure_id: str | None = col("对应数值", "Figure ID", "情况说明中的同一数值(已读取时)", "The same figure as read from the explanation, where it was")
    paragraph_id: str = _PARAGRAPH
    page: int | None = col("页码", "Page", "PDF 原文所在页", "Page of the PDF", minimum=1)


FACT_SOURCES = ("table", "text", "restatement")


@dataclass(frozen=True, kw_only=True)
class Fact:
    """One value of one concept for one organization and year: the figure however many times
    the document states it (in the text, again in an annex or a later chapter, in a table).
    Sums are sums of facts; ``fiscal_figures`` and ``table_cells`` are the statements."""

    fact_id: str = col("事实标识", "Fact ID", "文档标识加概念键,如 yaan-zwfwdsj-2020.functional.2010302",
                       "Document ID plus the concept's key, e.g. yaan-zwfwdsj-2020.functional.2010302")
    document_id: str = _STAMPED_DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    concept: str = col("概念键", "Concept", "数值的语义键(不含重述标记),如 expenditure.total",
                       "The figure's semantic key without restatement marks, e.g. expenditure.total")
    flow: str = col("收支方向", "Flow", "收入或支出", "Revenue or expenditure", enum=FLOWS)
    phase: str = col("预决算阶段", "Phase", "决算(执行数)或预算", "Executed (final accounts) or budgeted", enum=PHASES)
    fund: str = col("资金来源", "Fund", "资金来源或预算类型", "Source of funds / budget type", enum=FUNDS)
    category: str = col("数值类别", "Category", enum=FIGURE_CATEGORIES)
    label_zh: str = col("名称", "Label (Chinese)", "数值的中文名称", "Chinese label of the figure")
    label_en: str = col("英文名称", "Label (English)")
    classification_id: str | None = col("分类标识", "Classification ID", "支出功能或经济分类科目(任一表述所载)", "Functional or economic code, as any statement names it")
    project_id: str | None = col("项目标识", "Project ID", "所属绩效项目", "Performance project the fact belongs to")
    amount_yuan: int | None = col(
        "金额(元)", "Amount (yuan)",
        "最权威表述的整数元金额:决算表 > 正文首次表述 > 重述(附件、后文)",
        "Integer yuan of the most authoritative statement: a table's cell > the text's first statement > a restatement (annex, later chapter)",
        unit="CNY",
    )
    source: str = col("金额来源", "Source of the amount", "table:决算表单元格;text:正文首次表述;restatement:重述",
                      "table: a table cell; text: the first statement in the text; restatement: an annex or later chapter",
                      enum=FACT_SOURCES)
    figure_id: str = col("首次表述", "First statement", "正文中陈述该事实的首个数值", "The text's first statement of the fact")
    cell_id: str | None = col("决算表单元格", "Table cell", "陈述该事实的决算表单元格", "The table cell that states the fact")
    statements: int = col("表述次数", "Statements", "文中与表中陈述该事实的次数", "How many times the text and the tables state it", minimum=1)
    statements_agree: bool = col("表述一致", "Statements agree", "各处表述的整数元金额是否相同", "Whether every statement gives the same amount in yuan")
    paragraph_id: str = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class ExtractionIssue:
    """What the extractor could not read: a section it could not parse (published
    anyway in lenient mode) or an amount of money no record was read from."""

    issue_id: str = col("问题标识", "Issue ID")
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    kind: str = col(
        "类型",
        "Kind",
        "unreadable_section:章节无法按模板读取(宽松模式下跳过);unread_amount:段落中有金额但没有记录读取它",
        "unreadable_section: a section that does not read as the template (skipped in lenient mode); "
        "unread_amount: an amount in a paragraph that no record was read from",
        enum=ISSUE_KINDS,
    )
    extractor: str | None = col("提取模块", "Extractor", "未能读取的模板章节(提取模块名)", "The template section (extractor module) that failed")
    reason: str = col("原因", "Reason")
    literal: str | None = col("原文片段", "Literal", "未读取的金额原文", "The amount as printed that was not read")
    paragraph_id: str | None = col("段落标识", "Paragraph ID", "问题所在段落", "Paragraph of the problem")


# Rule families of checks/ (one module each) and the outcomes of a check.
CHECK_FAMILIES = ("sums", "shares", "growth", "completion", "restatements", "units", "template", "counts", "tables")
CHECK_STATUSES = ("pass", "rounding", "fail", "not_checkable", "undefined")


@dataclass(frozen=True, kw_only=True)
class ConsistencyCheck:
    """One identity of the template (a sum, share, rate, restatement ...) checked on the published values."""

    check_id: str = col(
        "核对标识",
        "Check ID",
        "文档标识加规则与核对对象,如 yaan-zwfwdsj-2020.sums.income_sources",
        "Document ID plus rule and subject, e.g. yaan-zwfwdsj-2020.sums.income_sources",
    )
    document_id: str = _DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    rule_id: str = col("规则", "Rule", "规则标识,说明见 docs/checks.md", "Rule identifier, documented in docs/checks.md")
    family: str = col("规则类别", "Rule family", "合计、占比、增长率、完成率、重复表述、单位、模板完整性、计数或决算表", "Sums, shares, growth rates, completion rates, restatements, units, template completeness, counts or the statistical tables", enum=CHECK_FAMILIES)
    status: str = col(
        "核对结果",
        "Status",
        "pass 一致;rounding 在原文舍入范围内;fail 不一致;not_checkable 原文未给出所需数值;undefined 基数为零",
        "pass: agrees; rounding: within the published rounding; fail: contradicts; not_checkable: an input is not stated; undefined: the base is zero",
        enum=CHECK_STATUSES,
    )
    description_zh: str = col("核对内容", "Description (Chinese)", "本项核对的中文说明", "What is checked, in Chinese")
    description_en: str = col("英文说明", "Description (English)", "本项核对的英文说明", "What is checked, in English")
    expected: Decimal | None = col(
        "推算值",
        "Expected",
        "由其他数值按恒等式推算出的值(金额以元计)",
        "The value the identity predicts from the other inputs (money in yuan)",
    )
    observed: Decimal | None = col("原文值", "Observed", "原文发布的值(金额以元计)", "The value as published (money in yuan)")
    difference: Decimal | None = col("差额", "Difference", "原文值减推算值", "Observed minus expected")
    tolerance: Decimal | None = col(
        "容差",
        "Tolerance",
        "原文舍入精度:金额0.01万元(100元),百分比为末位数字的一个单位,计数为0",
        "Published rounding: 0.01 万元 (100 yuan) for money, one unit of the last printed digit for a percentage, 0 for counts",
    )
    unit: str | None = col("单位", "Unit", "CNY(元)、% 或原文计数单位", "CNY (yuan), % or the counting unit as published")
    figure_id: str | None = col("主要数值", "Main figure", "核对的主要金额(如合计数)", "The money figure the check is mainly about (e.g. the total)")
    paragraph_id: str | None = col("主要段落", "Main paragraph", "主要数值或陈述所在段落", "Paragraph of the main value or statement")
    inputs: str | None = col(
        "读取的记录",
        "Inputs",
        "所读记录的标识,以空格分隔;逐项见 consistency_check_inputs;缺失的章节没有可读记录时为空",
        "IDs of the records read, space-separated; one row each in consistency_check_inputs; "
        "empty when there was nothing to read (a missing section)",
    )
    note: str | None = col(
        "说明",
        "Note",
        "无法核对或无定义的原因、原文单位问题及更正值的说明",
        "Why a check is not checkable or undefined, unit problems, and what a corrected value would give",
    )


@dataclass(frozen=True, kw_only=True)
class ConsistencyCheckInput:
    """One record a consistency check read, with the value and the quote it took from it."""

    check_input_id: str = col("输入标识", "Input ID", "核对标识加序号", "check_id plus position")
    document_id: str = _STAMPED_DOCUMENT
    org_id: str = _STAMPED_ORG
    fiscal_year: int = _STAMPED_YEAR
    check_id: str = col("核对标识", "Check ID")
    position: int = col("序号", "Position", minimum=1)
    role: str = col(
        "作用",
        "Role",
        "在恒等式中的作用:合计、组成部分、原文占比、基数、增减额、叙述、表格等",
        "Role in the identity: total, part, published share, base, change, narrative, table ...",
    )
    input_table: str = col("来源表", "Input table", "所读记录所在的表", "Table of the record read")
    input_id: str = col("记录标识", "Input record", "所读记录的主键", "Primary key of the record read")
    figure_id: str | None = col("数值标识", "Figure ID", "所读记录为金额时的数值标识", "The figure, when the record read is a money figure")
    value: Decimal | None = col("读取值", "Value read", "核对所用的值(金额以元计)", "The value the check used (money in yuan)")
    unit: str | None = col("单位", "Unit")
    literal: str = col("原文片段", "Literal", "所读数值的原文片段", "The clause of the source the value was read from")
    paragraph_id: str | None = _PARAGRAPH


@dataclass(frozen=True, kw_only=True)
class Disclosure:
    """Everything extracted from one document, table by table."""

    document: Document
    paragraphs: tuple[Paragraph, ...] = ()
    organizations: tuple[Organization, ...] = ()
    main_functions: tuple[MainFunction, ...] = ()
    staffing: tuple[Staffing, ...] = ()
    fiscal_figures: tuple[FiscalFigure, ...] = ()
    figure_comparisons: tuple[FigureComparison, ...] = ()
    expenditure_items: tuple[ExpenditureItem, ...] = ()
    performance_projects: tuple[PerformanceProject, ...] = ()
    performance_indicators: tuple[PerformanceIndicator, ...] = ()
    self_evaluation_scores: tuple[SelfEvaluationScore, ...] = ()
    reception_events: tuple[ReceptionEvent, ...] = ()
    work_metrics: tuple[WorkMetric, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    schedules: tuple[Schedule, ...] = ()
    extraction_issues: tuple[ExtractionIssue, ...] = ()
    consistency_checks: tuple[ConsistencyCheck, ...] = ()  # filled by checks/ after extraction
    consistency_check_inputs: tuple[ConsistencyCheckInput, ...] = ()
    table_cells: tuple[TableCell, ...] = ()
    facts: tuple[Fact, ...] = ()
    # codes the document prints in its tables that the shipped code list lacks
    classifications: tuple[Classification, ...] = ()
    # the file(s) the document was read from: shipped in the package, not a table
    source_files: tuple[Path, ...] = field(default=(), compare=False)
    # the document's key in the build cache (``cache.document_key``): what its records are made of
    cache_key: str | None = field(default=None, compare=False)

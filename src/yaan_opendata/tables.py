"""The published tables: one declaration per table, from which every output is generated.

A ``Table`` names a record type of ``model.py`` and adds what a table needs
beyond its fields: bilingual title and description, primary key, foreign keys
and the columns people filter on. The data package schema, the SQLite tables,
the Datasette metadata and the RDF labels all read this registry.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from dataclasses import dataclass
from decimal import Decimal

from . import model


@dataclass(frozen=True)
class ForeignKey:
    fields: str
    table: str
    table_fields: str


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Table Schema type: string, integer, number, boolean, date
    required: bool
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    unit: str | None
    enum: tuple[str, ...] | None
    minimum: int | None
    maximum: int | None
    pattern: str | None


@dataclass(frozen=True)
class Table:
    name: str
    record_type: type
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    facets: tuple[str, ...] = ()
    label_column: str | None = None
    sort: str | None = None

    @property
    def fields(self) -> tuple[Field, ...]:
        return record_fields(self.record_type)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


_TABLE_SCHEMA_TYPES = {str: "string", int: "integer", Decimal: "number", bool: "boolean", datetime.date: "date"}


@functools.cache  # read per row by the writers; type hints are slow to resolve
def record_fields(record_type: type) -> tuple[Field, ...]:
    hints = typing.get_type_hints(record_type)
    result = []
    for f in dataclasses.fields(record_type):
        python_type, required = _unwrap_optional(hints[f.name])
        meta = f.metadata
        result.append(
            Field(
                name=f.name,
                type=_TABLE_SCHEMA_TYPES[python_type],
                required=required,
                title_zh=meta["title_zh"],
                title_en=meta["title_en"],
                description_zh=meta["description_zh"],
                description_en=meta["description_en"],
                unit=meta["unit"],
                enum=meta["enum"],
                minimum=meta["minimum"],
                maximum=meta["maximum"],
                pattern=meta["pattern"],
            )
        )
    return tuple(result)


def _unwrap_optional(hint) -> tuple[type, bool]:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], False
    return hint, True


def _fk(fields: str, table: str, table_fields: str | None = None) -> ForeignKey:
    return ForeignKey(fields, table, table_fields or fields)


_DOC_FK = _fk("document_id", "documents")
_PARA_FK = _fk("paragraph_id", "paragraphs")
_ORG_FK = _fk("org_id", "organizations")

TABLES: tuple[Table, ...] = (
    Table(
        "documents", model.Document, "来源文档", "Source documents",
        "发布的部门决算原文,含校验摘要", "The published final-accounts documents, with their checksums",
        ("document_id",), (_ORG_FK,), label_column="title",
    ),
    Table(
        "paragraphs", model.Paragraph, "原文段落", "Paragraphs",
        "原文逐段(含标题与表格单元格),每个数值都指向其中一段",
        "Every line of the source (paragraphs, headings, table cells); every value points to one",
        ("paragraph_id",), (_DOC_FK,), facets=("section_title",), label_column="text", sort="number",
    ),
    Table(
        "organizations", model.Organization, "单位", "Organizations",
        "部门及纳入决算范围的下属单位", "The department and the units included in its accounts",
        ("org_id",), (_fk("parent_org_id", "organizations", "org_id"), _PARA_FK),
        facets=("org_type", "rank"), label_column="name_zh",
    ),
    Table(
        "main_functions", model.MainFunction, "主要职能", "Main functions",
        "部门的主要职能", "The department's main functions",
        ("function_id",), (_DOC_FK, _PARA_FK), label_column="text", sort="number",
    ),
    Table(
        "staffing", model.Staffing, "人员编制", "Staffing",
        "各单位编制数与年末实有人数", "Authorized posts and actual headcount at year end, per unit",
        ("staffing_id",), (_DOC_FK, _ORG_FK, _PARA_FK), facets=("org_id", "post_category"),
    ),
    Table(
        "classifications", model.Classification, "分类科目", "Classifications",
        "支出功能分类与经济分类科目(类、款、项)", "Functional and economic classification codes (类/款/项)",
        ("classification_id",), (_fk("parent_id", "classifications", "classification_id"),),
        facets=("scheme", "level"), label_column="name_zh", sort="classification_id",
    ),
    Table(
        "performance_projects", model.PerformanceProject, "绩效项目", "Performance projects",
        "有绩效目标的项目", "Projects with performance targets",
        ("project_id",), (_DOC_FK, _ORG_FK, _PARA_FK), label_column="name_zh",
    ),
    Table(
        "fiscal_figures", model.FiscalFigure, "财务数值", "Fiscal figures",
        "原文中的每个金额,以整数元计,保留原文写法与出处段落",
        "Every money figure of the source in integer yuan, with the literal and its paragraph",
        ("figure_id",),
        (_DOC_FK, _ORG_FK, _PARA_FK, _fk("classification_id", "classifications"), _fk("project_id", "performance_projects"),
         _fk("fact_id", "facts")),
        facets=("category", "flow", "fund", "phase", "unit_as_published"), label_column="label_zh",
    ),
    Table(
        "facts", model.Fact, "财务事实", "Facts",
        "每个概念在每个单位、每个年度的一个金额:文中与表中多次陈述的同一数值只计一次,求和用此表",
        "One amount per concept, organization and year: a figure the text and the tables state several "
        "times counts once here; sum this table",
        ("fact_id",),
        (_DOC_FK, _ORG_FK, _PARA_FK, _fk("classification_id", "classifications"),
         _fk("project_id", "performance_projects"), _fk("figure_id", "fiscal_figures"), _fk("cell_id", "table_cells")),
        facets=("category", "flow", "fund", "phase", "source", "statements_agree"), label_column="label_zh",
    ),
    Table(
        "figure_comparisons", model.FigureComparison, "占比与增减", "Shares, changes and rates",
        "原文给出的占比、同比增减、增长率与预算完成率",
        "Shares, changes on the prior year, growth and completion rates as published",
        ("comparison_id",),
        (_fk("figure_id", "fiscal_figures"), _fk("base_figure_id", "fiscal_figures", "figure_id"), _PARA_FK),
        facets=("kind", "unit"),
    ),
    Table(
        "table_cells", model.TableCell, "决算表单元格", "Table cells",
        "九张决算表的每个单元格:行(科目)、列(含义)与金额,并对应情况说明中的同一数值",
        "Every cell of the nine statistical tables: row (code), column (meaning) and amount, linked to "
        "the same figure in the explanation",
        ("cell_id",),
        (_PARA_FK, _fk("classification_id", "classifications"), _fk("figure_id", "fiscal_figures")),
        facets=("table", "column", "phase", "fund"), label_column="row_label", sort="cell_id",
    ),
    Table(
        "expenditure_items", model.ExpenditureItem, "基本支出构成科目", "Items of basic expenditure",
        "人员经费与日常公用经费“主要包括”的科目,按名称对应经济分类",
        "The items personnel and routine public expenses 'mainly include', matched to economic codes",
        ("item_id",),
        (_fk("figure_id", "fiscal_figures"), _fk("classification_id", "classifications"), _PARA_FK),
        facets=("figure_id", "classification_id"), label_column="name_as_published", sort="item_id",
    ),
    Table(
        "performance_indicators", model.PerformanceIndicator, "绩效指标", "Performance indicators",
        "项目绩效指标完成情况表的每一行", "Each row of the projects' performance indicator tables",
        ("indicator_id",),
        (
            _fk("project_id", "performance_projects"),
            _PARA_FK,
            _fk("target_paragraph_id", "paragraphs", "paragraph_id"),
            _fk("actual_paragraph_id", "paragraphs", "paragraph_id"),
        ),
        facets=("project_id", "level1", "level2"), label_column="level3", sort="indicator_id",
    ),
    Table(
        "self_evaluation_scores", model.SelfEvaluationScore, "整体支出绩效自评", "Self-evaluation scores",
        "部门整体支出绩效评价自评表", "The department's overall expenditure self-evaluation table",
        ("score_id",), (_DOC_FK, _PARA_FK), facets=("level1", "level2"), label_column="level3", sort="row",
    ),
    Table(
        "reception_events", model.ReceptionEvent, "公务接待明细", "Official receptions",
        "国内公务接待的逐项明细", "Itemized domestic official receptions",
        ("reception_id",), (_DOC_FK, _PARA_FK), label_column="visitor", sort="row",
    ),
    Table(
        "work_metrics", model.WorkMetric, "工作数据", "Work metrics",
        "工作总结与项目报告中陈述的数字", "Numbers stated in the work review and project reports",
        ("metric_id",), (_DOC_FK, _PARA_FK), facets=("topic", "unit"), label_column="metric",
    ),
    Table(
        "glossary", model.GlossaryTerm, "名词解释", "Glossary",
        "原文的名词解释", "The document's glossary of terms",
        ("term_id",), (_DOC_FK, _PARA_FK), label_column="term", sort="number",
    ),
    Table(
        "schedules", model.Schedule, "附表", "Schedules",
        "模板要求的14张附表;本文本只列出名称", "The 14 statistical schedules the template requires; this text only names them",
        ("schedule_id",), (_DOC_FK, _PARA_FK), label_column="title_zh", sort="number",
    ),
    Table(
        "extraction_issues", model.ExtractionIssue, "提取问题", "Extraction issues",
        "未能按模板读取的章节(宽松模式)与没有被读取的金额;原文不作猜测",
        "Sections that did not read as the template (lenient mode) and amounts no record was read from; "
        "nothing is guessed",
        ("issue_id",), (_DOC_FK, _PARA_FK), facets=("kind", "extractor"), label_column="reason", sort="issue_id",
    ),
    Table(
        "consistency_checks", model.ConsistencyCheck, "一致性核对", "Consistency checks",
        "按模板恒等式(合计、占比、增长率、完成率、重复表述、单位、完整性、计数)核对原文数值的结果;原文数值不作更正",
        "The template's identities (sums, shares, growth and completion rates, restatements, units, "
        "completeness, counts) checked on the published values; published values are never corrected",
        ("check_id",),
        (_DOC_FK, _fk("figure_id", "fiscal_figures"), _PARA_FK),
        facets=("status", "family", "rule_id"), label_column="description_zh", sort="status",
    ),
    Table(
        "consistency_check_inputs", model.ConsistencyCheckInput, "核对输入", "Consistency check inputs",
        "每项核对读取的记录、数值与原文片段", "Each record a consistency check read, with the value and its quote",
        ("check_input_id",),
        (_fk("check_id", "consistency_checks"), _fk("figure_id", "fiscal_figures"), _PARA_FK),
        facets=("input_table", "role"), label_column="literal", sort="check_input_id",
    ),
)

# Department and year are columns of every table of a disclosure (model._STAMPED_*):
# each is a foreign key and a facet, so a package of many documents filters anywhere.
DIMENSION_FACETS = ("fiscal_year", "org_id")


def _with_dimensions(table: Table) -> Table:
    if table.name in ("documents", "organizations", "classifications"):
        return table
    names = {f.name for f in table.fields}
    keys = list(table.foreign_keys)
    for column, key in (("document_id", _DOC_FK), ("org_id", _ORG_FK)):
        if column in names and all(k.fields != column for k in keys):
            keys.append(key)
    facets = tuple(c for c in DIMENSION_FACETS if c in names and c not in table.facets) + table.facets
    return dataclasses.replace(table, foreign_keys=tuple(keys), facets=facets)


TABLES = tuple(_with_dimensions(t) for t in TABLES)
TABLES_BY_NAME = {t.name: t for t in TABLES}


def rows(disclosure: model.Disclosure, table: Table) -> list:
    """The records of one table, in document order (extraction is deterministic)."""
    if table.name == "documents":
        return [disclosure.document]
    if table.name == "classifications":
        from .codelists import classifications

        return list(classifications())
    return list(getattr(disclosure, table.name))

"""决算情况说明 五 and 六: general public budget appropriation expenditure —
its total (五(一)), its structure by functional class (五(二)), each functional
item against its budget (五(三), via ``functional_lines``) and the basic
expenditure split (六).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..codelists import economic_code, functional_code
from ..model import ExpenditureItem, FigureComparison, FiscalFigure, Paragraph
from ..source import SourceDocument
from . import sections as S
from .clauses import (
    MONEY_LITERAL,
    PCT,
    SHARE_OF,
    clause_around,
    growth_rate,
    stated_reason,
    yoy_change,
)
from .common import comparison, figure_id, find, fiscal_figure, section, subsection
from .functional_lines import functional_lines

FUND = "general_public_budget"

# 六: the parts of basic expenditure → (key, economic classification, English label).
# 人员经费 spans two economic classes (301 工资福利支出 and 303 对个人和家庭的补助),
# so it has no single code; 公用经费 is class 302 商品和服务支出.
BASIC_PARTS = {
    "人员经费": ("personnel", None, "Personnel expenses"),
    "日常公用经费": ("public", "economic:302", "Routine public expenses (goods and services)"),
    "公用经费": ("public", "economic:302", "Public expenses (goods and services)"),
}

# 五(一): "2020年一般公共预算财政拨款支出2278.17万元,占本年支出合计的90.50%。与2019年相比,
#          一般公共预算财政拨款增加893.08万元,增长64.48%。主要变动原因是…。"
OVERALL = re.compile(
    rf"(?P<name>一般公共预算财政拨款支出)(?P<amount>{MONEY_LITERAL})[,,]占(?P<base>本年支出合计)的(?P<share>{PCT})"
)
# 五(二): "2020年一般公共预算财政拨款支出2278.17万元,主要用于以下方面:一般公共服务(类)支出
#          2168.25万元,占95.18%;社会保障和就业(类)支出47.76万元,占2.09%;…"
STRUCTURE_TOTAL = re.compile(rf"(?P<name>一般公共预算财政拨款支出)(?P<amount>{MONEY_LITERAL})[,,]主要用于")
STRUCTURE_CLASS = re.compile(
    rf"(?P<name>[^,,;;::]+?)[((]类[))](?:支出)?(?P<amount>{MONEY_LITERAL}){SHARE_OF}(?P<share>{PCT})"
)
# 五(三): the total line and the numbered 项 lines are parsed by functional_lines,
#   which also reads the same block restated in the self-evaluation report.
# 六: "2020年一般公共预算财政拨款基本支出528.23万元,其中:"
BASIC_TOTAL = re.compile(rf"(?P<name>一般公共预算财政拨款基本支出)(?P<amount>{MONEY_LITERAL})")
# 六: "人员经费470.02万元,主要包括:…" / "日常公用经费58.21万元,主要包括:…"
#   "…主要包括:基本工资、津贴补贴、奖金、…、奖励金等。" lists the items of each part.
ITEM_LIST = re.compile(r"主要包括[::](?P<items>[^。]+?)等?。")
_BASIC_PART_NAMES = "|".join(sorted(BASIC_PARTS, key=len, reverse=True))  # longest first
BASIC_PART = re.compile(rf"^(?P<name>{_BASIC_PART_NAMES})(?P<amount>{MONEY_LITERAL})")

Record = FiscalFigure | FigureComparison | ExpenditureItem


def extract(doc: SourceDocument) -> Iterator[Record]:
    chapter = section(doc, S.ACCOUNTS, S.GENERAL_BUDGET)
    yield from _overall(doc, subsection(doc, chapter, S.GENERAL_BUDGET_OVERALL))
    yield from _structure(doc, subsection(doc, chapter, S.GENERAL_BUDGET_STRUCTURE))
    yield from functional_lines(doc, subsection(doc, chapter, S.GENERAL_BUDGET_DETAIL), key_prefix="")
    yield from _basic(doc, section(doc, S.ACCOUNTS, S.BASIC_EXPENDITURE))


def _overall(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    paragraph, match = find(doc, paragraphs, OVERALL, "一般公共预算财政拨款支出")
    figure = fiscal_figure(
        doc, "general_public_budget.expenditure", paragraph, match.group("amount"),
        clause_around(paragraph.text, *match.span("amount")),
        flow="expenditure", fund=FUND, category="expenditure_total", item="total",
        label_zh=match.group("name"), label_en="General public budget appropriation expenditure",
    )
    yield figure
    yield comparison(
        doc, figure, "share", paragraph, match.group("share"), match.group(0),
        base_figure_id=figure_id(doc, "expenditure.total"), base_label=match.group("base"),
    )
    rest = paragraph.text[match.end():]
    reason = stated_reason(doc, paragraph, rest)
    yield yoy_change(doc, figure, paragraph, rest, reason=reason)
    yield growth_rate(doc, figure, paragraph, rest, reason=reason)


def _structure(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    paragraph, match = find(doc, paragraphs, STRUCTURE_TOTAL, "一般公共预算财政拨款支出…主要用于")
    total = fiscal_figure(
        doc, "general_public_budget.expenditure.structure", paragraph, match.group("amount"),
        clause_around(paragraph.text, *match.span("amount")),
        flow="expenditure", fund=FUND, category="expenditure_total", item="total.structure",
        label_zh=match.group("name"),
        label_en="General public budget appropriation expenditure (restated in the structure)",
    )
    yield total
    classes = list(STRUCTURE_CLASS.finditer(paragraph.text, match.end()))
    if not classes:
        raise doc.error("no '…(类)支出…万元,占…%' lines", paragraph)
    for part in classes:
        code = _functional(doc, paragraph, part.group("name"))
        figure = fiscal_figure(
            doc, f"functional.{code.code}", paragraph, part.group("amount"), part.group(0),
            flow="expenditure", fund=FUND, category="expenditure_by_function", item=code.code,
            label_zh=code.name_zh, label_en=code.name_en, classification_id=code.classification_id,
        )
        yield figure
        yield comparison(
            doc, figure, "share", paragraph, part.group("share"), part.group(0),
            base_figure_id=total.figure_id, base_label=match.group("name"),
        )


def _basic(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    paragraph, match = find(doc, paragraphs, BASIC_TOTAL, "一般公共预算财政拨款基本支出")
    yield fiscal_figure(
        doc, "general_public_budget.basic", paragraph, match.group("amount"),
        clause_around(paragraph.text, *match.span("amount")),
        flow="expenditure", fund=FUND, category="expenditure_by_type", item="basic",
        label_zh=match.group("name"),
        label_en="General public budget appropriation basic expenditure",
    )
    parts = [(p, BASIC_PART.search(p.text)) for p in paragraphs]
    parts = [(p, m) for p, m in parts if m]
    if not parts:
        raise doc.error("no '人员经费…万元' / '日常公用经费…万元' lines", paragraph)
    for part_paragraph, part in parts:
        key, classification_id, english = BASIC_PARTS[part.group("name")]
        figure = fiscal_figure(
            doc, f"general_public_budget.basic.{key}", part_paragraph, part.group("amount"),
            clause_around(part_paragraph.text, *part.span("amount")),
            flow="expenditure", fund=FUND, category="basic_expenditure_by_economic", item=key,
            label_zh=part.group("name"), label_en=english, classification_id=classification_id,
        )
        yield figure
        yield from _items(figure, part_paragraph)


def _items(figure: FiscalFigure, paragraph: Paragraph) -> Iterator[ExpenditureItem]:
    """The items a part 'mainly includes'; a name not in the code list keeps an empty code."""
    listed = ITEM_LIST.search(paragraph.text)
    if not listed:
        return
    for number, name in enumerate(re.split(r"[、,,]", listed.group("items")), start=1):
        code = economic_code(name)
        yield ExpenditureItem(
            item_id=f"{figure.figure_id}.item.{number}",
            figure_id=figure.figure_id,
            number=number,
            name_as_published=name.strip(),
            classification_id=code.classification_id if code else None,
            paragraph_id=paragraph.paragraph_id,
        )


def _functional(doc: SourceDocument, paragraph: Paragraph, *names: str):
    code = functional_code(*names)
    if code is None:
        raise doc.error(
            f"functional classification '{' / '.join(names)}' is not in codelists/functional.csv",
            paragraph,
        )
    return code

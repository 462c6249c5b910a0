"""The 项 lines of 一般公共预算财政拨款支出决算具体情况, shared by every place that prints them.

The main text (第二部分 五、(三)) and the department's self-evaluation report
(附件1 三、(一)) print the same block: a total line, then one numbered line per
functional item (类/款/项) with its executed amount, its budget completion rate
and the reason for any difference. Each block becomes, under a key prefix that
names where it was printed (``""`` or ``"annex1."``):

- ``{prefix}general_public_budget.expenditure.detail``: the total line's amount;
- ``{prefix}functional.<code>``: one figure per 项 line, linked to its code;
- a completion_rate comparison per figure, with the stated reason;
- ``{prefix}explanatory.<code>.<n>``: every amount cited inside a reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from ..codelists import functional_code
from ..model import FigureComparison, FiscalFigure, Paragraph
from ..numbers import MONEY_LITERAL, MONEY_UNIT, NUMBER, Money
from ..source import SourceDocument
from .common import comparison, find, fiscal_figure, money

# "2020年一般公共预算支出决算数为2278.17,完成预算73.20%。其中:"
# (the template prints this total without a unit; some write 一般公共预算财政拨款支出决算数为)
TOTAL_LINE = re.compile(
    rf"一般公共预算(?:财政拨款)?支出决算数为(?P<amount>{NUMBER}\s*(?:{MONEY_UNIT})?)\s*[,,]\s*"
    rf"完成预算(?P<rate>{NUMBER}\s*%)"
)
# "1.一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项): 支出决算为206.13万元,
#  完成预算100%,决算数与预算数持平。"
# "2. 一般公共服务支出(类)…一般行政管理事务(项): 支出决算为1680.23万元,完成预算76.98 %,
#  决算数小于预算数的主要原因是2019年年末财政下达2020年市级政务云建设经费1000万元,…"
ITEM_LINE = re.compile(
    r"^\s*(?:\d+\s*[.、．]|[((]\d+[))])\s*"  # "1." or, in some departments, "(1)"
    r"(?P<class>[^(()]+?)\s*[((]类[))]\s*"
    r"(?P<section>.+?)\s*[((]款[))]\s*"
    r"(?P<item>.+?)\s*[((]项[))]\s*[::]\s*"
    rf"支出决算为(?P<amount>{MONEY_LITERAL})\s*[,,]\s*"
    rf"完成预算(?P<rate>{NUMBER}\s*%)\s*[,,]?\s*"
    r"(?P<reason>[^。]*)"
)
# Amounts cited inside a reason: "…2020年市级政务云建设经费1000万元,…"
CITED_AMOUNT = re.compile(MONEY_LITERAL)


def functional_lines(
    doc: SourceDocument,
    paragraphs: Iterable[Paragraph],
    key_prefix: str,
) -> Iterator[FiscalFigure | FigureComparison]:
    """Figures and comparisons of the total line and every 项 line in ``paragraphs``."""
    paragraphs = list(paragraphs)
    yield from _total_line(doc, paragraphs, key_prefix)
    lines = [(p, m) for p in paragraphs if (m := ITEM_LINE.match(p.text))]
    if not lines:
        raise doc.error("no 项 line (…(类)…(款)…(项):支出决算为…) found", paragraphs[0])
    for paragraph, match in lines:
        yield from _item_line(doc, paragraph, match, key_prefix)


def _total_line(doc, paragraphs, key_prefix):
    paragraph, match = find(doc, paragraphs, TOTAL_LINE, "total line (一般公共预算支出决算数为…)")
    literal = match.group(0)
    figure = fiscal_figure(
        doc, f"{key_prefix}general_public_budget.expenditure.detail", paragraph,
        match.group("amount"), literal,
        flow="expenditure", fund="general_public_budget", category="expenditure_total",
        item="general_public_budget.detail",
        label_zh="一般公共预算支出决算数(具体情况)",
        label_en="General public budget expenditure (detail section)",
        unit_required=False,
    )
    yield _unit_from_section(doc, figure, paragraphs)
    yield comparison(
        doc, figure, "completion_rate", paragraph, match.group("rate"), literal, base_label="预算",
    )


def _unit_from_section(doc, figure: FiscalFigure, paragraphs: list[Paragraph]) -> FiscalFigure:
    """The total is printed without a unit ('决算数为2278.17'); when every other amount of the
    section is in one unit, that unit gives a corrected amount beside the published one."""
    if figure.unit_as_published:
        return figure
    units = {
        money(doc, p, m.group(0)).unit
        for p in paragraphs for m in CITED_AMOUNT.finditer(p.text)
    }
    if len(units) != 1:
        return figure
    (unit,) = units
    number = money(doc, paragraphs[0], figure.amount_as_published, unit_required=False).number
    corrected = Money(literal=figure.amount_as_published, number=number, unit=unit).amount_yuan
    return dataclasses.replace(
        figure,
        amount_corrected_yuan=corrected,
        amount_note=(
            f"原文未标单位;本节其余金额均以{unit}计,更正值按{unit}换算,原文值不变"
            f" / no unit printed; every other amount of the section is in {unit}, so the"
            f" corrected amount reads it in {unit}; the published value is kept"
        ),
    )


def _item_line(doc, paragraph, match, key_prefix):
    names = (match.group("class"), match.group("section"), match.group("item"))
    code = functional_code(*names)
    if code is None:
        raise doc.error(f"no functional code for {'/'.join(names)}", paragraph)
    literal = match.group(0).strip()
    figure = fiscal_figure(
        doc, f"{key_prefix}functional.{code.code}", paragraph, match.group("amount"), literal,
        flow="expenditure", fund="general_public_budget", category="expenditure_by_function",
        item=code.code, label_zh="/".join(n.strip() for n in names), label_en=code.name_en,
        classification_id=code.classification_id,
    )
    reason = match.group("reason").strip() or None
    yield figure
    yield comparison(
        doc, figure, "completion_rate", paragraph, match.group("rate"), literal,
        base_label="预算", reason=reason,
    )
    for n, cited in enumerate(CITED_AMOUNT.finditer(reason or ""), start=1):
        yield fiscal_figure(
            doc, f"{key_prefix}explanatory.{code.code}.{n}", paragraph, cited.group(0), reason,
            flow="expenditure", phase="budgeted", fund="general_public_budget",
            category="explanatory", item=f"{code.code}.{n}",
            label_zh=f"{names[2].strip()}:原因说明中的金额",
            label_en=f"{code.name_en}: amount cited in the stated reason",
            classification_id=code.classification_id,
        )

"""决算情况说明 八 and 九: government fund and state capital budget expenditure.

A department without such money says so either with an amount of zero
("2020年政府性基金预算拨款支出0万元。") or in words ("本部门2020年度无政府性基金
预算财政拨款支出。" / "没有使用政府性基金预算拨款安排的支出"): the latter is read
as 0 yuan, printed as "无", with a note. Some departments merge 八 and 九 into one
chapter; each is found by its words wherever it is.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from ..codelists import functional_code
from ..model import FiscalFigure
from ..source import SourceDocument
from . import sections as S
from .clauses import MONEY_LITERAL, clause_around
from .common import find, fiscal_figure, section

# 八: "2020年政府性基金预算拨款支出0万元。"
GOVERNMENT_FUND = re.compile(rf"(?P<name>政府性基金预算(?:财政)?拨款支出)(?P<amount>{MONEY_LITERAL})")
# 九: "2020年国有资本经营预算拨款支出0万元。"
STATE_CAPITAL = re.compile(rf"(?P<name>国有资本经营预算(?:财政)?拨款支出)(?P<amount>{MONEY_LITERAL})")

# "本部门2020年度无政府性基金预算财政拨款支出。" / "没有使用国有资本经营预算拨款安排的支出"
def _stated_none(budget: str) -> re.Pattern:
    return re.compile(rf"(?:无|没有)[^。,]{{0,8}}?(?P<name>{budget}(?:财政)?拨款)[^。]{{0,12}}?支出")


NONE_STATED = "无"
NONE_NOTE = "原文以文字说明无此项支出,记为0元 / stated in words that there was none: read as 0 yuan"
NONE_PATTERNS = {"government_fund": _stated_none("政府性基金预算"), "state_capital": _stated_none("国有资本经营预算")}

# What the money was spent on, where stated: "…主要用于城乡社区支出(类)国有土地使用权出让收入
# 安排的支出(款)城市建设支出(项)1520.00万元,…"
FUND_LINE = re.compile(
    rf"(?:(?:主要)?用于|为)?(?P<class>[^,;:()、]+?)[((]类[))](?P<section>[^,;:]+?)[((]款[))]"
    rf"(?P<item>[^,;:]+?)[((]项[))]\s*(?P<amount>{MONEY_LITERAL})"
)

# chapter → (pattern, what it states, key, fund, English label)
BUDGETS = {
    S.GOVERNMENT_FUNDS: (
        GOVERNMENT_FUND, "政府性基金预算拨款支出", "government_fund.expenditure", "government_fund",
        "Government fund budget appropriation expenditure",
    ),
    S.STATE_CAPITAL: (
        STATE_CAPITAL, "国有资本经营预算拨款支出", "state_capital.expenditure", "state_capital",
        "State capital operation budget appropriation expenditure",
    ),
}


def extract(doc: SourceDocument) -> Iterator[FiscalFigure]:
    for chapter, (pattern, what, key, fund, english) in BUDGETS.items():
        paragraphs = section(doc, S.ACCOUNTS, chapter)
        stated_none = _find_none(paragraphs, NONE_PATTERNS[fund], pattern)
        if stated_none:
            paragraph, match = stated_none
            figure = fiscal_figure(
                doc, key, paragraph, "0万元", clause_around(paragraph.text, *match.span()),
                flow="expenditure", fund=fund, category="expenditure_total", item="total",
                label_zh=f"{match.group('name')}支出", label_en=english,
            )
            yield dataclasses.replace(figure, amount_as_published=NONE_STATED, unit_as_published=None,
                                      amount_note=NONE_NOTE)
            continue
        paragraph, match = find(doc, paragraphs, pattern, what)
        yield from _fund_lines(doc, paragraph, match.end(), fund)
        yield fiscal_figure(
            doc, key, paragraph, match.group("amount"),
            clause_around(paragraph.text, *match.span("amount")),
            flow="expenditure", fund=fund, category="expenditure_total", item="total",
            label_zh=match.group("name"), label_en=english,
        )


def _fund_lines(doc: SourceDocument, paragraph, start: int, fund: str) -> Iterator[FiscalFigure]:
    """The 类/款/项 the fund's spending went to, each a figure with its functional code."""
    for line in FUND_LINE.finditer(paragraph.text, start):
        names = (line.group("class"), line.group("section"), line.group("item"))
        code = functional_code(*names)
        if code is None:
            raise doc.error(f"no functional code for {'/'.join(n.strip() for n in names)}", paragraph)
        yield fiscal_figure(
            doc, f"{fund}.functional.{code.code}", paragraph, line.group("amount"), line.group(0).strip(),
            flow="expenditure", fund=fund, category="expenditure_by_function", item=code.code,
            label_zh="/".join(n.strip() for n in names), label_en=code.name_en,
            classification_id=code.classification_id,
        )


def _find_none(paragraphs, none_pattern: re.Pattern, amount_pattern: re.Pattern):
    """(paragraph, match) of a sentence saying there was none, unless an amount is stated."""
    for paragraph in paragraphs:
        if amount_pattern.search(paragraph.text):
            return None
        match = none_pattern.search(paragraph.text)
        if match:
            return paragraph, match
    return None

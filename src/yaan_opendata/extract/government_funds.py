"""决算情况说明 八 and 九: government fund and state capital budget expenditure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import FiscalFigure
from ..source import SourceDocument
from . import sections as S
from .clauses import MONEY_LITERAL, clause_around
from .common import find, fiscal_figure, section

# 八: "2020年政府性基金预算拨款支出0万元。"
GOVERNMENT_FUND = re.compile(rf"(?P<name>政府性基金预算(?:财政)?拨款支出)(?P<amount>{MONEY_LITERAL})")
# 九: "2020年国有资本经营预算拨款支出0万元。"
STATE_CAPITAL = re.compile(rf"(?P<name>国有资本经营预算(?:财政)?拨款支出)(?P<amount>{MONEY_LITERAL})")

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
        paragraph, match = find(doc, section(doc, S.ACCOUNTS, chapter), pattern, what)
        yield fiscal_figure(
            doc, key, paragraph, match.group("amount"),
            clause_around(paragraph.text, *match.span("amount")),
            flow="expenditure", fund=fund, category="expenditure_total", item="total",
            label_zh=match.group("name"), label_en=english,
        )

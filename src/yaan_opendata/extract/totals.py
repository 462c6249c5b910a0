"""决算情况说明 一 to 四: grand totals, income by source, expenditure by type,
and the fiscal-appropriation grand totals, with their shares and changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..codelists import FUND_LABELS
from ..model import FigureComparison, FiscalFigure, Paragraph
from ..source import SourceDocument
from . import sections as S
from .clauses import (
    MONEY_LITERAL,
    PCT,
    SHARE_OF,
    clause_around,
    growth_rate,
    is_decrease,
    stated_reason,
    yoy_change,
)
from .common import comparison, figure_id, find, fiscal_figure, section

# 二: income sources as the template names them → fund code.
INCOME_SOURCES = {
    "财政拨款收入": "fiscal_appropriation",  # some departments state it, split in brackets after it
    "一般公共预算财政拨款收入": "general_public_budget",
    "政府性基金预算财政拨款收入": "government_fund",
    "国有资本经营预算财政拨款收入": "state_capital",
    "上级补助收入": "superior_subsidy",
    "事业收入": "public_institution_income",
    "经营收入": "operating_income",
    "附属单位上缴收入": "affiliated_remittance",
    "其他收入": "other_income",
}
# 三: expenditure types as the template names them → (key, English label).
EXPENDITURE_TYPES = {
    "基本支出": ("basic", "Basic expenditure"),
    "项目支出": ("project", "Project expenditure"),
    "上缴上级支出": ("remit_to_superior", "Remittance to the higher level"),
    "经营支出": ("operating", "Operating expenditure"),
    "对附属单位补助支出": ("subsidy_to_affiliated", "Subsidies to affiliated units"),
}

# 一: "2020年度收、支总计3351.34万元。与2019年相比,收、支总计各增加555.11万元,增长19.85%。
#      主要变动原因是2020年基本支出增加52.22万元、项目支出增加502.89万元。"
# Other departments state the two sides apart: "2020年度收入总计4728.57万元、支出总计4728.57万元。"
_EACH_SIDE = rf"收入总计(?P<revenue>{MONEY_LITERAL})[、,;和及]\s*(?:\d{{4}}年度?)?(?:财政拨款)?支出总计(?P<expenditure>{MONEY_LITERAL})"
GRAND_TOTAL = re.compile(rf"(?<!财政拨款)(?:(?P<name>收、支总计)(?P<amount>{MONEY_LITERAL})|(?<!财政拨款){_EACH_SIDE})")
# 四: "2020年财政拨款收、支总计3112.33万元。与2019年相比,财政拨款收、支总计各增加555.2万元,
#      增长21.71%。主要变动原因是主要为本年人员经费增加、…等。"
FISCAL_GRAND_TOTAL = re.compile(rf"(?P<name>财政拨款收、支总计)(?P<amount>{MONEY_LITERAL})|财政拨款{_EACH_SIDE}")
# An amount named in 一's reason: "基本支出增加52.22万元" / "项目支出增加502.89万元"
REASON_CHANGE = re.compile(
    rf"(?P<name>{'|'.join(EXPENDITURE_TYPES)})(?P<direction>增加|减少)(?P<amount>{MONEY_LITERAL})"
)
# 二: "2020年本年收入合计1942.17万元,其中:一般公共预算财政拨款收入1941.49万元,占99.96%;…"
INCOME_TOTAL = re.compile(rf"(?P<name>本年收入合计)(?P<amount>{MONEY_LITERAL})")
# 三: "2020年本年支出合计2517.18万元,其中:基本支出528.91万元,占21.01%;…"
EXPENDITURE_TOTAL = re.compile(rf"(?P<name>本年支出合计)(?P<amount>{MONEY_LITERAL})")
# A part and its share of the total: "其他收入0.67万元,占0.04%" / "项目支出1988.27万元,占78.99%"
PART_WITH_SHARE = re.compile(rf"(?P<name>[^,,;;::]+?)(?P<amount>{MONEY_LITERAL}){SHARE_OF}(?P<share>{PCT})")

# Many departments say what the totals are made of, between the totals and the change:
# "其中,本年收入合计4142.20万元,年初结转和结余586.37万元;本年支出合计4305.44万元,结余分配0万元,
#  年末结转和结余423.13万元。" (四: "本年财政拨款收入…,年初财政拨款结转和结余…")
# → (key, flow, category, label, English label)
COMPOSITION = (
    (re.compile(rf"本年(?:财政拨款)?收入(?:合计)?(?P<amount>{MONEY_LITERAL})"),
     "income", "revenue", "income_total", "本年收入", "income of the year"),
    (re.compile(rf"年初(?:财政拨款)?结转和结余(?P<amount>{MONEY_LITERAL})"),
     "opening_balance", "revenue", "carry_over", "年初结转和结余", "opening carry-over and balance"),
    (re.compile(rf"本年(?:财政拨款)?支出(?:合计)?(?P<amount>{MONEY_LITERAL})"),
     "expenditure", "expenditure", "expenditure_total", "本年支出", "expenditure of the year"),
    (re.compile(rf"结余分配(?P<amount>{MONEY_LITERAL})"),
     "distribution", "expenditure", "carry_over", "结余分配", "distribution of the balance"),
    (re.compile(rf"年末(?:财政拨款)?结转和结余(?P<amount>{MONEY_LITERAL})"),
     "closing_balance", "expenditure", "carry_over", "年末结转和结余", "closing carry-over and balance"),
)

# 四 may split the year's fiscal income by budget, in brackets after it:
# "本年财政拨款收入5073.20万元(一般公共预算财政拨款3468.20万元、政府性基金预算财政拨款1520.00万元、…)"
BRACKETED = re.compile(r"\s*[((](?P<inner>[^))]*)[))]")
INCOME_BY_BUDGET = re.compile(
    rf"(?P<name>一般公共预算|政府性基金预算|国有资本经营预算)(?:财政)?拨款(?:收入)?(?P<amount>{MONEY_LITERAL})"
)
BUDGET_FUNDS = {"一般公共预算": "general_public_budget", "政府性基金预算": "government_fund", "国有资本经营预算": "state_capital"}

# …and the reason may name how those parts changed:
# "主要变动原因是本年收入增加306.57万元、年初结转和结余增加79.64万元" (四: 本年财政拨款收入, 年初财政拨款结转和结余)
PART_REASON_CHANGE = re.compile(
    rf"(?P<name>本年(?:财政拨款)?收入|年初(?:财政拨款)?结转和结余)(?P<direction>增加|减少)(?P<amount>{MONEY_LITERAL})"
)

# Suffix of the comparisons read from 一's reason, so they do not collide with
# comparisons another section may publish for the same figure.
REASON_SUFFIX = ".grand_total_reason"

Record = FiscalFigure | FigureComparison


def extract(doc: SourceDocument) -> Iterator[Record]:
    grand_paragraphs = section(doc, S.ACCOUNTS, S.GRAND_TOTALS)
    yield from _grand_totals(doc, grand_paragraphs, GRAND_TOTAL, key_prefix="", fund="all_funds")
    yield from _income(doc, section(doc, S.ACCOUNTS, S.INCOME))
    expenditure = list(_expenditure(doc, section(doc, S.ACCOUNTS, S.EXPENDITURE)))
    yield from expenditure
    yield from _reason_changes(doc, grand_paragraphs, expenditure)
    yield from _grand_totals(
        doc, section(doc, S.ACCOUNTS, S.FISCAL_APPROPRIATION), FISCAL_GRAND_TOTAL,
        key_prefix="fiscal_appropriation.", fund="fiscal_appropriation",
    )


def _grand_totals(
    doc: SourceDocument,
    paragraphs: list[Paragraph],
    pattern: re.Pattern,
    *,
    key_prefix: str,
    fund: str,
) -> Iterator[Record]:
    """One sentence states both totals ('收、支总计', or '收入总计…、支出总计…'):
    a revenue and an expenditure figure."""
    paragraph, match = find(doc, paragraphs, pattern, "收、支总计")
    rest = paragraph.text[match.end():]
    reason = stated_reason(doc, paragraph, rest)
    prefix = "财政拨款" if fund == "fiscal_appropriation" else ""
    english = "Fiscal appropriation grand total" if fund == "fiscal_appropriation" else "Grand total"
    for flow, side_zh in (("revenue", "收入总计"), ("expenditure", "支出总计")):
        group = "amount" if match.group("amount") else flow
        figure = fiscal_figure(
            doc, f"{key_prefix}grand_total.{flow}", paragraph, match.group(group),
            clause_around(paragraph.text, *match.span()) if group == "amount"
            else clause_around(paragraph.text, *match.span(group), breaks="、,;。"),
            flow=flow, fund=fund, category="grand_total", item=flow,
            label_zh=f"{prefix}{side_zh}", label_en=f"{english} of {flow}",
        )
        yield figure
        yield yoy_change(doc, figure, paragraph, rest, reason=reason)
        yield growth_rate(doc, figure, paragraph, rest, reason=reason)
    later = paragraphs[paragraphs.index(paragraph) + 1:]
    parts = list(_composition(doc, [(paragraph, match.end())] + [(p, 0) for p in later], key_prefix=key_prefix, fund=fund))
    yield from parts
    yield from _part_reason_changes(doc, paragraph, reason, parts)


def _part_reason_changes(doc, paragraph: Paragraph, reason: str, parts: list[FiscalFigure]):
    """The changes of the totals' parts that the reason names, on the parts stated."""
    by_key = {f.item.removeprefix("grand_total."): f for f in parts}
    for match in PART_REASON_CHANGE.finditer(reason):
        figure = by_key.get("income" if "收入" in match.group("name") else "opening_balance")
        if figure is None:
            continue  # a part the chapter does not state: the amount stays listed as unread
        yield comparison(
            doc, figure, "yoy_change", paragraph, match.group("amount"), match.group(0),
            negative=is_decrease(doc, paragraph, match, "amount"), suffix=REASON_SUFFIX,
        )


def _composition(doc: SourceDocument, places: list[tuple[Paragraph, int]], *, key_prefix: str, fund: str):
    """The parts of the totals, where the chapter states them (after the totals, in the
    same sentence or a later one: "其中:本年收入合计…" / "收入总计中,本年收入合计…")."""
    prefix = "财政拨款" if fund == "fiscal_appropriation" else ""
    for pattern, key, flow, category, label_zh, label_en in COMPOSITION:
        found = next(((p, m) for p, start in places if (m := pattern.search(p.text, start))), None)
        if found is None:
            continue
        paragraph, match = found
        yield fiscal_figure(
            doc, f"{key_prefix}grand_total.parts.{key}", paragraph, match.group("amount"),
            clause_around(paragraph.text, *match.span()),
            flow=flow, fund=fund, category=category, item=f"grand_total.{key}",
            label_zh=f"{prefix}收支总计构成:{label_zh}", label_en=f"Grand total, made of: {label_en}",
        )
        if key == "income" and fund == "fiscal_appropriation":
            yield from _income_by_budget(doc, paragraph, match.end(), key_prefix)


def _bracketed_budgets(paragraph: Paragraph, start: int) -> Iterator[tuple[str, re.Match]]:
    """(fund, match) of each budget named in the brackets right after ``start``, if any."""
    bracket = BRACKETED.match(paragraph.text, start)
    for part in INCOME_BY_BUDGET.finditer(bracket.group("inner")) if bracket else ():
        yield BUDGET_FUNDS[part.group("name")], part


def _income_by_budget(doc: SourceDocument, paragraph: Paragraph, start: int, key_prefix: str):
    """The bracketed split of the year's fiscal income by budget (四), where printed."""
    for budget, part in _bracketed_budgets(paragraph, start):
        yield fiscal_figure(
            doc, f"{key_prefix}grand_total.parts.income.{budget}", paragraph, part.group("amount"), part.group(0),
            flow="revenue", fund=budget, category="income_by_source", item=f"grand_total.income.{budget}",
            label_zh=f"财政拨款收支总计构成:本年{part.group('name')}财政拨款收入",
            label_en=f"Grand total, made of: income of the year, {FUND_LABELS[budget][1]}",
        )


def _income(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    paragraph, match = find(doc, paragraphs, INCOME_TOTAL, "本年收入合计")
    total = fiscal_figure(
        doc, "income.total", paragraph, match.group("amount"),
        clause_around(paragraph.text, *match.span()),
        flow="revenue", fund="all_funds", category="income_total", item="total",
        label_zh=match.group("name"), label_en="Total income of the year",
    )
    yield total
    for part in _parts(doc, paragraph, match.end()):
        name = part.group("name")
        fund = INCOME_SOURCES.get(name)
        if fund is None:
            expected = ", ".join(INCOME_SOURCES)
            raise doc.error(f"unknown income source '{name}' (expected one of {expected})", paragraph)
        figure = fiscal_figure(
            doc, f"income.{fund}", paragraph, part.group("amount"), part.group(0),
            flow="revenue", fund=fund, category="income_by_source", item=fund,
            label_zh=name, label_en=f"Income: {FUND_LABELS[fund][1]}",
        )
        yield figure
        yield _share(doc, figure, paragraph, part, total, match.group("name"))
        if fund == "fiscal_appropriation":
            yield from _fiscal_income_split(doc, paragraph, part.end())


def _fiscal_income_split(doc: SourceDocument, paragraph: Paragraph, start: int) -> Iterator[FiscalFigure]:
    """二: "财政拨款收入3510.62万元,占99.93%(其中:一般公共预算财政拨款收入3190.62万元,…)"."""
    for fund, part in _bracketed_budgets(paragraph, start):
        yield fiscal_figure(
            doc, f"income.{fund}", paragraph, part.group("amount"), part.group(0),
            flow="revenue", fund=fund, category="income_by_source", item=fund,
            label_zh=f"{part.group('name')}财政拨款收入", label_en=f"Income: {FUND_LABELS[fund][1]}",
        )


def _expenditure(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    paragraph, match = find(doc, paragraphs, EXPENDITURE_TOTAL, "本年支出合计")
    total = fiscal_figure(
        doc, "expenditure.total", paragraph, match.group("amount"),
        clause_around(paragraph.text, *match.span()),
        flow="expenditure", fund="all_funds", category="expenditure_total", item="total",
        label_zh=match.group("name"), label_en="Total expenditure of the year",
    )
    yield total
    for part in _parts(doc, paragraph, match.end()):
        name = part.group("name")
        if name not in EXPENDITURE_TYPES:
            expected = ", ".join(EXPENDITURE_TYPES)
            raise doc.error(f"unknown expenditure type '{name}' (expected one of {expected})", paragraph)
        key, english = EXPENDITURE_TYPES[name]
        figure = fiscal_figure(
            doc, f"expenditure.{key}", paragraph, part.group("amount"), part.group(0),
            flow="expenditure", fund="all_funds", category="expenditure_by_type", item=key,
            label_zh=name, label_en=english,
        )
        yield figure
        yield _share(doc, figure, paragraph, part, total, match.group("name"))


def _parts(doc: SourceDocument, paragraph: Paragraph, start: int) -> list[re.Match]:
    parts = list(PART_WITH_SHARE.finditer(paragraph.text, start))
    if not parts:
        raise doc.error("no '…万元,占…%' parts after the total", paragraph)
    return parts


def _share(doc, figure, paragraph, part: re.Match, total, base_label: str) -> FigureComparison:
    return comparison(
        doc, figure, "share", paragraph, part.group("share"), part.group(0),
        base_figure_id=total.figure_id, base_label=base_label,
    )


def _reason_changes(
    doc: SourceDocument, paragraphs: list[Paragraph], expenditure: list[Record]
) -> Iterator[FigureComparison]:
    """Changes of basic / project expenditure that 一 names as the reason of its change."""
    paragraph, _ = find(doc, paragraphs, GRAND_TOTAL, "收、支总计")
    figures = {r.figure_id: r for r in expenditure if isinstance(r, FiscalFigure)}
    for match in REASON_CHANGE.finditer(stated_reason(doc, paragraph, paragraph.text)):
        key, _ = EXPENDITURE_TYPES[match.group("name")]
        figure = figures.get(figure_id(doc, f"expenditure.{key}"))
        if figure is None:
            name = match.group("name")
            raise doc.error(f"the reason names '{name}' but section 三 does not state it", paragraph)
        yield comparison(
            doc, figure, "yoy_change", paragraph, match.group("amount"), match.group(0),
            negative=is_decrease(doc, paragraph, match, "amount"), suffix=REASON_SUFFIX,
        )

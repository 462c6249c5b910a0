"""Parts sum to their total: income sources, expenditure types, the functional
类 and 项, personnel + routine costs, the 三公 parts and the reception detail,
procurement, the fiscal funds balance (年初结转 + 本年收入 = 收支总计 = 本年支出 +
年末结转) and the project tables' funding lines.

Each identity is data: a total key and its parts, either listed (a missing one
makes the check not checkable) or a key pattern (whatever parts were published).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from .engine import (
    CNY,
    NOT_CHECKABLE,
    YUAN_PER_WANYUAN,
    Finding,
    Rule,
    figure_input,
    figure_yuan,
    money_status,
    reception_input,
)
from .records import Records


@dataclass(frozen=True)
class Identity:
    rule: Rule
    total: str
    parts: tuple[str, ...] = ()  # listed keys: each must be published
    pattern: str | None = None  # or: every key matching this pattern is a part
    optional: tuple[str, ...] = ()  # listed keys that count when published (结余分配)


def _rule(name: str, zh: str, en: str) -> Rule:
    return Rule(f"sums.{name}", zh, en)


_TOTAL_INCOME = _rule("income_sources", "本年收入合计等于各来源收入之和", "Total income equals the sum of income by source")
_TOTAL_EXPENDITURE = _rule(
    "expenditure_types", "本年支出合计等于基本支出、项目支出等各类支出之和",
    "Total expenditure equals basic + project + the other expenditure types",
)
_CLASSES = _rule(
    "functional_classes", "一般公共预算财政拨款支出等于各功能分类“类”之和",
    "General public budget expenditure equals the sum of its functional classes (类)",
)
_ITEMS = _rule(
    "functional_items", "一般公共预算支出决算数等于各“项”级科目之和",
    "General public budget expenditure equals the sum of its functional items (项)",
)
_CLASS_ITEMS = _rule(
    "functional_class_items", "每个“类”的支出等于其下各“项”之和",
    "Each functional class (类) equals the sum of its items (项)",
)

IDENTITIES: tuple[Identity, ...] = (
    # Income by source; where 财政拨款收入 is stated as one source, its split by budget is not
    # a source of its own (sums.fiscal_income_sources checks the split).
    Identity(_TOTAL_INCOME, "income.total", pattern=r"income\.(?!total$)[a-z_]+"),
    Identity(
        _TOTAL_EXPENDITURE, "expenditure.total",
        pattern=r"expenditure\.(basic|project|remit_to_superior|operating|subsidy_to_affiliated)",
    ),
    Identity(_CLASSES, "general_public_budget.expenditure.structure", pattern=r"functional\.\d{3}"),
    Identity(_ITEMS, "general_public_budget.expenditure.detail", pattern=r"functional\.\d{7}"),
    Identity(
        _rule("annex1_functional_items", "附件1中一般公共预算支出决算数等于各“项”之和",
              "Annex 1: general public budget expenditure equals the sum of its items (项)"),
        "annex1.general_public_budget.expenditure.detail", pattern=r"annex1\.functional\.\d{7}",
    ),
    Identity(
        _rule("basic_economic", "基本支出等于人员经费与日常公用经费之和",
              "Basic expenditure equals personnel costs plus routine operating costs"),
        "general_public_budget.basic",
        ("general_public_budget.basic.personnel", "general_public_budget.basic.public"),
    ),
    Identity(
        _rule("three_public", "“三公”经费等于因公出国(境)费、公务用车购置及运行维护费与公务接待费之和",
              "'Three public' expenses equal overseas travel + official vehicles + official reception"),
        "three_public.total",
        ("three_public.overseas", "three_public.vehicles", "three_public.reception"),
    ),
    Identity(
        _rule("vehicles", "公务用车购置及运行维护费等于购置费与运行维护费之和",
              "Official vehicle costs equal purchase plus operation and maintenance"),
        "three_public.vehicles.detail",
        ("three_public.vehicle_purchase", "three_public.vehicle_operation"),
    ),
    Identity(
        _rule("vehicle_purchase", "公务用车购置费等于轿车、越野车与载客汽车购置金额之和",
              "Vehicle purchase equals the amounts for sedans, off-road vehicles and buses"),
        "three_public.vehicle_purchase",
        ("three_public.vehicle_purchase.sedan", "three_public.vehicle_purchase.suv", "three_public.vehicle_purchase.bus"),
    ),
    Identity(
        _rule("reception", "公务接待费等于国内公务接待费与外事接待费之和",
              "Official reception equals domestic plus foreign reception"),
        "three_public.reception.detail",
        ("three_public.reception.domestic", "three_public.reception.foreign"),
    ),
    Identity(
        _rule("procurement", "政府采购支出总额等于货物、工程与服务采购之和",
              "Procurement equals goods + works + services"),
        "procurement.total",
        ("procurement.goods", "procurement.works", "procurement.services"),
    ),
    Identity(
        _rule("fiscal_funds_revenue", "财政拨款收支总计等于年初财政拨款结转和结余加本年收入",
              "Fiscal appropriation grand total equals opening carry-over plus income of the year"),
        "fiscal_appropriation.grand_total.revenue",
        ("annex1.carry_over.opening", "annex1.income"),
    ),
    Identity(
        _rule("fiscal_funds_expenditure", "财政拨款收支总计等于本年支出加年末财政拨款结转和结余",
              "Fiscal appropriation grand total equals expenditure of the year plus closing carry-over"),
        "fiscal_appropriation.grand_total.expenditure",
        ("annex1.expenditure", "annex1.carry_over.closing"),
    ),
    Identity(
        _rule("annex1_fiscal_funds_revenue", "附件1:部门财政资金收入等于本年收入加年初结转和结余",
              "Annex 1: fiscal funds revenue equals income of the year plus opening carry-over"),
        "annex1.fiscal_funds.revenue",
        ("annex1.income", "annex1.carry_over.opening"),
    ),
    Identity(
        _rule("annex1_fiscal_funds_expenditure", "附件1:部门财政资金支出等于本年支出加年末结转和结余",
              "Annex 1: fiscal funds expenditure equals expenditure of the year plus closing carry-over"),
        "annex1.fiscal_funds.expenditure",
        ("annex1.expenditure", "annex1.carry_over.closing"),
    ),
    Identity(
        _rule("grand_total_revenue_parts", "收入总计等于本年收入合计加年初结转和结余(原文列明时)",
              "Revenue grand total equals income of the year plus opening carry-over (where stated)"),
        "grand_total.revenue", ("grand_total.parts.income", "grand_total.parts.opening_balance"),
    ),
    Identity(
        _rule("grand_total_expenditure_parts", "支出总计等于本年支出合计、结余分配与年末结转和结余之和(原文列明时)",
              "Expenditure grand total equals expenditure of the year, distribution and closing carry-over (where stated)"),
        "grand_total.expenditure", ("grand_total.parts.expenditure", "grand_total.parts.closing_balance"),
        optional=("grand_total.parts.distribution",),
    ),
    Identity(
        _rule("fiscal_grand_total_revenue_parts", "财政拨款收入总计等于本年财政拨款收入加年初财政拨款结转和结余(原文列明时)",
              "Fiscal appropriation revenue grand total equals income plus opening carry-over (where stated)"),
        "fiscal_appropriation.grand_total.revenue",
        ("fiscal_appropriation.grand_total.parts.income", "fiscal_appropriation.grand_total.parts.opening_balance"),
    ),
    Identity(
        _rule("fiscal_grand_total_expenditure_parts", "财政拨款支出总计等于本年财政拨款支出加年末财政拨款结转和结余(原文列明时)",
              "Fiscal appropriation expenditure grand total equals expenditure plus closing carry-over (where stated)"),
        "fiscal_appropriation.grand_total.expenditure",
        ("fiscal_appropriation.grand_total.parts.expenditure", "fiscal_appropriation.grand_total.parts.closing_balance"),
    ),
    Identity(
        _rule("annex1_expenditure", "附件1:本年支出等于基本支出与项目支出之和",
              "Annex 1: expenditure of the year equals basic plus project expenditure"),
        "annex1.expenditure",
        ("annex1.expenditure.basic", "annex1.expenditure.project"),
    ),
)

_INCOME_BY_BUDGET = _rule(
    "fiscal_income_by_budget", "本年财政拨款收入等于其所列各预算拨款之和(原文列明时)",
    "Fiscal income of the year equals the budgets it is split into (where split)",
)
_FISCAL_INCOME_SOURCES = _rule(
    "fiscal_income_sources", "财政拨款收入等于一般公共预算、政府性基金与国有资本经营预算财政拨款收入之和(原文分列时)",
    "Fiscal appropriation income equals its general budget, government fund and state capital parts (where split)",
)
_FUND_ITEMS = _rule(
    "fund_items", "政府性基金、国有资本经营预算拨款支出等于其所列“项”之和(原文列明时)",
    "Government fund / state capital expenditure equals the sum of the items (项) it lists (where listed)",
)
_PROJECT_FUNDS = _rule(
    "project_funds", "绩效目标完成情况表中预算数/执行数等于财政拨款与其它资金之和",
    "In a project's performance table, budget / executed equal fiscal appropriation plus other funds",
)

_RECEPTION_EVENTS = _rule(
    "reception_events", "国内公务接待费等于接待明细金额之和(明细以元计,合计以万元计)",
    "Domestic reception equals the sum of the itemized receptions (items in 元, total in 万元)",
)
# The total the list is summed up to ("共计支出0.91万元"), else the domestic reception line.
RECEPTION_TOTALS = ("three_public.reception.domestic.listed", "three_public.reception.domestic")

RULES = tuple(i.rule for i in IDENTITIES) + (
    _CLASS_ITEMS, _INCOME_BY_BUDGET, _FISCAL_INCOME_SOURCES, _FUND_ITEMS, _PROJECT_FUNDS, _RECEPTION_EVENTS,
)


def check(records: Records) -> Iterator[Finding]:
    for identity in IDENTITIES:
        yield _check_identity(records, identity, "")
    # 每个类 = Σ 其下各项: the class's code opens each item's code.
    for key in records.figure_keys(r"functional\.\d{3}"):
        code = key.rsplit(".", 1)[1]
        yield _check_identity(records, Identity(_CLASS_ITEMS, key, pattern=rf"functional\.{code}\d{{4}}"), code)
    split = r"fiscal_appropriation\.grand_total\.parts\.income\.[a-z_]+"
    if records.figure_keys(split):  # only where the split is printed
        yield _check_identity(
            records, Identity(_INCOME_BY_BUDGET, "fiscal_appropriation.grand_total.parts.income", pattern=split), "",
        )
    split = tuple(k for k in _BUDGET_INCOME if records.figure(k) is not None)
    if records.figure("income.fiscal_appropriation") is not None and split:
        yield _check_identity(records, Identity(_FISCAL_INCOME_SOURCES, "income.fiscal_appropriation", split), "")
    for fund in ("government_fund", "state_capital"):
        if records.figure_keys(rf"{fund}\.functional\.\d{{7}}"):  # only where the items are listed
            identity = Identity(_FUND_ITEMS, f"{fund}.expenditure", pattern=rf"{fund}\.functional\.\d{{7}}")
            yield _check_identity(records, identity, fund)
    for key in records.figure_keys(r"project\.\d+\.table\.(budget|executed)"):
        subject = key.replace(".table", "")  # 'project.1.budget'
        yield _check_identity(
            records, Identity(_PROJECT_FUNDS, key, (f"{key}.fiscal_appropriation", f"{key}.other_funds")), subject,
        )
    if records.disclosure.reception_events:
        yield _reception_events(records)


_BUDGET_INCOME = ("income.general_public_budget", "income.government_fund", "income.state_capital")


def _check_identity(records: Records, identity: Identity, subject: str) -> Finding:
    parts = identity.parts or tuple(records.figure_keys(identity.pattern))
    if identity.rule is _TOTAL_INCOME and "income.fiscal_appropriation" in parts:
        parts = tuple(k for k in parts if k not in _BUDGET_INCOME)
    parts += tuple(k for k in identity.optional if records.figure(k) is not None)
    return money_sum(records, identity.rule, subject, identity.total, parts)


def money_sum(records: Records, rule: Rule, subject: str, total_key: str, part_keys: tuple[str, ...]) -> Finding:
    """The published total against the sum of its published parts."""
    total = records.figure(total_key)
    parts = [records.figure(k) for k in part_keys]
    inputs = ([figure_input(total, "total")] if total else []) + [figure_input(p, "part") for p in parts if p]
    missing = [k for k, f in zip((total_key, *part_keys), (total, *parts)) if f is None]
    description = {"description_zh": rule.title_zh, "description_en": rule.title_en}
    if missing or not part_keys:
        reason = "no parts published" if not part_keys else "not published: " + ", ".join(missing)
        return Finding(rule, subject, NOT_CHECKABLE, inputs=tuple(inputs), note=reason, **description)
    values = [figure_yuan(f) for f in (total, *parts)]
    if any(v is None for v, _ in values):
        unreadable = [f.amount_as_published for f, (v, _) in zip((total, *parts), values) if v is None]
        return Finding(rule, subject, NOT_CHECKABLE, inputs=tuple(inputs), note=f"unreadable amount: {unreadable}", **description)
    observed, expected = values[0][0], sum((v for v, _ in values[1:]), Decimal(0))
    status, difference, tolerance = money_status(expected, observed)
    notes = [note for _, note in values if note]
    corrected = _with_corrections(total, parts, expected, observed)
    if corrected:
        notes.append(corrected)
    return Finding(
        rule, subject, status, inputs=tuple(inputs), expected=expected, observed=observed,
        difference=difference, tolerance=tolerance, unit=CNY, figure_id=total.figure_id,
        paragraph_id=total.paragraph_id, note="; ".join(notes) or None, **description,
    )


def _with_corrections(total, parts, expected: Decimal, observed: Decimal) -> str | None:
    """What the identity gives when a part's published corrected amount replaces it (never silently)."""
    corrected = [p for p in parts if p.amount_corrected_yuan is not None]
    if total.amount_corrected_yuan is not None:
        observed = Decimal(total.amount_corrected_yuan)
    if not corrected and total.amount_corrected_yuan is None:
        return None
    for part in corrected:
        published, _ = figure_yuan(part)
        expected += Decimal(part.amount_corrected_yuan) - published
    status, _, _ = money_status(expected, observed)
    names = ", ".join(f.figure_id for f in [total, *corrected] if f.amount_corrected_yuan is not None)
    return (
        f"with the corrected amount of {names} (amount_corrected_yuan) the sum is "
        f"{_wanyuan(expected)} against {_wanyuan(observed)}: {status}"
    )


def _wanyuan(yuan: Decimal) -> str:
    return f"{yuan / YUAN_PER_WANYUAN:f}万元"



def _reception_events(records: Records) -> Finding:
    events = records.disclosure.reception_events
    parts = tuple(reception_input(e, "part") for e in events)
    total = next((records.figure(k) for k in RECEPTION_TOTALS if records.figure(k)), None)
    rule = _RECEPTION_EVENTS
    if total is None:
        return Finding(rule, "", NOT_CHECKABLE, rule.title_zh, rule.title_en, inputs=parts,
                       note="not published: " + " or ".join(RECEPTION_TOTALS))
    observed, note = figure_yuan(total)
    expected = sum((p.value for p in parts), Decimal(0))
    status, difference, tolerance = money_status(expected, observed)
    return Finding(
        rule, "", status, rule.title_zh, rule.title_en, inputs=(figure_input(total, "total"), *parts),
        expected=expected, observed=observed, difference=difference, tolerance=tolerance, unit=CNY,
        figure_id=total.figure_id, paragraph_id=total.paragraph_id, note=note,
    )

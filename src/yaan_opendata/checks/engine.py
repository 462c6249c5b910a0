"""The rule engine's vocabulary: a rule, the inputs it reads, the finding it makes.

A rule family (one module of ``checks/``) turns the records of a disclosure
into ``Finding``s. Each finding names its rule, the records it read (with the
value and the quote taken from each), the value the identity predicts
(``expected``), the value as published (``observed``) and a status decided by
the published rounding:

- money: exact to the yuan is ``pass``; within 0.01 万元 (100 yuan), the
  rounding unit of the template, is ``rounding``; more is ``fail``;
- percentages: the recomputed value rounded half-up to the published digits
  equals the published value is ``pass``; within one unit of the last
  published digit is ``rounding``; more is ``fail``;
- counts: exact or ``fail``.

A missing input is ``not_checkable`` and a zero base ``undefined``: findings
too, never a crash and never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..errors import SourceError
from ..model import (
    ConsistencyCheck,
    ConsistencyCheckInput,
    FigureComparison,
    FiscalFigure,
    Paragraph,
    PerformanceIndicator,
    ReceptionEvent,
    Schedule,
    SelfEvaluationScore,
    Staffing,
    WorkMetric,
)
from ..numbers import YUAN_PER_UNIT, NumberFormatError, parse_money

PASS, ROUNDING, FAIL = "pass", "rounding", "fail"
NOT_CHECKABLE, UNDEFINED = "not_checkable", "undefined"

MONEY_TOLERANCE = Decimal(100)  # 0.01 万元, the last digit the template prints
YUAN_PER_WANYUAN = YUAN_PER_UNIT["万元"]
CNY, PERCENT = "CNY", "%"
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Rule:
    """A rule: its id (family.name) and what it asserts, in Chinese and English."""

    rule_id: str
    title_zh: str
    title_en: str

    @property
    def family(self) -> str:
        return self.rule_id.split(".", 1)[0]


@dataclass(frozen=True)
class Input:
    """One record a check read, the value it took and the quote it came from."""

    table: str
    record_id: str
    role: str
    value: Decimal | None
    unit: str | None
    literal: str
    paragraph_id: str | None
    figure_id: str | None = None


@dataclass(frozen=True)
class Finding:
    rule: Rule
    subject: str  # makes the check id unique when a rule applies several times
    status: str
    description_zh: str
    description_en: str
    inputs: tuple[Input, ...] = ()
    expected: Decimal | None = None
    observed: Decimal | None = None
    difference: Decimal | None = None
    tolerance: Decimal | None = None
    unit: str | None = None
    figure_id: str | None = None
    paragraph_id: str | None = None
    note: str | None = None


# --- statuses -------------------------------------------------------------


def money_status(expected: Decimal, observed: Decimal) -> tuple[str, Decimal, Decimal]:
    """Status, difference (observed − expected) and tolerance of two yuan amounts."""
    difference = observed - expected
    if difference == 0:
        return PASS, difference, MONEY_TOLERANCE
    return (ROUNDING if abs(difference) <= MONEY_TOLERANCE else FAIL), difference, MONEY_TOLERANCE


def last_digit_unit(published: Decimal) -> Decimal:
    """One unit of the last printed digit: 0.01 for '19.85', 1 for '100', 10 000 for '20万' (2.0E+5)."""
    return Decimal(1).scaleb(published.as_tuple().exponent)


def percent_status(expected: Decimal, published: Decimal) -> tuple[str, Decimal, Decimal, Decimal]:
    """Status, shown expected, difference and tolerance of a recomputed vs a published percentage."""
    unit = last_digit_unit(published)
    shown = expected.quantize(unit / HUNDRED, ROUND_HALF_UP)  # two digits more than printed
    difference = (published - expected).quantize(unit / HUNDRED, ROUND_HALF_UP)
    if expected.quantize(unit, ROUND_HALF_UP) == published:
        return PASS, shown, difference, unit
    return (ROUNDING if abs(published - expected) <= unit else FAIL), shown, difference, unit


def precision_status(a: Decimal, b: Decimal) -> str:
    """Two statements of one value: equal, equal once the finer is rounded to the coarser, or not."""
    if a == b:
        return PASS
    coarse, fine = (a, b) if a.as_tuple().exponent > b.as_tuple().exponent else (b, a)
    if fine.quantize(last_digit_unit(coarse), ROUND_HALF_UP) == coarse:
        return ROUNDING
    return FAIL


def count_status(expected: Decimal, observed: Decimal) -> tuple[str, Decimal, Decimal]:
    difference = observed - expected
    return (PASS if difference == 0 else FAIL), difference, Decimal(0)


# --- values and inputs of each record type -----------------------------------


def figure_yuan(figure: FiscalFigure) -> tuple[Decimal | None, str | None]:
    """The figure's published value in yuan, and a note when it is not plain.

    A literal that is not a whole number of yuan ('1749.94元') is taken as
    printed; one printed without a unit ('2278.17') is read in the template's
    unit, 万元, and the units rule reports the missing unit.
    """
    if figure.amount_yuan is not None:
        return Decimal(figure.amount_yuan), None
    try:
        money = parse_money(figure.amount_as_published, unit_required=False)
    except NumberFormatError:
        return None, f"{figure.amount_as_published!r} is not an amount"
    if money.unit:
        return money.yuan, f"'{figure.amount_as_published}' taken as printed, in {money.unit}"
    return money.number * YUAN_PER_WANYUAN, f"'{figure.amount_as_published}' has no unit: read in 万元, the template's unit"


def figure_input(figure: FiscalFigure, role: str) -> Input:
    value, _ = figure_yuan(figure)
    return Input(
        "fiscal_figures", figure.figure_id, role, value, CNY,
        figure.literal, figure.paragraph_id, figure.figure_id,
    )


def comparison_input(comparison: FigureComparison, role: str) -> Input:
    return Input(
        "figure_comparisons", comparison.comparison_id, role, comparison.value, comparison.unit,
        comparison.literal, comparison.paragraph_id,
    )


def metric_input(metric: WorkMetric, role: str) -> Input:
    return Input(
        "work_metrics", metric.metric_id, role, metric.value, metric.unit,
        metric.literal, metric.paragraph_id,
    )


def indicator_input(indicator: PerformanceIndicator, role: str, *, target: bool = False) -> Input:
    if target:
        value, unit, text, paragraph_id = (
            indicator.target_value, indicator.target_unit, indicator.target_text, indicator.target_paragraph_id,
        )
    else:
        value, unit, text, paragraph_id = (
            indicator.actual_value, indicator.actual_unit, indicator.actual_text, indicator.actual_paragraph_id,
        )
    return Input(
        "performance_indicators", indicator.indicator_id, role, value, unit,
        f"{indicator.level3}: {text}", paragraph_id,
    )


def score_input(score: SelfEvaluationScore, role: str, value: Decimal | int | None) -> Input:
    return Input(
        "self_evaluation_scores", score.score_id, role,
        None if value is None else Decimal(value), "分",
        f"{score.level3} {score.max_score} {score.score}", score.paragraph_id,
    )


def reception_input(event: ReceptionEvent, role: str, *, batches: bool = False) -> Input:
    """A line of the reception detail: its amount in yuan, or its number of batches."""
    value, unit = (event.batches, "批次") if batches else (event.amount_yuan, CNY)
    return Input("reception_events", event.reception_id, role, Decimal(value), unit, event.literal, event.paragraph_id)


def staffing_input(staffing: Staffing, role: str, value: int | None) -> Input:
    return Input(
        "staffing", staffing.staffing_id, role, None if value is None else Decimal(value), "个",
        staffing.literal, staffing.paragraph_id,
    )


def paragraph_input(paragraph: Paragraph, role: str) -> Input:
    return Input("paragraphs", paragraph.paragraph_id, role, None, None, paragraph.text, paragraph.paragraph_id)


def schedule_input(schedule: Schedule, role: str) -> Input:
    return Input(
        "schedules", schedule.schedule_id, role, Decimal(schedule.number), None,
        schedule.title_zh, schedule.paragraph_id,
    )


# --- findings → published records ---------------------------------------------


def to_records(
    document_id: str, findings: list[Finding]
) -> tuple[tuple[ConsistencyCheck, ...], tuple[ConsistencyCheckInput, ...]]:
    """The ``consistency_checks`` rows and their ``consistency_check_inputs`` links."""
    checks, links = [], []
    seen: set[str] = set()
    for finding in findings:
        check_id = f"{document_id}.{finding.rule.rule_id}"
        if finding.subject:
            check_id += f".{finding.subject}"
        if check_id in seen:  # the same subject twice: a part of the text is repeated
            raise SourceError(document_id, f"the text states {finding.rule.rule_id} {finding.subject or ''} twice "
                              f"(check {check_id}): is a part of it repeated?")
        seen.add(check_id)
        first = finding.inputs[0] if finding.inputs else None
        checks.append(
            ConsistencyCheck(
                check_id=check_id,
                document_id=document_id,
                rule_id=finding.rule.rule_id,
                family=finding.rule.family,
                status=finding.status,
                description_zh=finding.description_zh,
                description_en=finding.description_en,
                expected=finding.expected,
                observed=finding.observed,
                difference=finding.difference,
                tolerance=finding.tolerance,
                unit=finding.unit,
                figure_id=finding.figure_id or (first.figure_id if first else None),
                paragraph_id=finding.paragraph_id or (first.paragraph_id if first else None),
                inputs=" ".join(i.record_id for i in finding.inputs) or None,
                note=finding.note,
            )
        )
        for position, item in enumerate(finding.inputs, start=1):
            links.append(
                ConsistencyCheckInput(
                    check_input_id=f"{check_id}.input{position}",
                    check_id=check_id,
                    position=position,
                    role=item.role,
                    input_table=item.table,
                    input_id=item.record_id,
                    figure_id=item.figure_id,
                    value=item.value,
                    unit=item.unit,
                    literal=item.literal,
                    paragraph_id=item.paragraph_id,
                )
            )
    return tuple(checks), tuple(links)

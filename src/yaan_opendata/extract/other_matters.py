"""决算情况说明 十(一)–(三): running costs of the organ, government procurement
and state-owned assets (vehicles and large equipment). 十(四) 预算绩效管理 is
extracted by ``performance_tables`` and ``project_reports``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import FigureComparison, FiscalFigure, Paragraph, WorkMetric
from ..numbers import NUMBER
from ..source import SourceDocument
from . import sections as S
from .clauses import (
    MONEY_LITERAL,
    PCT,
    clause_around,
    count_metric,
    growth_rate,
    stated_reason,
    yoy_change,
)
from .common import comparison, find, fiscal_figure, section

# 机关运行经费 is what 一般公共预算财政拨款 pays for the organ's goods and services
# (the glossary's definition; the amount equals 六's 日常公用经费), hence this fund.
OPERATING_COSTS_FUND = "general_public_budget"
# Procurement spans every source of funds.
PROCUREMENT_FUND = "all_funds"

PROCUREMENT_KINDS = {
    "货物": ("goods", "Government procurement of goods"),
    "工程": ("works", "Government procurement of works"),
    "服务": ("services", "Government procurement of services"),
}
AWARDEES = {
    "中小企业": ("sme", "Contracts awarded to small and medium-sized enterprises"),
    "小微企业": ("small_micro", "Contracts awarded to small and micro enterprises"),
}
# Vehicles by use, as the template lists them → key.
VEHICLE_USES = {
    "主要领导干部用车": "leadership",
    "机要通信用车": "confidential_communication",
    "应急保障用车": "emergency",
    "执法执勤用车": "law_enforcement",
    "特种专业技术用车": "special_technical",
    "离退休干部用车": "retired_cadres",
    "其他用车": "other",
}
EQUIPMENT_KINDS = {"通用": "general_equipment", "专用": "special_equipment"}

# 十(一): "2020年,雅安市政务服务和大数据局机关运行经费支出58.21万元,比2019年增加14.15万元,
#          增长32.12%。主要原因是人员增加,公用经费支出增加。"
OPERATING_COSTS = re.compile(rf"(?P<name>机关运行经费支出)(?P<amount>{MONEY_LITERAL})")
# 十(二): "…政府采购支出总额4043.26万元,其中:政府采购货物支出75.28万元、政府采购工程支出0万元、
#          政府采购服务支出3967.98万元。…授予中小企业合同金额3069.20万元,占政府采购支出总额的
#          75.91%,其中:授予小微企业合同金额0万元,占政府采购支出总额的0%。"
PROCUREMENT_TOTAL = re.compile(rf"(?P<name>政府采购支出总额)(?P<amount>{MONEY_LITERAL})")
PROCUREMENT_KIND = re.compile(
    rf"(?P<name>政府采购(?P<kind>{'|'.join(PROCUREMENT_KINDS)})支出)(?P<amount>{MONEY_LITERAL})"
)
AWARD = re.compile(
    rf"(?P<name>授予(?P<kind>{'|'.join(AWARDEES)})合同金额)(?P<amount>{MONEY_LITERAL})"
    rf"[,,]占(?P<base>政府采购支出总额)的(?P<share>{PCT})"
)
# 十(三): "截至2020年12月31日,…共有车辆4辆,其中:主要领导干部用车0辆、机要通信用车0辆、
#          应急保障用车1辆、其他用车3辆,…,单价50万元以上通用设备0台(套),
#          单价100万元以上专用设备0台(套)。"
VEHICLES = re.compile(r"共有车辆(?P<count>\d+)辆")
VEHICLE_USE = re.compile(rf"(?P<name>{'|'.join(VEHICLE_USES)})(?P<count>\d+)辆")
# The 万元 here is a threshold of the category, not an amount of money.
EQUIPMENT = re.compile(
    rf"(?P<name>单价{NUMBER}\s*万元以上(?P<kind>{'|'.join(EQUIPMENT_KINDS)})设备)"
    r"(?P<count>\d+)(?P<unit>台[((]套[))]|台|套)"
)

Record = FiscalFigure | FigureComparison | WorkMetric


def extract(doc: SourceDocument) -> Iterator[Record]:
    yield from _operating_costs(doc, section(doc, S.ACCOUNTS, S.OTHER_MATTERS, S.OPERATING_COSTS))
    yield from _procurement(doc, section(doc, S.ACCOUNTS, S.OTHER_MATTERS, S.PROCUREMENT))
    yield from _assets(doc, section(doc, S.ACCOUNTS, S.OTHER_MATTERS, S.ASSETS))


def _operating_costs(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    paragraph, match = find(doc, paragraphs, OPERATING_COSTS, "机关运行经费支出")
    figure = fiscal_figure(
        doc, "operating_costs", paragraph, match.group("amount"),
        clause_around(paragraph.text, *match.span("amount")),
        flow="expenditure", fund=OPERATING_COSTS_FUND, category="operating_costs", item="total",
        label_zh=match.group("name"), label_en="Running costs of the organ",
    )
    yield figure
    rest = paragraph.text[match.end():]
    reason = stated_reason(doc, paragraph, rest)
    yield yoy_change(doc, figure, paragraph, rest, reason=reason)
    yield growth_rate(doc, figure, paragraph, rest, reason=reason)


def _procurement(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    paragraph, match = find(doc, paragraphs, PROCUREMENT_TOTAL, "政府采购支出总额")
    total = _procurement_figure(
        doc, "total", paragraph, match, clause_around(paragraph.text, *match.span("amount")),
        "Government procurement, total",
    )
    yield total
    kinds = list(PROCUREMENT_KIND.finditer(paragraph.text, match.end()))
    if not kinds:
        raise doc.error("no '政府采购货物/工程/服务支出…万元' parts", paragraph)
    for kind in kinds:
        key, english = PROCUREMENT_KINDS[kind.group("kind")]
        yield _procurement_figure(doc, key, paragraph, kind, kind.group(0), english)
    awards = list(AWARD.finditer(paragraph.text, match.end()))
    if not awards:
        raise doc.error("no '授予中小企业合同金额…万元,占…%' clause", paragraph)
    for award in awards:
        key, english = AWARDEES[award.group("kind")]
        literal = clause_around(paragraph.text, *award.span("amount"))
        figure = _procurement_figure(doc, key, paragraph, award, literal, english)
        yield figure
        yield comparison(
            doc, figure, "share", paragraph, award.group("share"), award.group(0),
            base_figure_id=total.figure_id, base_label=award.group("base"),
        )


def _procurement_figure(doc, key, paragraph, match, literal, english) -> FiscalFigure:
    return fiscal_figure(
        doc, f"procurement.{key}", paragraph, match.group("amount"), literal,
        flow="expenditure", fund=PROCUREMENT_FUND, category="procurement", item=key,
        label_zh=match.group("name"), label_en=english,
    )


def _assets(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[WorkMetric]:
    topic = paragraphs[0].text  # the section heading
    paragraph, match = find(doc, paragraphs, VEHICLES, "共有车辆…辆")
    yield count_metric(
        doc, "assets.vehicles", topic, paragraph, match, group="count", label="年末车辆数", unit="辆"
    )
    for use in VEHICLE_USE.finditer(paragraph.text, match.end()):
        yield count_metric(
            doc, f"assets.vehicles.{VEHICLE_USES[use.group('name')]}", topic, paragraph, use,
            group="count", label=f"年末车辆数:{use.group('name')}", unit="辆",
        )
    for equipment in EQUIPMENT.finditer(paragraph.text):
        yield count_metric(
            doc, f"assets.{EQUIPMENT_KINDS[equipment.group('kind')]}", topic, paragraph, equipment,
            group="count", label=equipment.group("name"), unit=equipment.group("unit"),
        )

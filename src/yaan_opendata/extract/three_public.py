"""决算情况说明 七: the "三公" expenses (overseas travel, official vehicles,
official reception) — money figures, the counts stated beside them and the
reception detail list.

The section's heading says the expenses are paid from 财政拨款 (fiscal
appropriation) and the glossary defines "三公"经费 the same way, so the
figures carry fund ``fiscal_appropriation``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import FigureComparison, FiscalFigure, Paragraph, ReceptionEvent, WorkMetric
from ..numbers import NUMBER
from ..source import SourceDocument
from . import sections as S
from .clauses import (
    CHANGE,
    MONEY_LITERAL,
    PCT,
    SHARE_OF,
    clause_around,
    completion_rate,
    count_metric,
    growth_rate,
    stated_reason,
    yoy_change,
)
from .common import comparison, find, fiscal_figure, money, section, subsection

FUND = "fiscal_appropriation"
KEY = "three_public"

# The three parts, as the template names them (因公出国(境)费 in (二), 因公出国(境)经费 in
# the details) → (key, economic classification, English label). Vehicle purchase is a
# capital expense with no 302 code, so the vehicles part as a whole has none.
PARTS = (
    (re.compile(r"因公出国[((]境[))]经?费"), "overseas", "economic:30212", "Official overseas travel"),
    (
        re.compile(r"公务用车购置及运行维护费"), "vehicles", None,
        "Purchase and operation of official vehicles",
    ),
    (re.compile(r"公务接待费"), "reception", "economic:30217", "Official reception"),
)
VEHICLE_KINDS = {
    "轿车": ("sedan", "sedans"),
    "越野车": ("suv", "off-road vehicles"),
    "载客汽车": ("bus", "passenger vehicles"),
}
_KIND = "|".join(VEHICLE_KINDS)
_QUOTED_THREE_PUBLIC = r"[“\"]?三公[”\"]?经费"

# (一): "2020年“三公”经费财政拨款支出决算为5.76万元,完成预算99.65%,决算数小于预算数的主要原因是…。"
TOTAL = re.compile(rf"(?P<name>{_QUOTED_THREE_PUBLIC}财政拨款支出决算)为(?P<amount>{MONEY_LITERAL})")
# (二): "2020年“三公”经费财政拨款支出决算中,因公出国(境)费支出决算0万元,占0%;
#        公务用车购置及运行维护费支出决算4.85万元,占84.20%;公务接待费支出决算0.91万元,占15.80%。"
BREAKDOWN = re.compile(rf"{_QUOTED_THREE_PUBLIC}财政拨款支出决算中")
#        Other departments leave out 支出决算: "因公出国(境)费0万元,占0%;…"
BREAKDOWN_PART = re.compile(
    rf"(?P<name>[^,,;;::]+?)(?:支出决算|支出)?(?P<amount>{MONEY_LITERAL}){SHARE_OF}(?P<share>{PCT})"
)
# 1.–3.: "2.公务用车购置及运行维护费支出4.85万元,完成预算100%。公务用车购置及运行维护费支出决算
#         比2019年减少0.15万元,下降3%。主要原因是厉行节约,严格按照规定进行压减。"
DETAIL = re.compile(rf"^\d+\s*[.、．]\s*(?P<name>[^,,;;::]+?)支出(?P<amount>{MONEY_LITERAL})")
# "全年安排因公出国(境)团组0次,出国(境)0人。"
OVERSEAS_COUNTS = re.compile(r"团组(?P<groups>\d+)次[,,]出国[((]境[))](?P<persons>\d+)人")
# "其中:公务用车购置支出0万元。全年按规定更新购置公务用车0辆,其中:轿车0辆、金额0万元,…"
VEHICLE_PURCHASE = re.compile(rf"(?P<name>公务用车购置支出)(?P<amount>{MONEY_LITERAL})")
PURCHASED = re.compile(r"更新购置公务用车(?P<count>\d+)辆")
PURCHASED_KIND = re.compile(rf"(?P<kind>{_KIND})(?P<count>\d+)辆[、,,]金额(?P<amount>{MONEY_LITERAL})")
# "截至2020年12月底,单位共有公务用车4辆,其中:轿车11辆、越野车3辆、载客汽车0辆。"
FLEET = re.compile(r"共有公务用车(?P<count>\d+)辆")
FLEET_KIND = re.compile(rf"(?P<kind>{_KIND})(?P<count>\d+)辆(?![、,,]金额)")
# "公务用车运行维护费支出4.85万元。主要用于…"
VEHICLE_OPERATION = re.compile(rf"^(?P<name>公务用车运行维护费)支出(?P<amount>{MONEY_LITERAL})")
# "国内公务接待支出0.91万元,…。国内公务接待12批次,81人次(不包括陪同人员),共计支出0.91万元,
#  具体内容包括:…"
# "外事接待支出0万元,外事接待0批次,0人,共计支出0万元,本年度本部门无外事接待事项。"
RECEPTION = re.compile(rf"^(?P<name>国内公务接待|外事接待)支出(?P<amount>{MONEY_LITERAL})")
RECEPTION_COUNTS = re.compile(
    r"接待(?P<batches>\d+)批次[,,](?P<persons>\d+)(?P<person_unit>人次|人)"
)
LISTED_TOTAL = re.compile(rf"共计支出(?P<amount>{MONEY_LITERAL})")
# The detail list: "具体内容包括:接待巴中市人民政府,1752元;…接待乐山市营商环境局(2次),1450元;…"
EVENT_LIST = re.compile(r"具体内容包括[::]")
# …or a table after "具体内容如下:", one cell per line: a header row
# (序号 / 接待日期 / 来访单位 / 接待批次人数 / 费用(元)) and rows that start with their number.
EVENT_TABLE_INTRO = re.compile(r"具体(?:内容|情况)如下[::]?\s*$")
TABLE_VISITOR = re.compile(r"来访单位|接待对象|来访人员")
TABLE_AMOUNT = re.compile(r"(?:费用|金额)\s*[((](?P<unit>万?元)[))]")
TABLE_BATCHES = re.compile(r"(?P<batches>\d+)批次")
EVENT = re.compile(
    rf"接待(?P<visitor>[^,,;;]+?)(?:[((](?P<batches>\d+)次[))])?[,,](?P<amount>{NUMBER}\s*元)"
)
RECEPTION_KINDS = {
    "国内公务接待": ("domestic", "Domestic official reception"),
    "外事接待": ("foreign", "Foreign affairs reception"),
}

Record = FiscalFigure | FigureComparison | WorkMetric | ReceptionEvent


def extract(doc: SourceDocument) -> Iterator[Record]:
    chapter = section(doc, S.ACCOUNTS, S.THREE_PUBLIC)
    total, *comparisons = _total(doc, subsection(doc, chapter, S.THREE_PUBLIC_OVERALL))
    yield total
    yield from comparisons
    details = subsection(doc, chapter, S.THREE_PUBLIC_DETAIL)
    yield from _breakdown(doc, details, total)
    yield from _details(doc, details)
    yield from _vehicles(doc, details)
    yield from _receptions(doc, details)


def _total(doc: SourceDocument, paragraphs: list[Paragraph]) -> list[Record]:
    """The total figure first, then its completion rate."""
    paragraph, match = find(doc, paragraphs, TOTAL, "“三公”经费财政拨款支出决算")
    figure = _figure(
        doc, "total", paragraph, match, match.group("name"), "'Three public' expenses, total", None
    )
    rest = paragraph.text[match.end():]
    reason = stated_reason(doc, paragraph, rest)
    found = [figure, completion_rate(doc, figure, paragraph, rest, reason=reason)]
    # Some departments add the change on the prior year, before the reason ("…,比2020年减少
    # 0.84万元,下降14.58%。") or in a sentence of its own after it ("“三公”经费支出决算比2020年
    # 增加33.99万元,增长45.13%,主要原因是…").
    before, _, after = rest.partition(reason)
    if CHANGE.search(before):
        found += [yoy_change(doc, figure, paragraph, rest), growth_rate(doc, figure, paragraph, rest)]
    elif CHANGE.search(after):
        why = stated_reason(doc, paragraph, after, required=False)
        found += [yoy_change(doc, figure, paragraph, after, reason=why),
                  growth_rate(doc, figure, paragraph, after, reason=why)]
    return found


def _breakdown(
    doc: SourceDocument, paragraphs: list[Paragraph], total: FiscalFigure
) -> Iterator[Record]:
    paragraph, lead = find(doc, paragraphs, BREAKDOWN, "“三公”经费财政拨款支出决算中")
    parts = list(BREAKDOWN_PART.finditer(paragraph.text, lead.end()))
    if not parts:
        raise doc.error("no '…支出决算…万元,占…%' parts", paragraph)
    for part in parts:
        key, classification_id, english = _part(doc, paragraph, part.group("name"))
        figure = _figure(
            doc, key, paragraph, part, part.group("name"), english, classification_id,
            literal=part.group(0),
        )
        yield figure
        yield comparison(
            doc, figure, "share", paragraph, part.group("share"), part.group(0),
            base_figure_id=total.figure_id, base_label=total.label_zh,
        )


def _details(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    """Items 1.–3.: each part restated, against its budget and the prior year."""
    found = [(p, DETAIL.search(p.text)) for p in paragraphs]
    found = [(p, m) for p, m in found if m]
    if not found:
        raise doc.error("no numbered '…支出…万元,完成预算…%' items", paragraphs[0])
    for paragraph, match in found:
        key, classification_id, english = _part(doc, paragraph, match.group("name"))
        figure = _figure(
            doc, f"{key}.detail", paragraph, match, match.group("name"), f"{english} (item detail)",
            classification_id,
        )
        yield figure
        rest = paragraph.text[match.end():]
        reason = stated_reason(doc, paragraph, rest, required=False)
        yield completion_rate(doc, figure, paragraph, rest)
        yield yoy_change(doc, figure, paragraph, rest, reason=reason)
        yield growth_rate(doc, figure, paragraph, rest, reason=reason)
        if key == "overseas":
            yield from _overseas_counts(doc, paragraph)


def _overseas_counts(doc: SourceDocument, paragraph: Paragraph) -> Iterator[WorkMetric]:
    match = OVERSEAS_COUNTS.search(paragraph.text)
    if match is None:
        raise doc.error("因公出国(境)团组…次,出国(境)…人 not found", paragraph)
    yield _metric(doc, "overseas.groups", paragraph, match, "groups", "因公出国(境)团组数", "次")
    yield _metric(doc, "overseas.persons", paragraph, match, "persons", "因公出国(境)人数", "人")


def _vehicles(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    paragraph, match = find(doc, paragraphs, VEHICLE_PURCHASE, "公务用车购置支出")
    yield _figure(
        doc, "vehicle_purchase", paragraph, match, match.group("name"),
        "Purchase of official vehicles", None,
    )
    purchased = PURCHASED.search(paragraph.text)
    if purchased is None:
        raise doc.error("更新购置公务用车…辆 not found", paragraph)
    yield _metric(
        doc, "vehicle_purchase.count", paragraph, purchased, "count", "当年更新购置公务用车数", "辆"
    )
    fleet = FLEET.search(paragraph.text)
    if fleet is None:
        raise doc.error("共有公务用车…辆 not found", paragraph)
    for kind in PURCHASED_KIND.finditer(paragraph.text, purchased.end(), fleet.start()):
        code, english = VEHICLE_KINDS[kind.group("kind")]
        yield _figure(
            doc, f"vehicle_purchase.{code}", paragraph, kind, f"公务用车购置支出:{kind.group('kind')}",
            f"Purchase of official vehicles: {english}", None, literal=kind.group(0),
        )
        yield _metric(
            doc, f"vehicle_purchase.{code}.count", paragraph, kind, "count",
            f"当年更新购置公务用车数:{kind.group('kind')}", "辆",
        )
    # Published as is, even where the kinds do not add up to the fleet.
    yield _metric(doc, "vehicles.fleet", paragraph, fleet, "count", "年末公务用车保有量", "辆")
    for kind in FLEET_KIND.finditer(paragraph.text, fleet.end()):
        code, _ = VEHICLE_KINDS[kind.group("kind")]
        yield _metric(
            doc, f"vehicles.fleet.{code}", paragraph, kind, "count",
            f"年末公务用车保有量:{kind.group('kind')}", "辆",
        )
    paragraph, match = find(doc, paragraphs, VEHICLE_OPERATION, "公务用车运行维护费支出")
    yield _figure(
        doc, "vehicle_operation", paragraph, match, match.group("name"),
        "Operation and maintenance of official vehicles", "economic:30231",
    )


def _receptions(doc: SourceDocument, paragraphs: list[Paragraph]) -> Iterator[Record]:
    found = [(p, RECEPTION.search(p.text)) for p in paragraphs]
    found = [(p, m) for p, m in found if m]
    if not found:
        raise doc.error("no '国内公务接待支出…万元' / '外事接待支出…万元' lines", paragraphs[0])
    for paragraph, match in found:
        kind, english = RECEPTION_KINDS[match.group("name")]
        key = f"reception.{kind}"
        name = match.group("name")
        yield _figure(doc, key, paragraph, match, f"{name}支出", english, "economic:30217")
        counts = RECEPTION_COUNTS.search(paragraph.text, match.end())
        if counts is None:
            raise doc.error("接待…批次,…人 not found", paragraph)
        yield _metric(doc, f"{key}.batches", paragraph, counts, "batches", f"{name}批次", "批次")
        person_unit = counts.group("person_unit")  # 人次 (person-visits) or 人 (persons)
        yield _metric(
            doc, f"{key}.persons", paragraph, counts, "persons",
            f"{name}{'人次' if person_unit == '人次' else '人数'}", person_unit,
        )
        listed = LISTED_TOTAL.search(paragraph.text, counts.end())
        if listed is None:
            raise doc.error("共计支出…万元 not found", paragraph)
        yield _figure(
            doc, f"{key}.listed", paragraph, listed, f"{name}共计支出",
            f"{english}: total of the listed receptions", "economic:30217",
        )
        yield from _events(doc, paragraph, kind)
        if EVENT_TABLE_INTRO.search(paragraph.text):
            yield from _event_table(doc, paragraphs[paragraphs.index(paragraph) + 1:], kind)


def _event_table(doc: SourceDocument, cells: list[Paragraph], kind: str) -> Iterator[ReceptionEvent]:
    """The rows of a reception table flattened one cell per line."""
    header_end = next((i for i, c in enumerate(cells) if TABLE_AMOUNT.search(c.text)), None)
    if header_end is None or not cells[0].text.startswith("序号"):
        raise doc.error("the reception table after '具体内容如下' has no 序号 … 费用(元) header", cells[0] if cells else None)
    header = [c.text for c in cells[: header_end + 1]]
    width = len(header)
    visitor_column = next((i for i, h in enumerate(header) if TABLE_VISITOR.search(h)), None)
    if visitor_column is None:
        raise doc.error(f"the reception table's header {header} names no 来访单位 column", cells[0])
    unit = TABLE_AMOUNT.search(header[-1])["unit"]
    body = cells[width:]
    row = 0
    while len(body) >= width and body[0].text.strip() == str(row + 1):
        row_cells, body = body[:width], body[width:]
        row += 1
        amount_cell = row_cells[-1]
        amount = money(doc, amount_cell, f"{amount_cell.text}{unit}")
        if amount.amount_yuan is None:
            raise doc.error(f"reception amount '{amount_cell.text}{unit}' is not whole yuan", amount_cell)
        batches = next((m for m in map(TABLE_BATCHES.search, (c.text for c in row_cells)) if m), None)
        yield ReceptionEvent(
            reception_id=f"{doc.document_id}.{KEY}.reception.{kind}.{row:02d}",
            document_id=doc.document_id,
            row=row,
            visitor=row_cells[visitor_column].text,
            batches=int(batches["batches"]) if batches else 1,
            batches_stated=batches is not None,
            amount_yuan=amount.amount_yuan,
            amount_as_published=amount_cell.text,
            literal=amount_cell.text,
            paragraph_id=amount_cell.paragraph_id,
        )
    if row == 0:
        raise doc.error("the reception table has no rows numbered from 1", cells[width] if len(cells) > width else cells[0])


def _events(doc: SourceDocument, paragraph: Paragraph, kind: str) -> Iterator[ReceptionEvent]:
    start = EVENT_LIST.search(paragraph.text)
    if start is None:
        return  # no list: nothing was received (外事接待0批次)
    events = list(EVENT.finditer(paragraph.text, start.end()))
    if not events:
        raise doc.error("the reception list has no '接待…,…元' items", paragraph)
    for row, event in enumerate(events, start=1):
        amount = money(doc, paragraph, event.group("amount"))
        if amount.amount_yuan is None:
            raise doc.error(f"reception amount '{amount.literal}' is not whole yuan", paragraph)
        yield ReceptionEvent(
            reception_id=f"{doc.document_id}.{KEY}.reception.{kind}.{row:02d}",
            document_id=doc.document_id,
            row=row,
            visitor=event.group("visitor"),
            batches=int(event.group("batches") or 1),
            batches_stated=event.group("batches") is not None,
            amount_yuan=amount.amount_yuan,
            amount_as_published=amount.literal,
            literal=event.group(0),
            paragraph_id=paragraph.paragraph_id,
        )


def _part(doc: SourceDocument, paragraph: Paragraph, name: str) -> tuple[str, str | None, str]:
    for pattern, key, classification_id, english in PARTS:
        if pattern.fullmatch(name):
            return key, classification_id, english
    raise doc.error(f"unknown “三公” part '{name}'", paragraph)


def _figure(
    doc, key, paragraph, match, label_zh, label_en, classification_id, *, literal=None
) -> FiscalFigure:
    return fiscal_figure(
        doc, f"{KEY}.{key}", paragraph, match.group("amount"),
        literal or clause_around(paragraph.text, *match.span("amount")),
        flow="expenditure", fund=FUND, category="three_public", item=key,
        label_zh=label_zh, label_en=label_en, classification_id=classification_id,
    )


def _metric(doc, key, paragraph, match, group, label, unit) -> WorkMetric:
    topic = section(doc, S.ACCOUNTS, S.THREE_PUBLIC)[0].text  # the chapter heading
    return count_metric(doc, f"{KEY}.{key}", topic, paragraph, match, group=group, label=label, unit=unit)

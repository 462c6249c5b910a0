"""决算情况说明 七, beyond the money: the counts stated beside the "三公" expenses
(overseas groups and persons, vehicles bought and held, reception batches and
persons) and the list of receptions. The money itself is read by ``figures``.

Each reader stands alone: a count worded otherwise costs that count only (it is
listed in extraction_issues), never the rest of the chapter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import ReceptionEvent, WorkMetric
from ..numbers import MONEY_LITERAL, NUMBER
from ..source import SourceDocument
from . import sections as S
from .clauses import count_metric
from .common import money, section

KEY = "three_public"
VEHICLE_KINDS = {
    "轿车": ("sedan", "sedans"),
    "越野车": ("suv", "off-road vehicles"),
    "载客汽车": ("bus", "passenger vehicles"),
}
_KIND = "|".join(VEHICLE_KINDS)

# "全年安排因公出国(境)团组0次,出国(境)0人。"
OVERSEAS_COUNTS = re.compile(r"团组(?P<groups>\d+)(?:次|个)[,,]\s*(?:出国[((]境[))])?(?P<persons>\d+)人")
# "全年按规定更新购置公务用车0辆,其中:轿车0辆、金额0万元,…"
PURCHASED = re.compile(r"(?:更新)?购置公务用车(?P<count>\d+)辆")
PURCHASED_KIND = re.compile(rf"(?P<kind>{_KIND})(?P<count>\d+)辆[、,,]金额(?P<amount>{MONEY_LITERAL})")
# "截至2020年12月底,单位共有公务用车4辆,其中:轿车11辆、越野车3辆、载客汽车0辆。"
FLEET = re.compile(r"(?:共有|保有)公务用车(?:保有量)?(?:为)?(?P<count>\d+)辆")
FLEET_KIND = re.compile(rf"(?P<kind>{_KIND})(?P<count>\d+)辆(?![、,,]金额)")
# "国内公务接待12批次,81人次(不包括陪同人员)" / "外事接待0批次,0人"
RECEPTION = re.compile(r"(?P<name>国内公务接待|外事接待)[^。;]*?(?P<batches>\d+)批次?[,,、]\s*(?P<persons>\d+)(?P<person_unit>人次|人)")
RECEPTION_KINDS = {"国内公务接待": "domestic", "外事接待": "foreign"}
# The detail list: "具体内容包括:接待巴中市人民政府,1752元;…接待乐山市营商环境局(2次),1450元;…"
EVENT_LIST = re.compile(r"具体内容包括[::]")
EVENT = re.compile(rf"接待(?P<visitor>[^,,;;]+?)(?:[((](?P<batches>\d+)次[))])?[,,](?P<amount>{NUMBER}\s*元)")
# …or a table after "具体内容如下:", one cell per line: a header row
# (序号 / 接待日期 / 来访单位 / 接待批次人数 / 费用(元)) and rows that start with their number.
EVENT_TABLE_INTRO = re.compile(r"具体(?:内容|情况)如下[::]?\s*$")
TABLE_VISITOR = re.compile(r"来访单位|接待对象|来访人员")
TABLE_AMOUNT = re.compile(r"(?:费用|金额)\s*[((](?P<unit>万?元)[))]")
TABLE_BATCHES = re.compile(r"(?P<batches>\d+)批次")


def _chapter(doc: SourceDocument):
    return section(doc, S.ACCOUNTS, S.THREE_PUBLIC)


def overseas_counts(doc: SourceDocument) -> Iterator[WorkMetric]:
    for paragraph in _chapter(doc):
        match = OVERSEAS_COUNTS.search(paragraph.text)
        if match:
            unit = "次" if match.string.startswith("次", match.end("groups")) else "个"
            yield _metric(doc, "overseas.groups", paragraph, match, "groups", "因公出国(境)团组数", unit)
            yield _metric(doc, "overseas.persons", paragraph, match, "persons", "因公出国(境)人数", "人")
            return


def vehicle_counts(doc: SourceDocument) -> Iterator[WorkMetric]:
    for paragraph in _chapter(doc):
        purchased = PURCHASED.search(paragraph.text)
        if purchased:
            yield _metric(doc, "vehicle_purchase.count", paragraph, purchased, "count", "当年更新购置公务用车数", "辆")
            for kind in PURCHASED_KIND.finditer(paragraph.text, purchased.end()):
                code, _ = VEHICLE_KINDS[kind.group("kind")]
                yield _metric(doc, f"vehicle_purchase.{code}.count", paragraph, kind, "count",
                              f"当年更新购置公务用车数:{kind.group('kind')}", "辆")
        fleet = FLEET.search(paragraph.text)
        if fleet:
            # Published as is, even where the kinds do not add up to the fleet.
            yield _metric(doc, "vehicles.fleet", paragraph, fleet, "count", "年末公务用车保有量", "辆")
            for kind in FLEET_KIND.finditer(paragraph.text, fleet.end()):
                code, _ = VEHICLE_KINDS[kind.group("kind")]
                yield _metric(doc, f"vehicles.fleet.{code}", paragraph, kind, "count",
                              f"年末公务用车保有量:{kind.group('kind')}", "辆")
        if purchased or fleet:
            return


def reception_counts(doc: SourceDocument) -> Iterator[WorkMetric]:
    seen = set()
    for paragraph in _chapter(doc):
        for match in RECEPTION.finditer(paragraph.text):
            kind = RECEPTION_KINDS[match.group("name")]
            if kind in seen:
                continue
            seen.add(kind)
            name, key = match.group("name"), f"reception.{kind}"
            yield _metric(doc, f"{key}.batches", paragraph, match, "batches", f"{name}批次", "批次")
            person_unit = match.group("person_unit")  # 人次 (person-visits) or 人 (persons)
            yield _metric(doc, f"{key}.persons", paragraph, match, "persons",
                          f"{name}{'人次' if person_unit == '人次' else '人数'}", person_unit)


def reception_events(doc: SourceDocument) -> Iterator[ReceptionEvent]:
    """The list of domestic receptions, written in a sentence or as a table."""
    paragraphs = _chapter(doc)
    for index, paragraph in enumerate(paragraphs):
        start = EVENT_LIST.search(paragraph.text)
        if start:
            yield from _events(doc, paragraph, start.end())
            return
        if EVENT_TABLE_INTRO.search(paragraph.text) and RECEPTION.search(paragraph.text):
            yield from _event_table(doc, paragraphs[index + 1:])
            return


def _events(doc: SourceDocument, paragraph, start: int) -> Iterator[ReceptionEvent]:
    events = list(EVENT.finditer(paragraph.text, start))
    if not events:
        raise doc.error("the reception list has no '接待…,…元' items", paragraph)
    for row, event in enumerate(events, start=1):
        amount = money(doc, paragraph, event.group("amount"))
        if amount.amount_yuan is None:
            raise doc.error(f"reception amount '{amount.literal}' is not whole yuan", paragraph)
        yield ReceptionEvent(
            reception_id=f"{doc.document_id}.{KEY}.reception.domestic.{row:02d}",
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


def _event_table(doc: SourceDocument, cells) -> Iterator[ReceptionEvent]:
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
            reception_id=f"{doc.document_id}.{KEY}.reception.domestic.{row:02d}",
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


def _metric(doc, key, paragraph, match, group, label, unit) -> WorkMetric:
    topic = _chapter(doc)[0].text  # the chapter heading
    return count_metric(doc, f"{KEY}.{key}", topic, paragraph, match, group=group, label=label, unit=unit)


READERS = (overseas_counts, vehicle_counts, reception_counts, reception_events)

"""附件1 (三)人员概况 → authorized posts and year-end headcount per unit (Staffing).

The paragraph is found by its heading "人员概况", wherever the report puts it.
One row per (unit, post category) with the authorized number and the actual
headcount; each leadership position (局长1人 …) is a row of category 领导职数
with its title; the stated grand total is a 合计 row of the department.
Units are linked to the organizations of 机构设置 by ``organizations.match_name``
(the paragraph writes the department as "市政务服务和大数据局").
"""

from __future__ import annotations

import re

from ..model import Organization, Paragraph, Staffing
from ..source import SourceDocument
from .headings import under_heading
from .organizations import match_name, organizations

# "(三)人员概况。"
STAFFING_HEADING = re.compile(r"^[(\uff08][一二三四五六七八九十]+[)\uff09]人员概况")
# "人员编制共计45个"
GRAND_TOTAL = re.compile(r"人员编制共计(?P<number>\d+)个")
# "市政务服务和大数据局设有行政编制14个", "雅安市政务服务中心设有事业编制7个"
UNIT_POSTS = re.compile(
    r"(?P<unit>[^,\uff0c;\uff1b:\uff1a。]+?)设有(?P<category>[^,\uff0c;\uff1b\d]+?编制)(?P<number>\d+)个"
)
# "…其中:局长1人,副局长3人,机关党支部书记1人,正科级领导职数4人,副科级领导职数2人"
LEADERSHIP = re.compile(r"(?P<title>[^,\uff0c:\uff1a;\uff1b\d]+?)(?P<number>\d+)人")
# "机关工勤人员编制(控制数)1个": a further post category of the same unit
OTHER_POSTS = re.compile(
    r"(?P<category>[^,\uff0c:\uff1a;\uff1b\d]+?编制)(?:[(\uff08][^)\uff09]*[)\uff09])?(?P<number>\d+)个"
)
# "2020年末实有人数:行政11人,机关工勤人员1人" / "2020年末实有人数14人"
ACTUAL = re.compile(r"(?:\d{4})?年末实有人数[:\uff1a]?|实有人数[:\uff1a]?")
ACTUAL_ITEM = re.compile(r"(?P<label>[^,\uff0c:\uff1a;\uff1b\d]*?)(?P<number>\d+)人")

LEADERSHIP_CATEGORY = "领导职数"
TOTAL_CATEGORY = "合计"
CATEGORY_KEYS = {
    "行政编制": "administrative",
    "事业编制": "public_institution",
    "参公编制": "civil_service_managed",
    "机关工勤人员编制": "logistics",
    "工勤人员编制": "logistics",
}


def extract(doc: SourceDocument):
    # Only the annexed self-evaluation report states posts; most departments publish none.
    heading, body = under_heading(doc, doc.paragraphs, STAFFING_HEADING, "人员概况", required=False)
    if heading is None:
        return
    paragraphs = [p for p in body if UNIT_POSTS.search(p.text)]
    if not paragraphs:
        raise doc.error("人员概况 states no posts (…设有…编制N个)", heading)
    orgs = organizations(doc)
    for paragraph in paragraphs:
        total = GRAND_TOTAL.search(paragraph.text)
        if total:
            yield _row(
                doc, paragraph, orgs[0], "total", TOTAL_CATEGORY, None, int(total["number"]), None, total[0]
            )
        heads = list(UNIT_POSTS.finditer(paragraph.text))
        for head, following in zip(heads, heads[1:] + [None]):
            end = following.start("unit") if following else len(paragraph.text)
            yield from _unit_rows(doc, paragraph, orgs, head, paragraph.text[head.start("unit"):end])


def _unit_rows(doc, paragraph: Paragraph, orgs: list[Organization], head: re.Match, segment: str):
    org = _org(doc, paragraph, orgs, head["unit"].strip())
    segment = segment.rstrip(",\uff0c;\uff1b。")
    actual_at = ACTUAL.search(segment)
    # between "…设有行政编制14个" and "2020年末实有人数": leadership posts and further categories
    details = segment[len(head[0]):actual_at.start() if actual_at else None]
    posts = {head["category"]: int(head["number"])}
    for n, leader in enumerate(LEADERSHIP.finditer(details), start=1):
        title = leader["title"].removeprefix("其中").strip()
        yield _row(
            doc, paragraph, org, f"leadership.{n}", LEADERSHIP_CATEGORY, title.removesuffix("职数"),
            int(leader["number"]), None, leader[0].removeprefix("其中").strip(),
        )
    for other in OTHER_POSTS.finditer(details):
        posts[other["category"]] = int(other["number"])
    actual = _actuals(doc, paragraph, list(posts), segment[actual_at.end():] if actual_at else "")
    for n, (category, authorized) in enumerate(posts.items(), start=1):
        key = CATEGORY_KEYS.get(category, f"posts-{n}")
        yield _row(doc, paragraph, org, key, category, None, authorized, actual.get(category), segment)


def _actuals(doc, paragraph: Paragraph, categories: list[str], text: str) -> dict[str, int]:
    """'行政11人,机关工勤人员1人' → by category: a label names the category it starts;
    an unlabelled number belongs to a unit's only category."""
    actual = {}
    for item in ACTUAL_ITEM.finditer(text):
        label = item["label"].strip()
        fits = [c for c in categories if c.startswith(label)] if label else categories
        if len(fits) != 1:
            raise doc.error(f"actual headcount '{item[0]}' fits none or several of {categories}", paragraph)
        actual[fits[0]] = int(item["number"])
    return actual


def _org(doc, paragraph: Paragraph, orgs: list[Organization], name: str) -> Organization:
    index = match_name(name, [o.name_zh for o in orgs])
    if index is None:
        raise doc.error(f"staffing names '{name}', which is not an organization of 机构设置", paragraph)
    return orgs[index]


def _row(doc, paragraph, org, key, category, title, authorized, actual, literal) -> Staffing:
    return Staffing(
        staffing_id=f"{doc.document_id}.staffing.{org.org_id}.{key}",
        document_id=doc.document_id,
        org_id=org.org_id,
        post_category=category,
        post_title=title,
        authorized=authorized,
        actual=actual,
        literal=literal,
        paragraph_id=paragraph.paragraph_id,
    )

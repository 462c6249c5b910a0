"""第五部分 附表 → the statistical schedules the template names (Schedule).

A schedule is "included" when something other than its title follows it
before the next schedule: the published web text often prints only the titles
(the tables are images or attachments), as this document does. The web page's
own footer (扫一扫…, 主办:…, ICP备…) after the last title is not a schedule body.

The 目录 (table of contents) lists the schedules too; ``listed_in_contents``
reads that list so that a difference can be seen, but the records follow
第五部分, which is what the document actually contains.
"""

from __future__ import annotations

import re

from ..model import Paragraph, Schedule
from ..source import SourceDocument, heading_marker, strip_marker
from ..translations import schedule_title_en
from . import sections as S
from .common import section
from .headings import chinese_number

# "一、收入支出决算总表", "十四、国有资本经营预算财政拨款支出决算表"
# (a unit note after the title, "…总表(单位:万元)", is not part of the title)
SCHEDULE_TITLE = re.compile(
    r"^(?P<numeral>[一二三四五六七八九十]+)、\s*(?P<title>\S.*?表)\s*(?:[(\uff08].*)?$"
)
# The publishing website's page footer, not part of the document:
# "扫一扫在手机打开当前页", "主办:雅安市人民政府办公室    承办:…", "政府网站标识码5118000022    川公网安备…"
PAGE_FOOTER = re.compile(r"^(?:扫一扫|主办[:\uff1a]|承办[:\uff1a]|政府网站标识码|.*ICP备|.*公网安备)")
CONTENTS = "目录"
# A contents line's dot leader and page number: "第五部分 附表……………63"
TOC_LEADER = re.compile(r"[\s…]*\d*\s*$")


def extract(doc: SourceDocument):
    paragraphs = section(doc, S.SCHEDULES)
    titles = [(p, SCHEDULE_TITLE.match(p.text)) for p in paragraphs]
    titled = [(p, m) for p, m in titles if m]
    if not titled:
        raise doc.error("the 附表 part names no schedules (一、…表)", paragraphs[0])
    for paragraph, match in titled:
        number = chinese_number(match["numeral"])
        title = match["title"]
        yield Schedule(
            schedule_id=f"{doc.document_id}.schedule.{number}",
            document_id=doc.document_id,
            number=number,
            title_zh=title,
            title_en=schedule_title_en(title),
            included=_has_body(paragraphs, paragraph),
            paragraph_id=paragraph.paragraph_id,
        )


def listed_in_contents(doc: SourceDocument) -> list[tuple[int, str]]:
    """(number, title) of the schedules the 目录 lists after its 附表 part line."""
    contents = [p for p in doc.paragraphs if p.section_path == CONTENTS]
    start = next((i for i, p in enumerate(contents) if _is_schedules_part(p.text)), None)
    if start is None:
        return []
    listed = []
    for paragraph in contents[start + 1:]:
        match = SCHEDULE_TITLE.match(paragraph.text)
        if match:
            listed.append((chinese_number(match["numeral"]), match["title"]))
    return listed


def _is_schedules_part(line: str) -> bool:
    found = heading_marker(line)
    return bool(found and found[0] == "part" and S.SCHEDULES.search(TOC_LEADER.sub("", strip_marker(line)).strip()))


def _has_body(paragraphs: list[Paragraph], title: Paragraph) -> bool:
    """Whether any paragraph other than a page footer follows the title within its section."""
    path = title.section_path
    return any(
        p.number > title.number
        and (p.section_path == path or p.section_path.startswith(path + " / "))
        and not PAGE_FOOTER.match(p.text)
        for p in paragraphs
    )

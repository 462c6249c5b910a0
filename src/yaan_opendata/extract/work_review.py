"""第一部分 一、(二) 2020年重点工作完成情况 → every number of the work review (WorkMetric).

Each paragraph's numbers are read by ``narrative_metrics``; their topic is the
phrase of the nearest heading above them ("(1)强力推行六办模式,防疫服务两不误。
疫情发生以来…" → "强力推行六办模式,防疫服务两不误"), so a metric can be filed
under the piece of work it belongs to.
"""

from __future__ import annotations

import re

from ..source import SourceDocument
from . import sections as S
from .common import section
from .headings import heading_phrase, under_heading
from .narrative import narrative_metrics

# "(二)2020年重点工作完成情况。" (also "2020年度", "主要工作")
WORK_REVIEW_HEADING = re.compile(
    r"^[(\uff08][一二三四五六七八九十]+[)\uff09]\d{4}年度?(?:重点|主要)工作完成情况"
)
KEY_PREFIX = "work_review"


def extract(doc: SourceDocument):
    heading, body = under_heading(doc, section(doc, S.OVERVIEW), WORK_REVIEW_HEADING, "重点工作完成情况")
    for paragraph in [heading, *body]:
        topic = heading_phrase(paragraph.section_title)
        yield from narrative_metrics(doc, [paragraph], topic, KEY_PREFIX)

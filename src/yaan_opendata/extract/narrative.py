"""Numbers stated in narrative prose (work review, project reports) as WorkMetric records.

A metric is a number followed by a counting unit, e.g. ``已有642个项目1610个事项``
→ (已有, 642, 个), (项目, 1610, 个). The words before the number within the
same clause name it; 余/近/超过/</> qualify it. Dates (2020年, 1月26日) and
codes (12345 热线, V3.0) are not metrics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Paragraph, WorkMetric
from ..source import SourceDocument
from .common import number

# Longest units first so that 人次 wins over 人 and 万元 over 万.
UNITS = (
    "万余次", "万余条", "万条", "万次", "万元", "万", "人次", "批次", "平方米", "毫秒", "小时", "分钟",
    "个", "项", "次", "台", "家", "件", "条", "支", "天", "核", "GB", "TB", "%", "人", "名", "辆",
    "类", "批", "套", "秒", "号",
)
_UNIT = "|".join(re.escape(u) for u in UNITS)
METRIC = re.compile(
    rf"(?P<before>[近约超过><]{{0,2}})"
    rf"(?<![\dA-Za-z.x×V])(?P<number>\d+(?:\.\d+)?)\s*(?P<after>余)?(?P<unit>{_UNIT})"
    r"(?![年月日号])"
)
_CLAUSE_BREAK = re.compile(r"[,,;;。:、()()“”\"]")
_NOT_A_METRIC_AFTER = re.compile(r"^(?:年|月|日)")


def narrative_metrics(
    doc: SourceDocument,
    paragraphs: Iterable[Paragraph],
    topic: str,
    key_prefix: str,
) -> Iterator[WorkMetric]:
    """Every number-with-unit in the paragraphs, keyed ``{key_prefix}.p{paragraph}.{n}``."""
    for paragraph in paragraphs:
        for n, match in enumerate(_metric_matches(paragraph.text), start=1):
            start, end = match.span()
            label = _label_around(paragraph.text, match)
            qualifier = (match.group("before") or "") + (match.group("after") or "") or None
            yield WorkMetric(
                metric_id=f"{doc.document_id}.{key_prefix}.p{paragraph.number:04d}.{n}",
                document_id=doc.document_id,
                topic=topic,
                metric=label,
                value=number(doc, paragraph, match.group("number")),
                unit=match.group("unit"),
                qualifier=qualifier,
                value_as_published=match.group(0),
                literal=_clause_around(paragraph.text, start, end),
                paragraph_id=paragraph.paragraph_id,
            )


def _metric_matches(text: str) -> Iterator[re.Match]:
    for match in METRIC.finditer(text):
        if _NOT_A_METRIC_AFTER.match(text[match.end():]):
            continue
        yield match


def _label_around(text: str, match: re.Match) -> str:
    """The metric's wording with its number as N: '入库中介机构N家', '已有N个项目'."""
    start = match.start()
    while start > 0 and not _CLAUSE_BREAK.match(text[start - 1]):
        start -= 1
    before = text[start:match.start()]
    # '642个项目1610个事项': the words before 1610 belong to the previous number.
    before = re.split(rf"\d(?:{_UNIT})", before)[-1]
    end = match.end()
    while end < len(text) and not _CLAUSE_BREAK.match(text[end]) and not text[end].isdigit():
        end += 1
    after = text[match.end():end][:16]
    qualifier_before = match.group("before") or ""
    return f"{before}{qualifier_before}N{match.group('after') or ''}{match.group('unit')}{after}".strip()


def _clause_around(text: str, start: int, end: int) -> str:
    left = start
    while left > 0 and text[left - 1] not in ",,;;。":
        left -= 1
    right = end
    while right < len(text) and text[right] not in ",,;;。":
        right += 1
    return text[left:right]

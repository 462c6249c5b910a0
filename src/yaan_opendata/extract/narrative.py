"""Numbers stated in narrative prose (work review, project reports) as WorkMetric records.

A metric is a number followed by a counting unit, e.g. ``已有642个项目1610个事项``
→ (已有, 642, 个), (项目, 1610, 个). The words before the number within the
same clause name it; 余/近/超过/</> qualify it, and so does 预计 (expected) when
the sentence states a forecast ("预计2021年1月份,割接率达100%"), so that it is not
read as the year's result. Dates (2020年, 1月26日) and codes (12345 热线, V3.0)
are not metrics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Paragraph, WorkMetric
from ..source import SourceDocument
from .clauses import clause_around
from .common import number

# Longest units first so that 人次 wins over 人, 万元 over 万 and 个工作日 over 个
# ("压缩至90个工作日内", "历时近11个月", "意见建议31件次", "3级互通、4大能力").
UNITS = (
    "个工作日", "万余次", "万余条", "万条", "万次", "亿元", "万元", "万", "人次", "件次", "批次", "平方米",
    "毫秒", "小时", "分钟", "个月", "个", "项", "次", "台", "家", "件", "条", "支", "天", "核",
    "GB", "TB", "%", "人", "名", "辆", "类", "批", "套", "秒", "号", "级", "大",
)
_UNIT = "|".join(re.escape(u) for u in UNITS)
METRIC = re.compile(
    rf"(?P<before>[近约超过><]{{0,2}})"
    rf"(?<![\dA-Za-z.x×V])(?P<number>\d+(?:\.\d+)?)\s*(?P<after>余)?(?P<unit>{_UNIT})"
    r"(?![年月日号])"
)
# ASCII and full-width punctuation alike: sources differ in which they print.
_CLAUSE_BREAK = re.compile(r"[,\uff0c;\uff1b。:\uff1a、()\uff08\uff09“”\"]")
_CLAUSE_END = ",\uff0c;\uff1b。"
# Brackets and quotes inside a label are kept whole when balanced:
# "县(区)8个" → "县(区)N个", "成功开展“不见面”评标1次" → "成功开展“不见面”评标N次".
_PAIRS = {"(": ")", "（": "）", "“": "”"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
# A numbered heading at the start of a paragraph is not part of a label: "1.因公出国(境)经费支出0万元".
_LEADING_MARKER = re.compile(r"^(?:\d+\s*[.、．]|[(（][\d一二三四五六七八九十]+[)）])\s*")
_NOT_A_METRIC_AFTER = re.compile(r"^(?:年|月|日)")
# A forecast: the sentence before the number says 预计 ("expected").
FORECAST = "预计"
_SENTENCE_END = "。;\uff1b"


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
            qualifier = _forecast(paragraph.text, start) + (match.group("before") or "") + (match.group("after") or "")
            yield WorkMetric(
                metric_id=f"{doc.document_id}.{key_prefix}.p{paragraph.number:04d}.{n}",
                document_id=doc.document_id,
                topic=topic,
                metric=label,
                value=number(doc, paragraph, match.group("number")),
                unit=match.group("unit"),
                qualifier=qualifier or None,
                value_as_published=match.group(0),
                literal=clause_around(paragraph.text, start, end, breaks=_CLAUSE_END),
                paragraph_id=paragraph.paragraph_id,
            )


def _metric_matches(text: str) -> Iterator[re.Match]:
    for match in METRIC.finditer(text):
        if _NOT_A_METRIC_AFTER.match(text[match.end():]):
            continue
        yield match


def _forecast(text: str, start: int) -> str:
    sentence_start = max(text.rfind(end, 0, start) for end in _SENTENCE_END) + 1
    return FORECAST if FORECAST in text[sentence_start:start] else ""


def _label_around(text: str, match: re.Match) -> str:
    """The metric's wording with its number as N: '入库中介机构N家', '已有N个项目'."""
    before = text[_label_start(text, match.start()):match.start()]
    # '642个项目1610个事项': the words before 1610 belong to the previous number;
    # '237个项目(77个重点项目)提供450次': so do those up to the bracket it closes.
    before = re.split(rf"\d(?:{_UNIT})", before)[-1]
    if _unbalanced_closer(before):
        before = re.split(f"[{''.join(_CLOSERS)}]", before)[-1]
    before = _LEADING_MARKER.sub("", before)
    after = text[match.end():_label_end(text, match.end())]
    if len(after) > 16:
        after = after[:16]
        if _unbalanced_opener(after):  # cut before the bracket the cap split
            after = after[:max(after.rfind(opener) for opener in _PAIRS)]
    qualifier_before = match.group("before") or ""
    return f"{before}{qualifier_before}N{match.group('after') or ''}{match.group('unit')}{after}".strip()


def _label_start(text: str, start: int) -> int:
    """Walk back to the clause start, over balanced brackets and quotes."""
    depth = 0
    while start > 0:
        char = text[start - 1]
        if char in _CLOSERS:
            depth += 1
        elif char in _PAIRS and depth:
            depth -= 1
        elif (depth == 0 and _CLAUSE_BREAK.match(char)) or char in "。;\uff1b":
            break  # a stray closer never carries the label past a sentence
        start -= 1
    return start


def _label_end(text: str, end: int) -> int:
    """Walk on to the clause end or the next number; a bracket is taken whole
    when it holds no number of its own."""
    while end < len(text):
        char = text[end]
        if char in _PAIRS:
            close = text.find(_PAIRS[char], end + 1)
            if close < 0 or re.search(r"\d", text[end:close]):
                break
            end = close + 1
            continue
        if _CLAUSE_BREAK.match(char) or char.isdigit():
            break
        end += 1
    return end


def _unbalanced_closer(text: str) -> bool:
    return any(text.count(close) > text.count(open_) for close, open_ in _CLOSERS.items())


def _unbalanced_opener(text: str) -> bool:
    return any(text.count(open_) > text.count(close) for open_, close in _PAIRS.items())



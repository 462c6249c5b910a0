"""The 绩效指标完成情况 part of a 项目绩效目标完成情况表, one PerformanceIndicator per row.

After five header cells (一级指标 / 二级指标 / 三级指标 / 预期指标值… / 实际完成指标值…)
each row prints its level-1 and level-2 cells only when they change (merged
cells), then three cells: the level-3 name, the target and the actual value.
A level name may be broken over two lines ("项目完成" + "指标", "服务对象" +
"满意度指标"); it is rebuilt from the national template's fixed vocabulary of
indicator levels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..model import Paragraph, PerformanceIndicator
from ..numbers import to_decimal
from ..source import SourceDocument
from .narrative import UNITS

HEADER = ("一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值")
# The template's indicator levels (项目支出绩效目标表). "实效指标" is how this
# text prints 时效指标; both are accepted as printed.
LEVEL1 = ("项目完成指标", "产出指标", "效益指标", "满意度指标")
LEVEL2 = (
    "数量指标", "质量指标", "时效指标", "实效指标", "成本指标",
    "社会效益指标", "经济效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
)
# A target or actual that is one number with a unit: "30条", "6%以内", "3.3万余次",
# "<10分钟", "0.295%"; or words naming it before its only number, "系统割接率100%"
# (then the unit must be a counting unit, so that "3天完成" is not read as 3 "天完成").
# Anything else ("2021年1月份,割接率100%", "确保139个信息系统…") has no parsed value.
SINGLE_VALUE = re.compile(
    r"^(?P<before>[<>≤≥<>]|不低于|不少于|不高于|不超过|大于|小于|高于|低于|超过|约|近)?\s*"
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<magnitude>万|亿)?(?P<about>余)?"
    r"(?P<unit>[^\d\s,,;;。]{0,4}?)"
    r"(?P<after>以内|以上|以下|及以上|及以下|内)?[。]?$"
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def indicator_rows(doc: SourceDocument, project_id: str, cells: list[Paragraph]) -> Iterator[PerformanceIndicator]:
    body = _after_header(doc, cells)
    level1 = level2 = None
    row, i = 0, 0
    while i < len(body):
        found1 = _level_at(body, i, LEVEL1)
        if found1:
            level1, i = found1[0], i + found1[1]
            found2 = _level_at(body, i, LEVEL2)
            if not found2:
                raise doc.error(f"level-1 indicator '{level1}' is not followed by a level-2 indicator", body[i - 1])
            level2, i = found2[0], i + found2[1]
        elif found2 := _level_at(body, i, LEVEL2):
            level2, i = found2[0], i + found2[1]
        if i + 3 > len(body):
            raise doc.error("indicator row lacks its level-3, target or actual cell", body[-1])
        if level1 is None or level2 is None:
            raise doc.error("indicator row before any level-1/level-2 indicator", body[i])
        name, target, actual = body[i:i + 3]
        for cell in (name, target, actual):
            if _level_at([cell], 0, LEVEL1 + LEVEL2):
                raise doc.error(f"indicator row cut short: '{cell.text}' is a level name", cell)
        row += 1
        target_value = parse_value(target.text)
        actual_value = parse_value(actual.text)
        yield PerformanceIndicator(
            indicator_id=f"{project_id}.indicator.{row}",
            project_id=project_id,
            row=row,
            level1=level1,
            level2=level2,
            level3=name.text,
            target_text=target.text,
            target_value=target_value[0] if target_value else None,
            target_unit=target_value[1] if target_value else None,
            target_comparator=target_value[2] if target_value else None,
            actual_text=actual.text,
            actual_value=actual_value[0] if actual_value else None,
            actual_unit=actual_value[1] if actual_value else None,
            paragraph_id=name.paragraph_id,
            target_paragraph_id=target.paragraph_id,
            actual_paragraph_id=actual.paragraph_id,
        )
        i += 3


def _after_header(doc: SourceDocument, cells: list[Paragraph]) -> list[Paragraph]:
    header = cells[: len(HEADER)]
    if len(header) < len(HEADER) or not all(p.text.startswith(h) for p, h in zip(header, HEADER)):
        raise doc.error(f"indicator header must be {HEADER}", cells[0] if cells else None)
    return cells[len(HEADER):]


def _level_at(cells: list[Paragraph], i: int, vocabulary: tuple[str, ...]) -> tuple[str, int] | None:
    """The level name starting at cell i, on one line or broken over two, and the cells it takes."""
    if i < len(cells) and cells[i].text in vocabulary:
        return cells[i].text, 1
    if i + 1 < len(cells) and cells[i].text + cells[i + 1].text in vocabulary:
        return cells[i].text + cells[i + 1].text, 2
    return None


def parse_value(text: str) -> tuple[Decimal, str | None, str | None] | None:
    """(value, unit, comparator) of a single number with a unit, else None.

    "6%以内" → (6, "%", "以内"); "3.3万余次" → (3.3, "万次", "余"); "<10分钟" → (10, "分钟", "<");
    "系统割接率100%" → (100, "%", None).
    """
    match = _value_match(text.strip())
    if not match:
        return None
    unit = (match.group("magnitude") or "") + match.group("unit")
    comparators = [c for c in (match.group("before"), match.group("about"), match.group("after")) if c]
    return to_decimal(match.group("number")), unit or None, "".join(comparators) or None


def _value_match(text: str) -> re.Match | None:
    """The cell as one value, or the part after the words that name its only number."""
    match = SINGLE_VALUE.match(text)
    if match or len(_NUMBER.findall(text)) != 1:
        return match
    first_digit = _NUMBER.search(text).start()
    for start in range(1, first_digit + 1):  # the longest rest first, so a comparator stays with the number
        match = SINGLE_VALUE.match(text[start:])
        if match:
            return match if match.group("unit") in UNITS else None
    return None

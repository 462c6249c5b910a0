"""The template's required sections and the 14 附表 it must name are present.

The national 部门决算 disclosure template has five parts; part two has ten
explanations (十 with four sub-sections) and the last part names fourteen
statistical schedules. Each requirement is one check against the headings (by
their wording, not their numbers, which vary between departments) and the
``schedules`` records: a missing one fails.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ..normalize import normalize_line
from .engine import FAIL, PASS, Finding, Rule, paragraph_input, schedule_input
from .records import Records

SECTION = Rule("template.section", "模板要求的章节已公开", "A section the template requires is published")
SCHEDULE = Rule("template.schedule", "模板要求的附表已列出", "A schedule the template requires is named")
RULES = (SECTION, SCHEDULE)

# (words of the part's heading, words of the heading, English name): a heading
# in that part containing the words. Parts are named by their words, because a
# department without annexes numbers its schedules 第四部分.
REQUIRED_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("部门概况", "部门概况", "Part 1: overview of the department"),
    ("部门概况", "基本职能", "Part 1: functions and main work"),
    ("部门概况", "机构设置", "Part 1: organization"),
    ("决算情况说明", "部门决算情况说明", "Part 2: explanation of the final accounts"),
    ("决算情况说明", "收入支出决算总体情况", "Part 2 一: revenue and expenditure overall"),
    ("决算情况说明", "收入决算情况", "Part 2 二: revenue"),
    ("决算情况说明", "支出决算情况", "Part 2 三: expenditure"),
    ("决算情况说明", "财政拨款收入支出决算总体情况", "Part 2 四: fiscal appropriations overall"),
    ("决算情况说明", "一般公共预算财政拨款支出决算情况", "Part 2 五: general public budget expenditure"),
    ("决算情况说明", "一般公共预算财政拨款基本支出决算情况", "Part 2 六: general public budget basic expenditure"),
    ("决算情况说明", "“三公”经费财政拨款支出决算情况", "Part 2 七: 'three public' expenses"),
    ("决算情况说明", "政府性基金预算支出", "Part 2 八: government fund budget"),
    ("决算情况说明", "国有资本经营预算支出", "Part 2 九: state capital operation budget"),
    ("决算情况说明", "其他重要事项", "Part 2 十: other important matters"),
    ("决算情况说明", "机关运行经费", "Part 2 十(一): running costs"),
    ("决算情况说明", "政府采购", "Part 2 十(二): government procurement"),
    ("决算情况说明", "国有资产占有使用情况", "Part 2 十(三): state assets"),
    ("决算情况说明", "预算绩效管理情况", "Part 2 十(四): performance management"),
    ("名词解释", "名词解释", "Part 3: glossary"),
    ("附件", "附件", "Part 4: annexes"),
    ("附件", "部门整体支出绩效评价报告", "Part 4: the department's overall performance evaluation report"),
    ("附表", "附表", "Part 5: schedules"),
)

# The fourteen 附表 of the template, in order.
REQUIRED_SCHEDULES: tuple[str, ...] = (
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "财政拨款支出决算明细表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款支出决算明细表",
    "一般公共预算财政拨款基本支出决算表",
    "一般公共预算财政拨款项目支出决算表",
    "一般公共预算财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "政府性基金预算财政拨款“三公”经费支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款支出决算表",
)


@functools.lru_cache(maxsize=8192)  # the same headings are compared with each required section
def _plain(text: str) -> str:
    return "".join(normalize_line(text).text.split()).replace('"', "“")


def _headings_by_part(paragraphs) -> list[tuple[str, object]]:
    """(the part's heading, heading paragraph) for every heading after the contents."""
    result, part = [], ""
    for paragraph in paragraphs:
        if _plain(paragraph.text) != _plain(paragraph.section_title):
            continue
        if " / " not in paragraph.section_path:
            part = _plain(paragraph.text)
        result.append((part, paragraph))
    return result


def check(records: Records) -> Iterator[Finding]:
    headings = _headings_by_part(records.disclosure.paragraphs)
    for number, (part, words, english) in enumerate(REQUIRED_SECTIONS, start=1):
        heading = next(
            (p for in_part, p in headings if _plain(part) in in_part and _plain(words) in _plain(p.text)),
            None,
        )
        yield Finding(
            SECTION, f"{number:02d}", PASS if heading else FAIL,
            f"“{part}”部分“{words}”", english,
            inputs=(paragraph_input(heading, "heading"),) if heading else (),
            note=None if heading else f"no heading containing '{words}' in the part on '{part}'",
        )
    schedules = {s.number: s for s in records.disclosure.schedules}
    for number, title in enumerate(REQUIRED_SCHEDULES, start=1):
        schedule = schedules.get(number)
        if schedule is None:
            status, note = FAIL, "not named in the document"
        elif _plain(schedule.title_zh) != _plain(title):
            status, note = FAIL, f"schedule {number} is named '{schedule.title_zh}'"
        else:
            status = PASS
            note = None if schedule.included else "named only: the schedule's table is not in the published text"
        yield Finding(
            SCHEDULE, f"{number:02d}", status, f"附表{number}:{title}", f"Schedule {number}: {title}",
            inputs=(schedule_input(schedule, "schedule"),) if schedule else (), note=note,
        )

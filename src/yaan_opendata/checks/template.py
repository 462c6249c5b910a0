"""The template's required sections and the 14 附表 it must name are present.

The national 部门决算 disclosure template has five parts; part two has ten
numbered explanations (十 with four sub-sections) and part five names fourteen
statistical schedules. Each requirement is one check against the paragraphs'
section paths and headings and the ``schedules`` records: a missing one fails.
"""

from __future__ import annotations

from collections.abc import Iterator

from .engine import FAIL, PASS, Finding, Rule, paragraph_input, schedule_input
from .records import Records

SECTION = Rule("template.section", "模板要求的章节已公开", "A section the template requires is published")
SCHEDULE = Rule("template.schedule", "模板要求的附表已列出", "A schedule the template requires is named")
RULES = (SECTION, SCHEDULE)

# (part, words of the heading, English name): a heading in that part containing the words.
REQUIRED_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("第一部分", "部门概况", "Part 1: overview of the department"),
    ("第一部分", "基本职能", "Part 1: functions and main work"),
    ("第一部分", "机构设置", "Part 1: organization"),
    ("第二部分", "部门决算情况说明", "Part 2: explanation of the final accounts"),
    ("第二部分", "收入支出决算总体情况", "Part 2 一: revenue and expenditure overall"),
    ("第二部分", "收入决算情况", "Part 2 二: revenue"),
    ("第二部分", "支出决算情况", "Part 2 三: expenditure"),
    ("第二部分", "财政拨款收入支出决算总体情况", "Part 2 四: fiscal appropriations overall"),
    ("第二部分", "一般公共预算财政拨款支出决算情况", "Part 2 五: general public budget expenditure"),
    ("第二部分", "一般公共预算财政拨款基本支出决算情况", "Part 2 六: general public budget basic expenditure"),
    ("第二部分", "“三公”经费财政拨款支出决算情况", "Part 2 七: 'three public' expenses"),
    ("第二部分", "政府性基金预算支出决算情况", "Part 2 八: government fund budget"),
    ("第二部分", "国有资本经营预算支出决算情况", "Part 2 九: state capital operation budget"),
    ("第二部分", "其他重要事项", "Part 2 十: other important matters"),
    ("第二部分", "机关运行经费", "Part 2 十(一): running costs"),
    ("第二部分", "政府采购", "Part 2 十(二): government procurement"),
    ("第二部分", "国有资产占有使用情况", "Part 2 十(三): state assets"),
    ("第二部分", "预算绩效管理情况", "Part 2 十(四): performance management"),
    ("第三部分", "名词解释", "Part 3: glossary"),
    ("第四部分", "附件", "Part 4: annexes"),
    ("第四部分", "部门整体支出绩效评价报告", "Part 4: the department's overall performance evaluation report"),
    ("第五部分", "附表", "Part 5: schedules"),
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


def _plain(text: str) -> str:
    return "".join(text.split()).replace('"', "“")


def check(records: Records) -> Iterator[Finding]:
    headings = [p for p in records.disclosure.paragraphs if p.text == p.section_title]
    for number, (part, words, english) in enumerate(REQUIRED_SECTIONS, start=1):
        heading = next(
            (p for p in headings if p.section_path.split(" / ")[0] == part and _plain(words) in _plain(p.text)),
            None,
        )
        yield Finding(
            SECTION, f"{number:02d}", PASS if heading else FAIL,
            f"{part}“{words}”", english,
            inputs=(paragraph_input(heading, "heading"),) if heading else (),
            note=None if heading else f"no heading containing '{words}' in {part}",
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

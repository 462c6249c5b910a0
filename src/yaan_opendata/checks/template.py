"""The template's required sections and tables are present.

Departments follow one of the disclosure templates of ``lexicon/templates.yml``:
the Sichuan one (five parts: an explanation in ten chapters, the tables as 附表
at the end, listed or printed) or the national one (four parts: the nine
statistical tables, then their explanation). A document is checked against the
template whose sign it shows (a part only that template has: 第五部分 附表,
第二部分 …决算表), else against the one whose requirements it meets in the
largest share (a tie goes to the first listed): a document that leaves out a
required part is not thereby taken for another template.

Each requirement is one check: a section by the words of a heading (not its
number, which varies between departments), a table by a heading or a schedule of
the 附表 list that names it, or a cell of it that was read. A missing one fails;
the check names the template. A document in chapters only (一、…主要职能, 二、…,
no 第一部分) has no parts: its headings may stand anywhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..lexicon import Template, table_named, table_specs, templates
from ..normalize import normalize_line
from .engine import FAIL, PASS, Finding, Rule, paragraph_input, schedule_input
from .records import Records

SECTION = Rule("template.section", "模板要求的章节已公开", "A section the template requires is published")
TABLE = Rule("template.table", "模板要求的决算表已公开", "A table the template requires is published")
RULES = (SECTION, TABLE)
PART = re.compile(r"^第[一二三四五六七八九十]+部分")
ANNEX_TITLE = re.compile(r"^附件\d*[:：]")  # "附件1：…部门整体支出绩效评价报告" names an annex as a heading does


@functools.lru_cache(maxsize=8192)  # the same headings are compared with each required section
def _plain(text: str) -> str:
    return "".join(normalize_line(text).text.split()).replace('"', "“")


def _headings_by_part(paragraphs) -> list[tuple[str, object]]:
    """(the part's heading, heading paragraph) for every heading (or line naming an annex)
    after the contents."""
    result, part = [], ""
    for paragraph in paragraphs:
        plain = _plain(paragraph.text)
        if plain != _plain(paragraph.section_title) and not ANNEX_TITLE.match(plain):
            continue
        if " / " not in paragraph.section_path:
            part = _plain(paragraph.text)
        result.append((part, paragraph))
    return result


def _findings(template: Template, records: Records, headings) -> list[Finding]:
    findings = []
    label = template.label_zh
    for number, (part, words, text, english) in enumerate(template.sections, start=1):
        heading = next((p for in_part, p in headings
                        if (not in_part or part.search(in_part)) and words.search(_plain(p.text))), None)
        where = text.replace("|", "”或“")
        part_words = part.pattern.replace("|", "”或“")
        findings.append(Finding(
            SECTION, f"{template.key}.{number:02d}", PASS if heading else FAIL,
            f"{label}:“{part_words}”部分“{where}”", f"{template.label_en}: {english}",
            inputs=(paragraph_input(heading, "heading"),) if heading else (),
            note=None if heading else f"no heading containing '{text}' in the part on '{part.pattern}'",
        ))
    read = {cell.table for cell in records.disclosure.table_cells}
    for number, key in enumerate(template.tables, start=1):
        spec = table_specs()[key]
        heading = next((p for _, p in headings if _names(p.text, key)), None)
        schedule = next((s for s in records.disclosure.schedules if _names(s.title_zh, key)), None)
        status = PASS if heading or schedule or key in read else FAIL
        note = None
        if status == FAIL:
            note = "no heading or schedule names the table and none of its cells was read"
        elif key not in read:
            note = "named, with no amount read from it (an empty table, or one not in the published text)"
        inputs = (paragraph_input(heading, "heading"),) if heading else ()
        inputs += (schedule_input(schedule, "schedule"),) if schedule and not heading else ()
        findings.append(Finding(
            TABLE, f"{template.key}.{number:02d}", status, f"{label}:{spec.label_zh}",
            f"{template.label_en}: {spec.label_en}", inputs=inputs, note=note,
        ))
    return findings


def _names(title: str, key: str) -> bool:
    found = table_named(title)
    return found is not None and found.key == key


def followed(records: Records) -> tuple[Template, list[Finding]]:
    """The template the document follows, and its findings: the one whose sign it shows,
    else the one whose requirements it meets in the largest share."""
    headings = _headings_by_part(records.disclosure.paragraphs)
    parts = [_plain(p.text) for _, p in headings if PART.match(_plain(p.text))]
    if not parts:
        headings = [("", p) for _, p in headings]  # a document in chapters only: any part will do
    signed = [t for t in templates() if any(t.sign.search(part) for part in parts)]
    candidates = signed if len(signed) == 1 else templates()
    best = None
    for template in candidates:
        findings = _findings(template, records, headings)
        share = sum(f.status == PASS for f in findings) / len(findings)
        if best is None or share > best[0]:
            best = (share, template, findings)
    return best[1], best[2]


def check(records: Records) -> Iterator[Finding]:
    yield from followed(records)[1]

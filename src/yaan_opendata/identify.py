"""A document's identity read from its own text, for sources no manifest lists.

Every disclosure names its department and fiscal year in its title, in one of
many forms: one line ("2020年度雅安市政务服务和大数据局部门决算"), a cover of
several lines ("上海市普陀区财政局" / "2024年度部门决算"), spaces
("2024 年度部门决算"), the department before or after the year, 部门决算 or
单位决算, 决算公开 or 决算情况说明. Failing a title, the part headings say it
("第三部分 上海市普陀区财政局2024年度部门决算情况说明"). A publication date is
read where the page prints one (发布时间/发布日期); PDFs have none.

The department's identifier is built from its name (its region in pinyin, then
the initials of the rest: 雅安市文化广播电视和旅游局 → yaan-whgbdshlyj), so the
same department gets the same id in every year and adding a document never
renames another. A manifest entry, where there is one, overrides all of it
(sources/manifest.json pins the vendored documents).
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Sequence

# Ids read one character at a time, so they never depend on pypinyin's phrase
# dictionary; not loading it makes the import 0.04 s instead of 0.16 s of every build.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
from pypinyin import Style, lazy_pinyin

from .normalize import normalize_line
from .translations import org_name_en

HEAD_LINES = 40  # the title and date come before the table of contents and the text
_YEAR = r"(?P<{}>(?:19|20)\d{{2}})\s*年度?"
# "<year>年度<department>部门决算" or "<department><year>年度部门决算", spaces removed
TITLE = re.compile(
    rf"^(?:{_YEAR.format('year_before')})?(?P<department>[^\d,。;:]{{2,80}}?)"
    rf"(?:{_YEAR.format('year_after')})?(?P<kind>部门|单位)?决算(?:公开|情况说明|报告|说明)?$"
)
# A department's name ends in the word of its kind (…局, …委员会, …街道办事处, …中心).
DEPARTMENT = re.compile(
    r"(?:局|委员会|委|办公室|办公厅|办|中心|院|所|馆|站|队|处|街道办事处|街道|人民政府|政府|部|会|厅|学校|学院|医院"
    r"|公司|署|社|团|台|园|校|场|司|组|联合会|协会|研究室|事务中心)$"
)
# Words before the name on a page: "政府信息公开" / "关于" / a breadcrumb "首页>政务公开>…>"
_LEAD = re.compile(r"^(?:.*[>›»/|]|政府信息公开|信息公开|关于|公开)")
PUBLISHED = re.compile(
    r"(?:发布|公开|成文|更新)(?:时间|日期)\s*[:]?\s*(?P<y>\d{4})[-年./](?P<m>\d{1,2})[-月./](?P<d>\d{1,2})"
)
# "第三部分 上海市普陀区财政局2024年度部门决算情况说明" (a heading says it when no title does)
HEADING_IDENTITY = re.compile(
    rf"(?P<department>[^\d,。;:]{{2,40}}?){_YEAR.format('year')}(?:部门|单位)决算"
)
# The region a name starts with: "雅安市…", "北京市…", "连山壮族瑶族自治县…"
REGION = re.compile(r"^(?P<region>\D{2,4}?)(?:(?:\D{1,3}族)+自治(?:县|州|旗|区)|省|市|州|县|区)")


class IdentityError(ValueError):
    """The text names no department and year of a final-accounts disclosure."""


def identity_from_lines(lines: Sequence[str], file_name: str) -> dict:
    """A manifest entry read from a document's lines (its paragraphs, in order)."""
    plain = [_plain(line) for line in lines if line.strip()]
    head = plain[:HEAD_LINES]
    found = _title(head) or _from_headings(plain)
    if found is None:
        raise IdentityError(
            f"{file_name}: no title naming a department and a year ('<year>年度<department>部门决算', "
            f"on one line or on a cover of several) in its first {HEAD_LINES} lines and no heading "
            "'<department><year>年度部门决算…': not a 部门决算 disclosure (or list it in a manifest.json "
            "with its identity)"
        )
    title, department, year = found
    org_id = org_id_for(department)
    return {
        "document_id": f"{org_id}-{year}",
        "file": file_name,
        "title": title,
        "title_en": f"Final accounts {year} of the {org_name_en(department)}",
        "publisher": department,
        "publisher_en": org_name_en(department),
        "org_id": org_id,
        "published": _published(head),
        "fiscal_year": year,
        "language": "zh",
    }


def _plain(line: str) -> str:
    """A line in one spelling, without spaces (titles are printed '2024 年度部门决算')."""
    return re.sub(r"\s+", "", normalize_line(line).text)


def _title(head: list[str]) -> tuple[str, str, int] | None:
    """(title, department, year) from a title line, or a cover title of up to three lines."""
    for start in range(len(head)):
        for size in (1, 2, 3):
            lines = head[start:start + size]
            if len(lines) < size:
                break
            for candidate in _orders(lines):
                found = _match_title(candidate)
                if found:
                    return found
    return None


def _orders(lines: list[str]) -> list[str]:
    """The lines of a cover joined as printed, and with a lone year moved first
    ("上海市普陀区财政局" / "年度部门决算" / "2024": a PDF may give the year last)."""
    joined = ["".join(lines)]
    years = [line for line in lines if re.fullmatch(r"(?:19|20)\d{2}", line)]
    if years:
        rest = [line for line in lines if line not in years]
        joined.append(rest[0] + years[0] + "".join(rest[1:]) if rest else years[0])
    return joined


def _match_title(candidate: str) -> tuple[str, str, int] | None:
    match = TITLE.match(candidate)
    if not match:
        return None
    year = match["year_before"] or match["year_after"]
    department = _LEAD.sub("", match["department"])
    # a name never holds 决算: "首页>…>部门决算" + "海口市龙华区农业农村局2022年度部门决算公开" is a
    # breadcrumb before the title, not one title of two lines
    if not year or not DEPARTMENT.search(department) or re.search(r"部分|目录|决算|、", department) or len(department) > 40:
        return None
    return candidate, department, int(year)


def _from_headings(lines: list[str]) -> tuple[str, str, int] | None:
    for line in lines:
        match = HEADING_IDENTITY.search(re.sub(r"^第[一二三四五六七八九十]+部分", "", line))
        if match and DEPARTMENT.search(match["department"]):
            department = _LEAD.sub("", match["department"])
            year = int(match["year"])
            return f"{year}年度{department}部门决算", department, year
    return None


def _published(head: list[str]) -> str | None:
    """The publication date the page prints (YYYY-MM-DD), if any and if it is a date."""
    for line in head:
        match = PUBLISHED.search(line)
        if match:
            try:
                return datetime.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                raise IdentityError(f"publication date '{match.group(0)}' is not a date") from None
    return None


def unit_id_for(department_id: str, name: str) -> str:
    """A subordinate unit's id from its name, the same in every year's accounts:
    ('yaan-zwfwdsj', '雅安市公共资源交易服务中心(雅安市政府采购中心)') → 'yaan-zwfwdsj-ggzyjyfwzx'."""
    plain = re.sub(r"\(.*?\)", "", normalize_line(name).text)
    region = REGION.match(plain)
    rest = plain[region.end():] if region and len(plain) - region.end() >= 2 else plain
    initials = _spelled(rest, Style.FIRST_LETTER)
    return f"{department_id}-" + (re.sub(r"[^a-z0-9]", "", initials.lower()) or "unit")


def org_id_for(name: str) -> str:
    """'雅安市文化广播电视和旅游局' → 'yaan-whgbdshlyj' (region in pinyin, then initials)."""
    region = REGION.match(name)
    rest = name[region.end():] if region else name
    head = _spelled(region["region"], Style.NORMAL, place=True) if region else ""
    district = REGION.match(rest)  # "长宁区…": a place name too, read as one
    initials = (_spelled(rest[:district.end()], Style.FIRST_LETTER, place=True) if district else "") + _spelled(
        rest[district.end() if district else 0:], Style.FIRST_LETTER)
    slug = "-".join(part for part in (head, initials) if part)
    return re.sub(r"[^a-z0-9-]", "", slug.lower()) or "org"


# Characters whose reading in place names is not their first in the dictionary
# (长沙 chang, 重庆 chong, 厦门 xia): read so in a region's name only.
PLACE_READINGS = {
    "长": "chang", "重": "chong", "厦": "xia", "蚌": "beng", "台": "tai", "丽": "li", "乐": "le",
    "六": "lu", "都": "du", "番": "pan", "蔚": "yu", "单": "shan", "会": "hui", "铅": "yan", "行": "hang",
}


def _spelled(text: str, style: Style, *, place: bool = False) -> str:
    """Each character in pinyin (or its initial), by its first reading in the dictionary."""
    return "".join(
        (PLACE_READINGS[c] if style == Style.NORMAL else PLACE_READINGS[c][0])
        if place and c in PLACE_READINGS else lazy_pinyin(c, style=style)[0]
        for c in text
    )

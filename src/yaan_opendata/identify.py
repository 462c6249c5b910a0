"""A document's identity read from its own text, for sources no manifest lists.

Every disclosure page opens with its title ("2020年度雅安市政务服务和大数据局部门决算")
and a line with its publication date ("来源:… 发布时间:2021-09-14 10:21"). From
them come the fiscal year, the department and an identifier built from the
department's name (its region in pinyin, then the initials of the rest:
雅安市文化广播电视和旅游局 → yaan-whgbdshlyj), so the same department gets the
same id in every year and adding a document never renames another. A manifest
entry, where there is one, overrides all of it (sources/manifest.json pins the
vendored documents).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# Ids read one character at a time, so they never depend on pypinyin's phrase
# dictionary; not loading it makes the import 0.04 s instead of 0.16 s of every build.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
from pypinyin import Style, lazy_pinyin

from .errors import SourceError
from .normalize import normalize_line
from .translations import org_name_en

HEAD_LINES = 12  # the title and date come before the table of contents
TITLE = re.compile(
    r"^(?:(?P<year_before>\d{4})年度?)?(?P<department>\D{3,40}?)(?:(?P<year_after>\d{4})年度?)?部门决算(?:公开)?$"
)
PUBLISHED = re.compile(r"发布(?:时间|日期)\s*[:]\s*(?P<date>\d{4}-\d{2}-\d{2})")
REGION = re.compile(r"^(?P<region>\D{2,4}?)(?:省|市|州|县|区)")


def entry_from_text(path: Path) -> dict:
    """A manifest entry for ``path`` read from its title and date lines."""
    document_id = path.stem
    try:
        lines = [normalize_line(line).text.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except UnicodeDecodeError as exc:
        raise SourceError(document_id, f"{path.name} is not UTF-8 ({exc.reason})") from None
    head = [line for line in lines if line][:HEAD_LINES]
    title = next((m for m in map(TITLE.match, head) if m), None)
    if title is None:
        raise SourceError(
            document_id,
            f"{path.name}: no title line '<year>年度<department>部门决算' in its first {HEAD_LINES} lines: "
            "not a 部门决算 disclosure (or list it in a manifest.json with its identity)",
        )
    published = next((m for m in map(PUBLISHED.search, head) if m), None)
    if published is None:
        raise SourceError(document_id, f"{path.name}: no publication date ('发布时间:YYYY-MM-DD') in its first lines")
    department = title["department"]
    year = int(title["year_before"] or title["year_after"])
    org_id = org_id_for(department)
    return {
        "document_id": f"{org_id}-{year}",
        "file": path.name,
        "title": title.group(0),
        "title_en": f"Final accounts {year} of the {org_name_en(department)}",
        "publisher": department,
        "publisher_en": org_name_en(department),
        "org_id": org_id,
        "published": published["date"],
        "fiscal_year": year,
        "language": "zh",
    }


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
    head = _spelled(region["region"], Style.NORMAL) if region else ""
    initials = _spelled(rest, Style.FIRST_LETTER)
    slug = "-".join(part for part in (head, initials) if part)
    return re.sub(r"[^a-z0-9-]", "", slug.lower()) or "org"


def _spelled(text: str, style: Style) -> str:
    """Each character in pinyin (or its initial), by its first reading in the dictionary."""
    return "".join(lazy_pinyin(character, style=style)[0] for character in text)

"""第一部分 二、机构设置 → the department and its subordinate units (Organization),
and the stated unit counts (WorkMetric).

The section names the units twice: once in the 分别为 sentence with their rank
and type, once in the list of units in the accounts scope. The two lists may
spell a unit differently (this document: 雅安市政务服务中心 in the first,
"2. 雅安市政务中心" in the second), so names are matched by ``match_name``;
the first list's spelling is kept as the unit's name.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..errors import SourceError
from ..identify import unit_id_for
from ..model import Organization, Paragraph, WorkMetric
from ..source import SourceDocument
from ..translations import org_name_en
from . import sections as S
from .common import find, section
from .headings import heading_phrase, under_heading

# --- patterns of the template, with an example sentence of a real document --------

# "雅安市政务服务和大数据局下属二级单位3个,其中行政单位0个,参照公务员法管理的事业单位0个,其他事业单位3个。"
UNIT_COUNT_SENTENCE = re.compile(r"(?P<department>[^,\uff0c。]+?)下属二级单位\d+个")
UNIT_COUNT = re.compile(
    r"(?P<label>下属二级单位|行政单位|参照公务员法管理的事业单位|其他事业单位)(?P<number>\d+)个"
)
UNIT_COUNT_KEYS = {
    "下属二级单位": "total",
    "行政单位": "administrative",
    "参照公务员法管理的事业单位": "civil_service_managed_institution",
    "其他事业单位": "other_public_institution",
}
# "分别为雅安市公共资源交易服务中心(雅安市政府采购中心)、雅安市政务服务中心、雅安市大数据管理中心。"
UNIT_NAMES = re.compile(r"分别为(?P<names>[^。]+)。")
# "其中,雅安市公共资源交易服务中心(雅安市政府采购中心)为副县级事业单位,雅安市政务服务中心为正科级事业单位,…。"
UNIT_RANKS = re.compile(r"其中[,\uff0c](?P<clauses>[^。]+)")
UNIT_RANK = re.compile(
    r"^(?P<name>.+?)为(?P<rank>[正副]?[^,\uff0c。为]{1,3}级)?"
    r"(?P<kind>参照公务员法管理的事业单位|其他事业单位|公益[一二三]类事业单位|事业单位|行政单位)$"
)
# A group of units named by their count and kind, with a shared rank after it:
# "8个县(区)生态环境局为市生态环境局派出机构,均为正科级"
GROUP_RANK = re.compile(
    r"(?<!其余)(?<!\d)(?P<count>\d+)个(?P<noun>[^,\uff0c;\uff1b为]+?)为[^,\uff0c;\uff1b。]*?"
    r"(?P<kind>派出机构|参照公务员法管理的事业单位|其他事业单位|公益[一二三]类事业单位|事业单位|行政单位)"
    r"(?:[,\uff0c]均为(?P<rank>[正副]?[^,\uff0c;\uff1b。为]{1,3}级))?"
)
# The last words of a group's noun name its units: "县(区)生态环境局" → 生态环境局
_GROUP_NOUN_TAIL = re.compile(r"[^()\uff08\uff09县区市乡镇]+$")
ORG_TYPES = {
    "派出机构": "administrative",  # an agency of the department, counted among its 行政单位
    "参照公务员法管理的事业单位": "civil_service_managed_institution",
    "其他事业单位": "public_institution",
    "事业单位": "public_institution",
    "行政单位": "administrative",
    **{f"公益{n}类事业单位": "public_institution" for n in "一二三"},
}
# "纳入雅安市政务服务和大数据局2020年度部门决算编制范围的二级单位包括:"
SCOPE_INTRO = re.compile(r"纳入.+?部门决算编制范围的二级单位包括[:\uff1a]?\s*$")
# "2. 雅安市政务中心"
SCOPE_ITEM = re.compile(r"^\d+\s*[.、\uff0e]\s*(?P<name>\S.*?)\s*$")

# "二、机构设置"
SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、\s*机构设置")
# The 附件1 report restates the counts under "(一)机构组成。".
ANNEX_RESTATEMENT = re.compile(r"^[(\uff08][一二三四五六七八九十]+[)\uff09]机构组成")

_CLAUSE_SEPARATOR = re.compile(r"[,\uff0c;\uff1b](?![^(\uff08]*[)\uff09])")  # not inside brackets
OTHERS = "其余"
_LIST_SEPARATOR = re.compile(r"[、,\uff0c](?![^(\uff08]*[)\uff09])")  # not inside brackets
_BRACKETS = re.compile(r"[(\uff08][^)\uff09]*[)\uff09]")


def extract(doc: SourceDocument):
    yield from organizations(doc)
    paragraph, _ = _count_sentence(doc)
    yield from unit_counts(doc, paragraph, "overview")
    restatement = _annex_restatement(doc)
    if restatement is not None:
        yield from unit_counts(doc, restatement, "annex1")


def organizations(doc: SourceDocument) -> list[Organization]:
    """The department first, then its units in the order of the 分别为 list."""
    paragraphs = _section(doc)
    paragraph, count_match = _count_sentence(doc)
    dept_name = count_match["department"]
    dept_id = doc.document.org_id
    units = _units(doc, paragraph, dept_id)
    intro, scope_names = _scope_names(doc, paragraphs)
    # A department that lists itself ("雅安市XX局(本级)") is in scope anyway.
    scope_names = [n for n in scope_names if _plain(n) != _plain(dept_name)]
    matched = _match_scope(doc, intro, [u["name"] for u in units], scope_names)
    department = Organization(
        org_id=dept_id,
        name_zh=dept_name,
        name_en=org_name_en(dept_name),
        parent_org_id=None,
        org_type="department",
        rank=None,
        in_accounts_scope=True,  # the accounts are the department's own
        paragraph_id=paragraph.paragraph_id,
    )
    return [department] + [
        Organization(
            org_id=unit["org_id"],
            name_zh=unit["name"],
            name_en=org_name_en(unit["name"]),
            parent_org_id=dept_id,
            org_type=unit["org_type"],
            rank=unit["rank"],
            in_accounts_scope=n in matched,
            paragraph_id=paragraph.paragraph_id,
        )
        for n, unit in enumerate(units)
    ]


def unit_counts(doc: SourceDocument, paragraph: Paragraph, where: str) -> list[WorkMetric]:
    """'下属二级单位3个,其中行政单位0个…' → one WorkMetric per count."""
    topic = heading_phrase(paragraph.section_title)
    records = []
    for match in UNIT_COUNT.finditer(paragraph.text):
        key = UNIT_COUNT_KEYS[match["label"]]
        records.append(
            WorkMetric(
                metric_id=f"{doc.document_id}.{where}.subordinate_units.{key}",
                document_id=doc.document_id,
                topic=topic,
                metric=f"{match['label']}N个",
                value=Decimal(match["number"]),
                unit="个",
                qualifier=None,
                value_as_published=f"{match['number']}个",
                literal=match.group(0),
                paragraph_id=paragraph.paragraph_id,
            )
        )
    return records


def match_name(name: str, candidates: list[str]) -> int | None:
    """Index of the candidate naming the same organization as ``name``, or None.

    The rule, in order: the same name; the same name once spaces and bracketed
    second names are dropped (or ``name`` is a candidate's bracketed second
    name); else the one candidate whose characters contain ``name``'s in the
    same order, or are contained in it: a short form drops characters but
    never adds or reorders them (雅安市政务中心 ⊂ 雅安市政务服务中心,
    市政务服务和大数据局 ⊂ 雅安市政务服务和大数据局). Ambiguity is no match.
    """
    if name in candidates:
        return candidates.index(name)
    plain = _plain(name)
    for index, candidate in enumerate(candidates):
        if plain == _plain(candidate) or plain in _aliases(candidate):
            return index
    similar = [
        index
        for index, candidate in enumerate(candidates)
        if _is_subsequence(plain, _plain(candidate)) or _is_subsequence(_plain(candidate), plain)
    ]
    return similar[0] if len(similar) == 1 else None


def _section(doc: SourceDocument) -> list[Paragraph]:
    _, body = under_heading(doc, section(doc, S.OVERVIEW), SECTION_HEADING, "机构设置")
    return body


def _count_sentence(doc: SourceDocument) -> tuple[Paragraph, re.Match]:
    return find(doc, _section(doc), UNIT_COUNT_SENTENCE, "下属二级单位 sentence")


def _annex_restatement(doc: SourceDocument) -> Paragraph | None:
    try:
        _, body = under_heading(doc, doc.paragraphs, ANNEX_RESTATEMENT, "机构组成")
    except SourceError:  # the restatement is optional in the report template
        return None
    return next((p for p in body if UNIT_COUNT_SENTENCE.search(p.text)), None)


def _units(doc: SourceDocument, paragraph: Paragraph, dept_id: str) -> list[dict]:
    names_match = UNIT_NAMES.search(paragraph.text)
    if names_match is None:
        if int(UNIT_COUNT.search(paragraph.text)["number"]) == 0:
            return []
        raise doc.error("the subordinate units are counted but not named (分别为…)", paragraph)
    names = [n.strip() for n in _LIST_SEPARATOR.split(names_match["names"]) if n.strip()]
    ranks_match = UNIT_RANKS.search(paragraph.text, names_match.end())
    stated_text = ranks_match["clauses"] if ranks_match else ""
    stated = {}
    for group in GROUP_RANK.finditer(stated_text):
        tail = _GROUP_NOUN_TAIL.search(group["noun"])
        members = [i for i, n in enumerate(names) if tail and _plain(n).endswith(tail.group(0))]
        if len(members) != int(group["count"]):
            raise doc.error(f"'{group.group(0)}' names {group['count']} units, {len(members)} of the list end "
                            f"with '{tail.group(0) if tail else group['noun']}'", paragraph)
        stated.update(dict.fromkeys(members, group))
    stated_text = GROUP_RANK.sub("", stated_text)
    clauses = [c for c in _CLAUSE_SEPARATOR.split(stated_text) if c.strip()]
    for clause in clauses:
        rank_match = UNIT_RANK.match(clause.strip())
        if rank_match is None:
            raise doc.error(f"cannot read the rank and type of a unit in '{clause}'", paragraph)
        # "A、B为正科级事业单位" names several units; "其余15个乡镇卫生院为股级事业单位" the rest.
        if rank_match["name"].startswith(OTHERS):
            for index in range(len(names)):
                stated.setdefault(index, rank_match)
            continue
        for name in _LIST_SEPARATOR.split(rank_match["name"]):
            index = match_name(name, names)
            if index is None:
                raise doc.error(f"'{name}' is not one of the units {names}", paragraph)
            stated[index] = rank_match
    units, taken = [], set()
    for index, name in enumerate(names):
        if index not in stated:
            raise doc.error(f"no rank and type stated for unit '{name}'", paragraph)
        org_id = unit_id_for(dept_id, name)
        if org_id in taken:  # two names with the same initials: number the later one
            org_id = f"{org_id}-{index + 1}"
        taken.add(org_id)
        units.append(
            {
                "org_id": org_id,
                "name": name,
                "rank": stated[index]["rank"],
                "org_type": ORG_TYPES[stated[index]["kind"]],
            }
        )
    return units


def _scope_names(doc: SourceDocument, paragraphs: list[Paragraph]) -> tuple[Paragraph, list[str]]:
    intro, _ = find(doc, paragraphs, SCOPE_INTRO, "部门决算编制范围 list")
    names = []
    for paragraph in paragraphs[paragraphs.index(intro) + 1:]:
        item = SCOPE_ITEM.match(paragraph.text)
        if item is None:
            break
        names.append(item["name"])
    if not names:
        raise doc.error("the 部门决算编制范围 list has no items", intro)
    return intro, names


def _match_scope(doc: SourceDocument, intro: Paragraph, units: list[str], names: list[str]) -> set[int]:
    """Indexes of the units in the scope list: by name (match_name), else by
    position when both lists are equally long and that unit is still unmatched."""
    matched: dict[int, int] = {}  # unit index → position in the scope list
    for position, name in enumerate(names):
        index = match_name(name, units)
        if index is None and len(names) == len(units) and position not in matched:
            index = position
        if index is None or index in matched:
            raise doc.error(f"scope list unit '{name}' matches none of the units {units}", intro)
        matched[index] = position
    return set(matched)


def _plain(name: str) -> str:
    return _BRACKETS.sub("", re.sub(r"\s+", "", name))


def _aliases(name: str) -> list[str]:
    return [alias[1:-1] for alias in _BRACKETS.findall(re.sub(r"\s+", "", name))]


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return len(short) < len(long) and all(c in chars for c in short)

"""English names for what the template names in Chinese: organizations and schedules.

Organization names are composed from known terms, longest term first:
雅安市 + 公共资源交易服务中心 → "Ya'an Municipal Public Resources Trading Service
Centre"; a bracketed second name (一个机构两块牌子) is translated on its own and
kept in brackets. A name with any part not covered by ``ORG_TERMS`` falls back
to the Chinese name unchanged: a half-English name would look translated
without being so, and the Chinese name is always correct.

The 附表 titles are fixed national template names, so they are a plain mapping;
an unknown title also falls back to the Chinese.
"""

from __future__ import annotations

import re

# Terms of organization names. Add terms here; composition does the rest.
ORG_TERMS: dict[str, str] = {
    "雅安市": "Ya'an Municipal",
    "市": "Municipal",  # "市政务服务和大数据局", the department's short form
    "政务服务和大数据局": "Government Service and Big Data Bureau",
    "公共资源交易服务中心": "Public Resources Trading Service Centre",
    "公共资源交易中心": "Public Resources Trading Centre",
    "政府采购中心": "Government Procurement Centre",
    "政务服务中心": "Government Service Centre",
    "政务中心": "Government Affairs Centre",
    "大数据管理中心": "Big Data Management Centre",
    "行政审批局": "Administrative Approval Bureau",
    "人民政府": "People's Government",
    "本级": "Headquarters",  # 部门本级: the department without its subordinate units
}

# Terms of project names ("雅安市政务云平台服务经费项目"), composed the same way.
PROJECT_TERMS: dict[str, str] = {
    "雅安市": "Ya'an Municipal",
    "“12345”": "'12345'",
    "政务信息资源共享平台": "Government Information Resource Sharing Platform",
    "政务云平台": "Government Cloud Platform",
    "政务服务热线": "Government Service Hotline",
    "服务经费": "Service Funds",
    "项目": "Project",
}

SCHEDULE_TITLES: dict[str, str] = {
    "收入支出决算总表": "Summary Statement of Final Revenue and Expenditure",
    "收入决算表": "Statement of Final Revenue",
    "支出决算表": "Statement of Final Expenditure",
    "财政拨款收入支出决算总表": "Summary Statement of Final Revenue and Expenditure of Fiscal Appropriations",
    "财政拨款支出决算明细表": "Detailed Statement of Final Expenditure of Fiscal Appropriations",
    "一般公共预算财政拨款支出决算表": "Statement of Final Expenditure of General Public Budget Appropriations",
    "一般公共预算财政拨款支出决算明细表": "Detailed Statement of Final Expenditure of General Public Budget Appropriations",
    "一般公共预算财政拨款基本支出决算表": "Statement of Final Basic Expenditure of General Public Budget Appropriations",
    "一般公共预算财政拨款项目支出决算表": "Statement of Final Project Expenditure of General Public Budget Appropriations",
    "一般公共预算财政拨款“三公”经费支出决算表": (
        "Statement of Final 'Three Public' Expenditure (overseas trips, official vehicles, "
        "official receptions) of General Public Budget Appropriations"
    ),
    "政府性基金预算财政拨款收入支出决算表": "Statement of Final Revenue and Expenditure of Government Fund Budget Appropriations",
    "政府性基金预算财政拨款“三公”经费支出决算表": (
        "Statement of Final 'Three Public' Expenditure of Government Fund Budget Appropriations"
    ),
    "国有资本经营预算财政拨款收入支出决算表": (
        "Statement of Final Revenue and Expenditure of State Capital Operation Budget Appropriations"
    ),
    "国有资本经营预算财政拨款支出决算表": "Statement of Final Expenditure of State Capital Operation Budget Appropriations",
}

_BRACKETED = re.compile(r"^(?P<main>[^(\uff08]+)[(\uff08](?P<inner>[^)\uff09]+)[)\uff09]$")


def org_name_en(name_zh: str) -> str:
    """The English name composed from ORG_TERMS, or the Chinese name if a part is unknown."""
    name = re.sub(r"\s+", "", name_zh)
    bracketed = _BRACKETED.match(name)
    if bracketed:
        main, inner = _compose(bracketed["main"], ORG_TERMS), _compose(bracketed["inner"], ORG_TERMS)
        return f"{main} ({inner})" if main and inner else name_zh
    return _compose(name, ORG_TERMS) or name_zh


def project_name_en(name_zh: str) -> str:
    """The English project name composed from PROJECT_TERMS, or the Chinese name if a part is unknown."""
    return _compose(re.sub(r"\s+", "", name_zh), PROJECT_TERMS) or name_zh


def _compose(name: str, terms: dict[str, str]) -> str | None:
    """Split ``name`` into known terms, longest first, left to right; None if a part is unknown."""
    longest_first = sorted(terms, key=len, reverse=True)
    words = []
    rest = name
    while rest:
        term = next((t for t in longest_first if rest.startswith(t)), None)
        if term is None:
            return None
        words.append(terms[term])
        rest = rest[len(term):]
    return " ".join(words)


def schedule_title_en(title_zh: str) -> str:
    """The English title of a template schedule, or the Chinese title if it is not a template one."""
    return SCHEDULE_TITLES.get(title_zh.strip(), title_zh)

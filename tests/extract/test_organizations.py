"""第一部分 二、机构设置 → the department and its units (Organization) and the unit counts."""

from decimal import Decimal

import pytest
from keyed import keyed

from yaan_opendata.errors import SourceError
from yaan_opendata.extract import organizations
from yaan_opendata.extract.organizations import match_name
from yaan_opendata.model import Organization, WorkMetric
from yaan_opendata.source import SourceDocument, split_paragraphs

DOC = "yaan-zwfwdsj-2020"
# Unit ids: the department's id and the initials of the unit's name without its region,
# so the same unit has the same id in every year's accounts.
UNIT_IDS = ("ggzyjyfwzx", "zwfwzx", "dsjglzx")
DEPT = "yaan-zwfwdsj"


@pytest.fixture(scope="module")
def records(seed_doc):
    return list(organizations.extract(seed_doc))


@pytest.fixture(scope="module")
def orgs(records):
    return {r.org_id: r for r in records if isinstance(r, Organization)}


@pytest.fixture(scope="module")
def counts(records):
    return keyed(records, WorkMetric)


def test_the_department_is_the_subject_of_the_unit_sentence(orgs, text_of):
    # "雅安市政务服务和大数据局下属二级单位3个,其中行政单位0个,…"
    dept = orgs[DEPT]
    assert dept.name_zh == "雅安市政务服务和大数据局"
    assert dept.name_en == "Ya'an Municipal Government Service and Big Data Bureau"
    assert (dept.org_type, dept.parent_org_id, dept.rank) == ("department", None, None)
    assert dept.in_accounts_scope
    assert text_of[dept.paragraph_id].startswith("雅安市政务服务和大数据局下属二级单位3个")


def test_units_in_the_order_of_the_list_with_rank_and_type(orgs, text_of):
    # "分别为雅安市公共资源交易服务中心(雅安市政府采购中心)、雅安市政务服务中心、雅安市大数据管理中心。
    #  其中,雅安市公共资源交易服务中心(雅安市政府采购中心)为副县级事业单位,雅安市政务服务中心为正科级事业单位,
    #  雅安市大数据管理中心为正科级事业单位。"
    units = [orgs[f"{DEPT}-{initials}"] for initials in UNIT_IDS]
    assert [u.name_zh for u in units] == [
        "雅安市公共资源交易服务中心(雅安市政府采购中心)",
        "雅安市政务服务中心",
        "雅安市大数据管理中心",
    ]
    assert [u.rank for u in units] == ["副县级", "正科级", "正科级"]
    assert {u.org_type for u in units} == {"public_institution"}
    assert {u.parent_org_id for u in units} == {DEPT}
    assert units[0].name_en == (
        "Ya'an Municipal Public Resources Trading Service Centre (Ya'an Municipal Government Procurement Centre)"
    )
    assert units[2].name_en == "Ya'an Municipal Big Data Management Centre"
    assert all("为" + u.rank + "事业单位" in text_of[u.paragraph_id] for u in units)
    assert len(orgs) == 4


def test_every_unit_is_in_the_accounts_scope_though_one_is_spelled_differently(orgs):
    # "纳入…部门决算编制范围的二级单位包括: 1. 雅安市公共资源交易服务中心(雅安市政府采购中心)
    #  2. 雅安市政务中心  3. 雅安市大数据管理中心": 雅安市政务中心 is 雅安市政务服务中心.
    assert all(orgs[f"{DEPT}-{initials}"].in_accounts_scope for initials in UNIT_IDS)


def test_match_name_accepts_short_forms_and_second_names_and_refuses_ambiguity():
    units = ["雅安市公共资源交易服务中心(雅安市政府采购中心)", "雅安市政务服务中心", "雅安市大数据管理中心"]
    assert match_name("雅安市政务服务中心", units) == 1
    assert match_name("雅安市政务中心", units) == 1  # characters dropped, none added
    assert match_name("雅安市政府采购中心", units) == 0  # the bracketed second name
    assert match_name("雅安市公共资源交易服务中心", units) == 0
    assert match_name("市政务服务和大数据局", ["雅安市政务服务和大数据局", *units]) == 0
    assert match_name("雅安市中心", units) is None  # fits all three
    assert match_name("雅安市教育局", units) is None


def test_unit_counts_are_work_metrics_of_both_statements(counts, text_of):
    # "下属二级单位3个,其中行政单位0个,参照公务员法管理的事业单位0个,其他事业单位3个"
    expected = {
        "total": 3,
        "administrative": 0,
        "civil_service_managed_institution": 0,
        "other_public_institution": 3,
    }
    for where, topic in (("overview", "机构设置"), ("annex1", "机构组成")):
        for key, value in expected.items():
            metric = counts[f"{where}.subordinate_units.{key}"]
            assert metric.value == Decimal(value) and metric.unit == "个"
            assert metric.topic == topic
            assert metric.literal in text_of[metric.paragraph_id]
    assert counts["overview.subordinate_units.total"].paragraph_id == f"{DOC}-p0073"
    assert counts["annex1.subordinate_units.total"].paragraph_id == f"{DOC}-p0373"
    assert counts["overview.subordinate_units.administrative"].literal == "行政单位0个"


def _doc(seed_doc, text):
    """A document of the seed's metadata with ``text`` as its content."""
    return SourceDocument(seed_doc.document, tuple(split_paragraphs(DOC, text)))


SECTION = """第一部分 部门概况
二、机构设置
某某局下属二级单位2个,其中行政单位1个,参照公务员法管理的事业单位1个,其他事业单位0个。分别为甲中心、乙所。其中,甲中心为正科级参照公务员法管理的事业单位,乙所为副科级行政单位。
纳入某某局2020年度部门决算编制范围的二级单位包括:
{items}
"""


def test_a_scope_name_that_matches_nothing_is_matched_by_position(seed_doc):
    doc = _doc(seed_doc, SECTION.format(items="1. 甲中心\n2. 丙站"))
    units = [o for o in organizations.organizations(doc) if o.org_type != "department"]
    assert [(u.name_zh, u.org_type, u.rank, u.in_accounts_scope) for u in units] == [
        ("甲中心", "civil_service_managed_institution", "正科级", True),
        ("乙所", "administrative", "副科级", True),
    ]


def test_a_unit_missing_from_the_scope_list_is_out_of_scope(seed_doc):
    doc = _doc(seed_doc, SECTION.format(items="1. 乙所"))
    scope = {o.name_zh: o.in_accounts_scope for o in organizations.organizations(doc)}
    assert scope == {"某某局": True, "甲中心": False, "乙所": True}


def test_a_unit_without_rank_and_type_is_an_error(seed_doc):
    text = SECTION.format(items="1. 甲中心").replace(",乙所为副科级行政单位", "")
    with pytest.raises(SourceError, match="no rank and type stated for unit '乙所'"):
        organizations.organizations(_doc(seed_doc, text))

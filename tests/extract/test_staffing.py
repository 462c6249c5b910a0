"""附件1 (三)人员概况 → Staffing rows per unit and post category.

"人员编制共计45个,市政务服务和大数据局设有行政编制14个,其中:局长1人,副局长3人,机关党支部书记1人,
正科级领导职数4人,副科级领导职数2人,机关工勤人员编制(控制数)1个,2020年末实有人数:行政11人,
机关工勤人员1人;雅安市公共资源交易服务中心(雅安市政府采购中心)设有事业编制16个,2020年末实有人数14人,
雅安市政务服务中心设有事业编制7个,2020年末实有人数6人,雅安市大数据管理中心设有事业编制7个,
2020年末实有人数7人。"
"""

import pytest

from yaan_opendata.extract import staffing

DOC = "yaan-zwfwdsj-2020"
DEPT = "yaan-zwfwdsj"
PARAGRAPH = f"{DOC}-p0386"


@pytest.fixture(scope="module")
def rows(seed_doc):
    return {r.staffing_id.removeprefix(f"{DOC}.staffing."): r for r in staffing.extract(seed_doc)}


def _numbers(row):
    return (row.org_id, row.post_category, row.post_title, row.authorized, row.actual)


def test_the_paragraph_is_found_under_its_heading_and_every_literal_is_in_it(rows, text_of):
    assert text_of[PARAGRAPH].startswith("人员编制共计45个")
    assert {r.paragraph_id for r in rows.values()} == {PARAGRAPH}
    assert all(r.literal in text_of[PARAGRAPH] for r in rows.values())


def test_grand_total_is_a_department_row(rows):
    assert _numbers(rows[f"{DEPT}.total"]) == (DEPT, "合计", None, 45, None)
    assert rows[f"{DEPT}.total"].literal == "人员编制共计45个"


def test_department_posts_with_their_year_end_headcount(rows):
    # "市政务服务和大数据局" is the department: linked by the short-form name rule.
    assert _numbers(rows[f"{DEPT}.administrative"]) == (DEPT, "行政编制", None, 14, 11)
    assert _numbers(rows[f"{DEPT}.logistics"]) == (DEPT, "机关工勤人员编制", None, 1, 1)


def test_leadership_positions_are_rows_with_their_titles(rows):
    leaders = [rows[f"{DEPT}.leadership.{n}"] for n in range(1, 6)]
    assert [(r.post_category, r.post_title, r.authorized, r.actual) for r in leaders] == [
        ("领导职数", "局长", 1, None),
        ("领导职数", "副局长", 3, None),
        ("领导职数", "机关党支部书记", 1, None),
        ("领导职数", "正科级领导", 4, None),
        ("领导职数", "副科级领导", 2, None),
    ]
    assert leaders[3].literal == "正科级领导职数4人"


def test_units_are_linked_to_their_organizations(rows):
    assert _numbers(rows[f"{DEPT}-ggzyjyfwzx.public_institution"]) == (
        f"{DEPT}-ggzyjyfwzx", "事业编制", None, 16, 14,
    )
    assert _numbers(rows[f"{DEPT}-zwfwzx.public_institution"]) == (f"{DEPT}-zwfwzx", "事业编制", None, 7, 6)
    assert _numbers(rows[f"{DEPT}-dsjglzx.public_institution"]) == (f"{DEPT}-dsjglzx", "事业编制", None, 7, 7)
    assert rows[f"{DEPT}-zwfwzx.public_institution"].literal == "雅安市政务服务中心设有事业编制7个,2020年末实有人数6人"


def test_the_stated_total_equals_the_sum_of_the_categories(rows):
    # 14 + 1 + 16 + 7 + 7 = 45: leadership positions are part of the 14 行政编制, not extra.
    posts = [r.authorized for r in rows.values() if r.post_category not in ("合计", "领导职数")]
    assert sum(posts) == rows[f"{DEPT}.total"].authorized
    assert len(rows) == 11

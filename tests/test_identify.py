"""A document's identity from what it says; ids from names, the same every year."""

import pytest

from yaan_opendata.errors import SourceError
from yaan_opendata.identify import IdentityError, identity_from_lines, org_id_for, unit_id_for
from yaan_opendata.pipeline import entry_from_text


def _identity(text: str) -> dict:
    return identity_from_lines(text.splitlines(), "page.txt")


def test_title_with_the_year_first_or_last(tmp_path):
    first = _identity("政府信息公开\n2021年度雅安市教育局部门决算\n来源:市教育局 发布时间:2022-09-15 10:00\n")
    assert (first["document_id"], first["fiscal_year"], first["publisher"]) == ("yaan-jyj-2021", 2021, "雅安市教育局")
    assert first["published"] == "2022-09-15" and "sha256" not in first
    last = _identity("雅安市教育局2021年度部门决算\n发布日期：2022-09-15\n")
    assert last["document_id"] == "yaan-jyj-2021"


@pytest.mark.parametrize(
    "cover",
    [
        "上海市普陀区财政局\n2024年度部门决算\n",  # a PDF cover: department, then the year
        "上海市普陀区财政局\n2024 年度部门决算\n二〇二五年九月\n",  # spaces and a cover date
        "2024 年度上海市普陀区财政局\n部门决算\n",
        "上海市普陀区财政局\n年度部门决算\n2024\n",  # the year set apart, as a PDF may give it
        "２０２４年度上海市普陀区财政局部门决算公开\n",  # full-width digits, 决算公开
        "首页>政务公开>财政信息>上海市普陀区财政局2024年度部门决算\n",  # a breadcrumb
        # a breadcrumb ending in 部门决算 on the line before the title (海南, 内蒙古)
        "首页 > 政务公开 > 财政资金信息 > 部门决算\n\n上海市普陀区财政局2024年度部门决算公开\n",
    ],
)
def test_titles_in_their_many_forms(cover):
    entry = _identity(cover + "目录\n第一部分 概况\n")
    assert (entry["publisher"], entry["fiscal_year"], entry["document_id"]) == (
        "上海市普陀区财政局", 2024, "shanghai-ptqczj-2024")


def test_a_pdf_has_no_publication_date(tmp_path):
    entry = _identity("上海市普陀区财政局\n2024年度部门决算\n")
    assert entry["published"] is None


def test_a_unit_publishing_its_own_accounts():
    entry = _identity("南京市公共资源交易中心\n2023年度单位决算\n")
    assert (entry["publisher"], entry["fiscal_year"]) == ("南京市公共资源交易中心", 2023)


def test_without_a_title_the_headings_say_it():
    entry = _identity("目录\n第一部分 概况\n正文\n第三部分 杭州市西湖区文化和广电旅游体育局2023年度部门决算情况说明\n")
    assert (entry["publisher"], entry["fiscal_year"]) == ("杭州市西湖区文化和广电旅游体育局", 2023)


def test_a_text_naming_no_department_and_year_is_refused(tmp_path):
    with pytest.raises(IdentityError, match="no title naming a department and a year"):
        _identity("雅安市教育局工作总结\n发布时间:2022-09-15\n")
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"document notes: notes.txt: no title"):
        entry_from_text(path)


def test_an_impossible_publication_date_is_refused_naming_it():
    with pytest.raises(IdentityError, match="'发布时间:2021-13-45' is not a date"):
        _identity("2021年度雅安市教育局部门决算\n发布时间:2021-13-45\n")


def test_ids_from_names():
    assert org_id_for("雅安市政务服务和大数据局") == "yaan-zwfwhdsjj"
    assert unit_id_for("yaan-zwfwdsj", "雅安市公共资源交易服务中心(雅安市政府采购中心)") == "yaan-zwfwdsj-ggzyjyfwzx"
    # full-width brackets and the region do not change a unit's id
    assert unit_id_for("yaan-zwfwdsj", "公共资源交易服务中心（雅安市政府采购中心）") == "yaan-zwfwdsj-ggzyjyfwzx"

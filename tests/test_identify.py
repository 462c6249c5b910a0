"""A document's identity from its own first lines; ids from names, the same every year."""

import pytest

from yaan_opendata.errors import SourceError
from yaan_opendata.identify import entry_from_text, org_id_for, unit_id_for


def _entry(tmp_path, text: str) -> dict:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return entry_from_text(path)


def test_title_with_the_year_first_or_last(tmp_path):
    first = _entry(tmp_path, "政府信息公开\n2021年度雅安市教育局部门决算\n来源:市教育局 发布时间:2022-09-15 10:00\n")
    assert (first["document_id"], first["fiscal_year"], first["publisher"]) == ("yaan-jyj-2021", 2021, "雅安市教育局")
    assert first["published"] == "2022-09-15" and "sha256" not in first
    last = _entry(tmp_path, "雅安市教育局2021年度部门决算\n发布日期：2022-09-15\n")
    assert last["document_id"] == "yaan-jyj-2021"


def test_without_title_or_date_the_file_is_refused(tmp_path):
    with pytest.raises(SourceError, match="no title line"):
        _entry(tmp_path, "雅安市教育局工作总结\n发布时间:2022-09-15\n")
    with pytest.raises(SourceError, match="no publication date"):
        _entry(tmp_path, "2021年度雅安市教育局部门决算\n")


def test_ids_from_names():
    assert org_id_for("雅安市政务服务和大数据局") == "yaan-zwfwhdsjj"
    assert unit_id_for("yaan-zwfwdsj", "雅安市公共资源交易服务中心(雅安市政府采购中心)") == "yaan-zwfwdsj-ggzyjyfwzx"
    # full-width brackets and the region do not change a unit's id
    assert unit_id_for("yaan-zwfwdsj", "公共资源交易服务中心（雅安市政府采购中心）") == "yaan-zwfwdsj-ggzyjyfwzx"

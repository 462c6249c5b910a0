"""A web page's table copied as text: one row per line, cells separated by tabs."""

from yaan_opendata.inputs.blocks import TableBlock
from yaan_opendata.inputs.text import tables


def test_a_title_set_apart_from_its_number_by_a_tab():
    # 海南: "表1\t收入支出决算总表" / "部门名称：…\t\t\t\t金额单位：万元" / header / rows
    blocks = tables([
        "表1\t收入支出决算总表",
        "部门名称：海口市龙华区农业农村局\t\t\t\t金额单位：万元",
        "项目\t行次\t金额\t项目\t行次\t金额",
        "一、一般公共预算财政拨款收入\t1\t9574.43\t一、一般公共服务支出\t29\t0.00",
        "二、政府性基金预算财政拨款收入\t2\t1560.00\t二、外交支出\t30\t0.00",
    ])
    assert blocks[:2] == ["表1\t收入支出决算总表", "部门名称：海口市龙华区农业农村局\t\t\t\t金额单位：万元"]
    (table,) = [b for b in blocks if isinstance(b, TableBlock)]
    assert len(table.rows) == 3


def test_a_web_page_table_whose_first_row_states_its_unit(tmp_path):
    # 吉林: <tr><td colspan="4">部门：长春市朝阳区卫生健康局 公开01表 单位：万元</td></tr> inside the table
    from yaan_opendata.inputs.html import read_blocks

    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>收入支出决算总表</p><table>"
        '<tr><td colspan="4"><span>部门：长春市朝阳区卫生健康局</span><span>公开01表 单位：万元</span></td></tr>'
        "<tr><td>项目</td><td>金额</td><td>项目</td><td>金额</td></tr>"
        "<tr><td>一、一般公共预算财政拨款收入</td><td>15,372.53</td><td>一、卫生健康支出</td><td>14,877.93</td></tr>"
        "</table></body></html>", encoding="utf-8")
    blocks = read_blocks(page, "page")
    assert blocks[1] == "部门：长春市朝阳区卫生健康局公开01表 单位：万元"
    assert isinstance(blocks[2], TableBlock) and blocks[2].rows[0][0] == "项目"

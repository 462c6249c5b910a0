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

"""A PDF's text as a person copies it: lines wrapped at the page width, page numbers between."""

from yaan_opendata.inputs.text import unwrap

BODY = "（一）收入决算情况。本年度收入合计为一千万元，其中财政拨款收入占百分之九十，"  # reaches the page width


def wrapped(*tail: str) -> list[str]:
    # enough full-width lines for the text to be read as wrapped
    return [BODY] * 20 + list(tail)


def test_a_number_cut_by_a_page_break_keeps_its_digits_and_unit():
    # "612.84" ends a page; the page number "12" and a blank line stand before "万元"
    lines = unwrap(wrapped("（4）档案事务（款）事业运行（项）。年初预算为600.00万元，支出决算为612.84", "12", "",
                           "万元，完成年初预算的102.14%。"))
    assert lines[-1] == "（4）档案事务（款）事业运行（项）。年初预算为600.00万元，支出决算为612.84万元，完成年初预算的102.14%。"


def test_a_bare_number_among_cells_of_numbers_is_kept():
    # a table copied out of a PDF one cell per line: "12" is a cell, not a page number
    lines = unwrap(wrapped("1,022.10", "12", "612.84"))
    assert "12" in lines


def test_a_running_header_after_a_page_number_is_dropped():
    # 青海: "…机关事业单位职业年金" / "- 13 -" / "" / "西宁市城西区住房和城乡建设局2022年度部门决算" / "缴费支出(项)。…"
    header = "西宁市城西区住房和城乡建设局2022年度部门决算"
    item = "2、社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金"
    lines = unwrap([header] + wrapped(
        "- 12 -", "", header, "（二）收入决算结构情况。本年度收入合计为一千万元，其中财政拨款收入占百分之九十，",
        item + "单位养老支出(款)", "- 13 -", "", header, "缴费支出(项)。年初预算数为16.40万元。"))
    assert lines[0] == header  # the cover's title stays
    assert lines[-1] == item + "单位养老支出(款)缴费支出(项)。年初预算数为16.40万元。"
    assert lines.count(header) == 1

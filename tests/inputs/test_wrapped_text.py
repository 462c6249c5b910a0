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

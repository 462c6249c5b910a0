"""One spelling to read, and the way back to the printed one."""

from yaan_opendata.normalize import normalize_line


def test_full_width_punctuation_and_digits_read_half_width():
    line = normalize_line("（一）其他收入０.６７万元，占0.04％；")
    assert line.text == "(一)其他收入0.67万元,占0.04%;"


def test_what_has_no_one_character_form_is_kept():
    # '…' would be '...' and 。、“” have no compatibility form: all stay as printed
    assert normalize_line("目录……“三公”。、").text == "目录……“三公”。、"


def test_spaces_between_digits_are_dropped_and_given_back():
    line = normalize_line("收入总计4 728.57 万元、支出总计4728.57万元")
    assert line.text == "收入总计4728.57 万元、支出总计4728.57万元"
    assert line.published("4728.57 万元") == "4 728.57 万元"
    assert line.published("支出总计4728.57万元") == "支出总计4728.57万元"


def test_a_quote_is_given_back_as_printed():
    line = normalize_line("一般公共预算财政拨款收入4,126.58万元，占本年收入的99.62％")
    quote = "一般公共预算财政拨款收入4,126.58万元,占本年收入的99.62%"
    assert quote in line.text
    assert line.published(quote) == "一般公共预算财政拨款收入4,126.58万元，占本年收入的99.62％"
    assert line.published("not in the line") == "not in the line"


def test_no_break_and_ideographic_spaces_read_as_spaces():
    assert normalize_line("1000\u00a0万元\u3000合计").text == "1000 万元 合计"

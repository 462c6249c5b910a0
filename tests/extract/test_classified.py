"""Mentions of the functional classification in prose, as batch-4 departments print them."""

from yaan_opendata.codelists import FunctionalIndex
from yaan_opendata.extract.classified import functional_classifier
from yaan_opendata.normalize import normalize_line


def codes(text: str, within: str | None = None) -> list[str | None]:
    classify = functional_classifier(FunctionalIndex())
    return [subject.code for _, _, subject in classify(normalize_line(text).text, within=within)]


def test_a_code_in_square_brackets_after_the_names():
    # 吉林: "（3）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）[2080505]：年初预算为386.20万元，…"
    assert codes("（3）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）[2080505]：年初预算为386.20万元") == [
        "2080505"]


def test_an_item_under_the_section_its_heading_named():
    # 新疆: "1.文化旅游体育与传媒支出（类）" / "（1）文化和旅游（款）" / "①行政运行（项）：年初预算为340.00万元，…"
    assert codes("（1）文化和旅游（款）", within="207") == ["20701"]
    assert codes("①行政运行（项）：年初预算为340.00万元", within="20701") == ["2070101"]
    # the next 款 of the same 类, after an item of the one before
    assert codes("（2）体育（款）", within="20701") == ["20703"]
    # without a heading, an item's name alone names no code (行政运行 is under many 款)
    assert codes("①行政运行（项）：年初预算为340.00万元") == [None]


def test_an_item_named_alone_with_its_code_after_it():
    # 黑龙江: "（1）行政运行（2120101）。年初预算为1342.50万元，支出决算为1376.38万元，…"
    assert codes("（1）行政运行（2120101）。年初预算为1342.50万元") == ["2120101"]
    # a name run into words before it
    assert codes("主要用于城管执法（2120104）") == ["2120104"]
    # a code whose name is not the name printed is not taken
    assert codes("（1）城管执法（2120101）。年初预算为1342.50万元") == []

"""Heading helpers: numbering and topic phrases."""

import pytest

from yaan_opendata.extract.headings import chinese_number, heading_phrase, strip_marker


def test_chinese_numbers_of_the_template():
    assert [chinese_number(n) for n in ("一", "九", "十", "十一", "十四", "二十", "二十一")] == [
        1, 9, 10, 11, 14, 20, 21,
    ]
    with pytest.raises(ValueError):
        chinese_number("百")


def test_heading_phrase_is_the_words_before_the_full_stop():
    assert heading_phrase("(1)强力推行六办模式,防疫服务两不误。疫情发生以来,…") == "强力推行六办模式,防疫服务两不误"
    assert heading_phrase("二、机构设置") == "机构设置"
    assert strip_marker("(三)人员概况。") == "人员概况。"


def test_a_long_heading_phrase_is_cut_at_its_first_comma():
    text = "(6)积极推动技术创新和产业应用,成功承办了“2020首届数字四川创新大赛”川西赛区启动会暨西部大数据产业研讨会。"
    assert heading_phrase(text) == "积极推动技术创新和产业应用"

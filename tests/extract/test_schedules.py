"""第五部分 附表 → Schedule (titles only in this text)."""

import pytest

from yaan_opendata.extract import schedules
from yaan_opendata.source import SourceDocument, split_paragraphs

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc):
    return list(schedules.extract(seed_doc))


def test_the_fourteen_template_schedules_in_order(records, text_of):
    assert [s.number for s in records] == list(range(1, 15))
    first, last = records[0], records[-1]
    assert (first.schedule_id, first.title_zh) == (f"{DOC}.schedule.1", "收入支出决算总表")
    assert text_of[first.paragraph_id] == "一、收入支出决算总表"
    # "十四、国有资本经营预算财政拨款支出决算表"
    assert (last.number, last.title_zh) == (14, "国有资本经营预算财政拨款支出决算表")
    assert text_of[last.paragraph_id] == "十四、国有资本经营预算财政拨款支出决算表"


def test_titles_only_so_no_schedule_is_included(records):
    # Each title is followed by the next title; after the last come only the website's footer
    # lines ("扫一扫在手机打开当前页", "主办:雅安市人民政府办公室 …").
    assert not any(s.included for s in records)


def test_english_titles_come_from_the_template_mapping(records):
    assert records[0].title_en == "Summary Statement of Final Revenue and Expenditure"
    assert records[9].title_zh == "一般公共预算财政拨款“三公”经费支出决算表"
    assert records[9].title_en.startswith("Statement of Final 'Three Public' Expenditure")
    assert all(s.title_en != s.title_zh for s in records)


def test_the_contents_list_the_same_schedules(records, seed_doc):
    assert schedules.listed_in_contents(seed_doc) == [(s.number, s.title_zh) for s in records]


def test_a_schedule_with_content_is_included(seed_doc):
    text = "第五部分 附表\n一、收入支出决算总表\n项目\n金额\n二、收入决算表\n扫一扫在手机打开当前页\n"
    doc = SourceDocument(seed_doc.document, tuple(split_paragraphs(DOC, text)))
    assert [(s.number, s.included) for s in schedules.extract(doc)] == [(1, True), (2, False)]

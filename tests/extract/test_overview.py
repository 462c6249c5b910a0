"""第一部分 一、(一)主要职能 → MainFunction."""

import pytest

from yaan_opendata.extract import overview

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def functions(seed_doc):
    return list(overview.extract(seed_doc))


def test_every_numbered_function_is_a_record_in_order(functions):
    assert [f.number for f in functions] == list(range(1, 11))
    assert [f.function_id for f in functions] == [f"{DOC}.function.{n}" for n in range(1, 11)]


def test_function_text_is_the_item_without_its_number(functions, text_of):
    # "1.承担推进全市深化行政审批制度改革工作职责。切实贯彻落实中央、省、市全面深化…"
    first = functions[0]
    assert first.text.startswith("承担推进全市深化行政审批制度改革工作职责。")
    assert first.paragraph_id == f"{DOC}-p0041"
    assert text_of[first.paragraph_id] == "1." + first.text
    # "9.完成市委和市政府交办的其他任务。"
    assert functions[8].text == "完成市委和市政府交办的其他任务。"


def test_functions_come_from_the_overview_not_the_annex_restatement(functions, seed_doc):
    # 附件1 一、(二)机构职能 repeats the same ten functions; they are not read twice.
    paths = {p.paragraph_id: p.section_path for p in seed_doc.paragraphs}
    assert all(paths[f.paragraph_id].startswith("第一部分 / 一、 / (一)") for f in functions)

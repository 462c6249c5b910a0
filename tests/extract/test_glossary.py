"""第三部分 名词解释 → GlossaryTerm."""

import pytest

from yaan_opendata.errors import SourceError
from yaan_opendata.extract import glossary
from yaan_opendata.source import SourceDocument, split_paragraphs

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def terms(seed_doc):
    return list(glossary.extract(seed_doc))


def test_all_21_terms_in_order(terms):
    assert [t.number for t in terms] == list(range(1, 22))
    assert terms[0].term_id == f"{DOC}.glossary.1"


def test_term_before_the_first_colon_definition_after(terms, text_of):
    # "1.财政拨款收入:指单位从同级财政部门取得的财政预算资金。"
    first = terms[0]
    assert (first.term, first.definition) == ("财政拨款收入", "指单位从同级财政部门取得的财政预算资金。")
    assert text_of[first.paragraph_id] == "1.财政拨款收入:指单位从同级财政部门取得的财政预算资金。"


def test_a_term_numbered_with_a_comma_mark(terms, text_of):
    # "8、年末结转和结余:指单位按有关规定结转到下年或以后年度继续使用的资金。"
    eighth = terms[7]
    assert (eighth.number, eighth.term) == (8, "年末结转和结余")
    assert text_of[eighth.paragraph_id].startswith("8、年末结转和结余:")


def test_a_classification_term_keeps_its_brackets_and_spacing(terms):
    # "10.一般公共服务(类)政府办公厅(室)及相关机构事务(款) 一般行政管理事务(项):指本单位未单独设置…"
    assert terms[9].term == "一般公共服务(类)政府办公厅(室)及相关机构事务(款) 一般行政管理事务(项)"
    assert terms[9].definition.startswith("指本单位未单独设置项级科目的其他项目支出")


def test_a_definition_with_colons_inside_is_split_at_the_first(terms):
    # "21.机关运行经费:为保障行政单位(含参照公务员法管理的事业单位)运行用于购买货物和服务的各项资金,…"
    assert terms[20].term == "机关运行经费"
    assert terms[20].definition.startswith("为保障行政单位(含参照公务员法管理的事业单位)")
    assert terms[19].term == "“三公”经费"


def test_a_numbered_line_without_a_colon_is_an_error(seed_doc):
    text = "第三部分 名词解释\n1.财政拨款收入:指单位从同级财政部门取得的财政预算资金。\n2.事业收入\n"
    doc = SourceDocument(seed_doc.document, tuple(split_paragraphs(DOC, text)))
    with pytest.raises(SourceError, match="p0003: 名词解释: '事业收入…' is not a numbered"):
        list(glossary.extract(doc))

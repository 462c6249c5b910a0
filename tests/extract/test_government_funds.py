"""决算情况说明 八 and 九: government fund and state capital budget expenditure."""

from keyed import explanation, keyed

from yaan_opendata.model import FiscalFigure

DOC = "yaan-zwfwdsj-2020"


def test_zero_expenditure_is_kept_as_a_figure(seed_doc):
    # 八: "2020年政府性基金预算拨款支出0万元。"  九: "2020年国有资本经营预算拨款支出0万元。"
    figures = keyed(explanation(seed_doc), FiscalFigure)
    paragraphs = {p.paragraph_id: p for p in seed_doc.paragraphs}
    government_fund = figures["government_fund.expenditure"]
    assert government_fund.amount_yuan == 0 and government_fund.amount_as_published == "0万元"
    assert government_fund.fund == "government_fund" and government_fund.category == "expenditure_total"
    assert paragraphs[government_fund.paragraph_id].section_path == "第二部分 / 八、"
    state_capital = figures["state_capital.expenditure"]
    assert state_capital.amount_yuan == 0 and state_capital.fund == "state_capital"
    assert state_capital.literal == "2020年国有资本经营预算拨款支出0万元"
    assert state_capital.literal in paragraphs[state_capital.paragraph_id].text


def test_a_sentence_worded_otherwise_leaves_the_figure_unread(seed_doc, replace_text):
    doc = replace_text(seed_doc, "2020年政府性基金预算拨款支出0万元。", "本部门政府性基金预算拨款见附表。")
    assert "government_fund.expenditure" not in keyed(explanation(doc), FiscalFigure)

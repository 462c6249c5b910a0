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


def test_the_item_the_fund_spent_on_said_with_wei(seed_doc, replace_text):
    # 山西: "…政府性基金预算财政拨款支出198.50万元,为其他支出(类)彩票公益金安排的支出(款)
    #  用于教育事业的彩票公益金支出(项),主要用于…"
    doc = replace_text(seed_doc, "2020年政府性基金预算拨款支出0万元。", "2020年政府性基金预算拨款支出198.50万元,"
                       "为其他支出(类)彩票公益金安排的支出(款)用于教育事业的彩票公益金支出(项),主要用于资助家庭经济困难学生。")
    figures = keyed(explanation(doc), FiscalFigure)
    assert figures["government_fund.expenditure"].amount_yuan == 1985000
    item = figures["government_fund.functional.2296004"]
    assert (item.amount_yuan, item.fund, item.classification_id) == (1985000, "government_fund", "functional:2296004")
    # 为 before a concept's name is not read as all of it
    doc = replace_text(seed_doc, "2020年政府性基金预算拨款支出0万元。", "2020年政府性基金预算拨款支出198.50万元,为政府性基金预算财政拨款收入。")
    figures = keyed(explanation(doc), FiscalFigure)
    said = figures["government_fund.expenditure"].paragraph_id
    assert [key for key, f in figures.items() if f.paragraph_id == said] == ["government_fund.expenditure"]

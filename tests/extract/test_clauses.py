"""The recurring clauses: change, growth, completion rate, reason."""

from decimal import Decimal

import pytest

from yaan_opendata.errors import SourceError
from yaan_opendata.extract.clauses import clause_around, growth_rate, stated_reason, yoy_change
from yaan_opendata.extract.common import fiscal_figure


@pytest.fixture
def figure_and_paragraph(seed_doc):
    # "2.公务用车购置及运行维护费支出4.85万元,完成预算100%。…比2019年减少0.15万元,下降3%。…"
    paragraph = next(p for p in seed_doc.paragraphs if p.text.startswith("2.公务用车购置及运行维护费支出"))
    figure = fiscal_figure(
        seed_doc, "test.vehicles", paragraph, "4.85万元", "…", flow="expenditure", fund="fiscal_appropriation",
        category="three_public", item="vehicles", label_zh="公务用车购置及运行维护费", label_en="Vehicles",
    )
    return figure, paragraph


@pytest.mark.parametrize(
    ("text", "expected"),
    [("比2019年增加0.31万元", Decimal(3100)), ("比2019年减少0.15万元", Decimal(-1500)), ("比2019年增加/减少0万元", Decimal(0))],
)
def test_change_sign_follows_the_word(seed_doc, figure_and_paragraph, text, expected):
    figure, paragraph = figure_and_paragraph
    change = yoy_change(seed_doc, figure, paragraph, text)
    assert change.value == expected and change.unit == "CNY"
    assert not change.value.is_signed() or expected < 0


@pytest.mark.parametrize(
    ("text", "expected"), [("增长51.67%", Decimal("51.67")), ("下降3%", Decimal(-3)), ("增长/下降0%", Decimal(0))]
)
def test_growth_sign_follows_the_word(seed_doc, figure_and_paragraph, text, expected):
    figure, paragraph = figure_and_paragraph
    assert growth_rate(seed_doc, figure, paragraph, text).value == expected


def test_a_missing_clause_names_what_is_missing(seed_doc, figure_and_paragraph):
    figure, paragraph = figure_and_paragraph
    with pytest.raises(SourceError, match="growth rate"):
        growth_rate(seed_doc, figure, paragraph, "与上年相比有所变化。")
    with pytest.raises(SourceError, match="stated reason"):
        stated_reason(seed_doc, paragraph, "比2019年减少0.15万元。")


def test_unchanged_on_the_prior_year_is_a_change_and_a_rate_of_zero(seed_doc, figure_and_paragraph):
    figure, paragraph = figure_and_paragraph
    change = yoy_change(seed_doc, figure, paragraph, "因公出国(境)支出决算与2020年持平。")
    rate = growth_rate(seed_doc, figure, paragraph, "因公出国(境)支出决算与2020年持平。")
    assert (change.value, change.unit, change.value_as_published) == (0, "CNY", "持平")
    assert (rate.value, rate.unit) == (0, "%")
    # "决算数与预算数持平" is about the budget, not the prior year
    with pytest.raises(SourceError, match="change on the prior year"):
        yoy_change(seed_doc, figure, paragraph, "完成预算100%,决算数与预算数持平。")


def test_reason_runs_to_the_full_stop():
    text = "决算数小于预算数的主要原因是厉行节约,严格按照中央八项规定精神和省委十项规定执行。下一句"
    assert stated_reason(None, None, text) == "决算数小于预算数的主要原因是厉行节约,严格按照中央八项规定精神和省委十项规定执行"


def test_clause_around_stops_at_punctuation():
    text = "2020年度收、支总计3351.34万元。与2019年相比,收、支总计各增加555.11万元,增长19.85%。"
    start = text.index("555.11")
    assert clause_around(text, start, start + len("555.11万元")) == "收、支总计各增加555.11万元"

"""Shares, growth rates and completion rates are recomputed from the figures they name."""

from decimal import Decimal

from builders import checks, comparison, figure, metric, statuses

TOTAL = figure("expenditure.total", "2517.18万元")


def test_a_share_is_part_over_its_named_total():
    records = (
        TOTAL,
        figure("expenditure.basic", "528.91万元"),
        comparison("expenditure.basic", "share", "21.01%", base="expenditure.total"),
    )
    check = checks(*records, family="shares")["shares.share.expenditure.basic.share"]
    assert (check.status, check.expected, check.observed) == ("pass", Decimal("21.0120"), Decimal("21.01"))


def test_a_share_of_a_zero_total_is_undefined_and_one_without_a_total_not_checkable():
    records = (
        figure("three_public.total", "0万元"),
        figure("three_public.overseas", "0万元"),
        comparison("three_public.overseas", "share", "0%", base="three_public.total"),
        figure("procurement.sme", "3069.20万元"),
        comparison("procurement.sme", "share", "75.91%"),
    )
    result = statuses(*records, family="shares")
    assert result == {
        "shares.share.three_public.overseas.share": "undefined",
        "shares.share.procurement.sme.share": "not_checkable",
    }


def test_a_growth_rate_is_change_over_this_year_minus_change():
    records = (
        figure("three_public.vehicles.detail", "4.85万元"),
        comparison("three_public.vehicles.detail", "yoy_change", "0.15万元", negative=True),
        comparison("three_public.vehicles.detail", "growth_rate", "3%", negative=True),
        figure("operating_costs", "58.21万元"),
        comparison("operating_costs", "yoy_change", "14.15万元"),
        comparison("operating_costs", "growth_rate", "32.21%"),  # published 32.12%
    )
    result = checks(*records, family="growth")
    assert result["growth.rate.three_public.vehicles.detail.growth_rate"].status == "pass"
    failed = result["growth.rate.operating_costs.growth_rate"]
    assert (failed.status, str(failed.expected)) == ("fail", "32.1153")


def test_a_growth_rate_on_a_zero_prior_year_is_undefined_never_zero():
    records = (
        figure("three_public.overseas.detail", "0万元"),
        comparison("three_public.overseas.detail", "yoy_change", "0万元"),
        comparison("three_public.overseas.detail", "growth_rate", "0%"),
        figure("procurement.total", "10万元"),
        comparison("procurement.total", "growth_rate", "5%"),
    )
    result = checks(*records, family="growth")
    undefined = result["growth.rate.three_public.overseas.detail.growth_rate"]
    assert (undefined.status, undefined.expected) == ("undefined", None)
    assert result["growth.rate.procurement.total.growth_rate"].status == "not_checkable"


def test_a_completion_rate_is_recomputed_against_the_budget_it_names():
    records = (
        figure("project.2.budget", "1000万元", label="全年预算数"),
        figure("project.2.executed", "592.62万元"),
        comparison("project.2.executed", "completion_rate", "59.26%", base="project.2.budget", base_label="全年预算数"),
    )
    assert statuses(*records, family="completion") == {"completion.rate.project.2.executed.completion_rate": "pass"}


def test_a_rate_naming_the_initial_budget_is_not_bound_to_the_adjusted_one():
    records = (
        figure("project.2.budget", "1000万元", label="全年预算数"),
        figure("project.2.executed", "592.62万元"),
        comparison("project.2.executed", "completion_rate", "59.26%", base="project.2.budget", base_label="年初预算"),
    )
    check = checks(*records, family="completion")["completion.rate.project.2.executed.completion_rate"]
    assert (check.status, check.expected) == ("not_checkable", None)
    assert "年初预算" in check.note


def test_a_rate_whose_budget_is_not_stated_is_not_checkable_even_beside_another_budget():
    records = (
        figure("project.2.budget", "1000万元", label="全年预算数"),
        figure("functional.2010302", "1680.23万元"),
        comparison("functional.2010302", "completion_rate", "76.98 %", base_label="预算"),
    )
    check = checks(*records, family="completion")["completion.rate.functional.2010302.completion_rate"]
    assert (check.status, check.expected) == ("not_checkable", None)
    assert "doc.project.2.budget" not in check.inputs


def test_a_zero_budget_makes_the_rate_undefined():
    records = (
        figure("project.9.budget", "0万元"),
        figure("project.9.executed", "0万元"),
        comparison("project.9.executed", "completion_rate", "0%", base="project.9.budget", base_label="预算"),
    )
    check = checks(*records, family="completion")["completion.rate.project.9.executed.completion_rate"]
    assert (check.status, check.expected) == ("undefined", None)


def test_a_rate_stated_beside_its_terms_is_their_quotient():
    stated = (
        metric("p.1", "雅安市政务云运行系统共计N个", "134", "个", paragraph=5),
        metric("p.2", "已割接系统共计N个", "132", "个", paragraph=5),
        metric("p.3", "割接率N%", "98.5", "%", paragraph=5),
        metric("q.1", "雅安市政务云运行系统共计N个", "134", "个", paragraph=6),
        metric("q.2", "已割接系统共计N个", "131", "个", paragraph=6),
        metric("q.3", "割接率N%", "98.5", "%", paragraph=6),
        metric("r.1", "已割接系统共计N个", "132", "个", paragraph=7),
        metric("r.2", "割接率N%", "98.5", "%", paragraph=7),  # a term is missing
        metric("s.1", "割接率N%", "100", "%", paragraph=8),  # the rate alone, a target: no identity stated
    )
    result = statuses(*stated, family="shares")
    assert result == {
        "shares.sentence_rate.cutover.p0005": "pass", "shares.sentence_rate.cutover.p0006": "fail",
        "shares.sentence_rate.cutover.p0007": "not_checkable",
    }

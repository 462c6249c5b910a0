"""Statuses follow the published rounding: 0.01 万元 for money, the last printed digit for a percentage."""

from decimal import Decimal as D

import pytest

from yaan_opendata.checks.engine import money_status, percent_status, precision_status


@pytest.mark.parametrize(
    ("expected", "observed", "status"),
    [
        (D(19421700), D(19421700), "pass"),
        (D(19421600), D(19421700), "rounding"),  # 1941.49 + 0.67 = 1942.16 against 1942.17万元
        (D(19421599), D(19421700), "fail"),  # one yuan more than 0.01万元
        (D("5284049.94"), D(22781700), "fail"),  # 528.23万元 + 1749.94元 against 2278.17万元
    ],
)
def test_money_is_exact_within_a_hundred_yuan_or_fails(expected, observed, status):
    assert money_status(expected, observed)[0] == status
    assert money_status(expected, observed)[2] == D(100)


@pytest.mark.parametrize(
    ("exact", "published", "status", "tolerance"),
    [
        (D("99.96498"), D("99.96"), "pass", D("0.01")),  # 1941.49 / 1942.17
        (D("2.0964"), D("2.09"), "rounding", D("0.01")),  # 47.76 / 2278.17 rounds to 2.10
        (D("0.0345"), D("0.04"), "rounding", D("0.01")),  # 0.67 / 1942.17 rounds to 0.03
        (D("59.262"), D("59.26"), "pass", D("0.01")),
        (D("59.272"), D("59.26"), "fail", D("0.01")),
        (D("99.4"), D(100), "rounding", D(1)),  # '100%' is printed to the unit
        (D("98.507"), D("98.5"), "pass", D("0.1")),
        (D(-3), D(-3), "pass", D(1)),
    ],
)
def test_percentages_are_judged_to_their_last_printed_digit(exact, published, status, tolerance):
    result, _shown, difference, unit = percent_status(exact, published)
    assert (result, unit) == (status, tolerance)
    assert difference == (published - exact).quantize(unit / 100)


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        (D("0.295"), D("0.295"), "pass"),
        (D("0.295"), D("0.30"), "rounding"),  # the same rate printed to fewer digits
        (D(20).scaleb(4), D(201470), "rounding"),  # 20万条 and 201470条
        (D(20).scaleb(4), D(160000), "fail"),  # 20万条 and 160000条
        (D(178), D(180), "fail"),
    ],
)
def test_two_statements_of_one_value_agree_up_to_the_coarser_precision(a, b, status):
    assert precision_status(a, b) == status
    assert precision_status(b, a) == status

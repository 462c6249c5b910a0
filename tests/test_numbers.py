"""Published numbers become exact values; anything else is a clear error."""

from decimal import Decimal

import pytest

from yaan_opendata.numbers import NumberFormatError, parse_money, parse_percent


@pytest.mark.parametrize(
    ("literal", "amount_yuan"),
    [("3351.34万元", 33513400), ("0.91万元", 9100), ("1752元", 1752), ("0万元", 0), ("101936.165万元", 1019361650)],
)
def test_money_converts_to_whole_yuan_without_loss(literal, amount_yuan):
    assert parse_money(literal).amount_yuan == amount_yuan


def test_money_that_is_not_whole_yuan_keeps_its_exact_value_but_no_amount():
    money = parse_money("1749.94元")
    assert money.amount_yuan is None
    assert money.yuan == Decimal("1749.94")


def test_a_bare_number_is_accepted_only_when_asked_and_has_no_yuan_value():
    with pytest.raises(NumberFormatError, match="no unit"):
        parse_money("2278.17")
    assert parse_money("2278.17", unit_required=False).amount_yuan is None


def test_an_unknown_unit_is_named_in_the_error():
    with pytest.raises(NumberFormatError, match="unknown unit '美元'"):
        parse_money("3.35美元")


def test_large_and_table_units_convert_exactly():
    assert parse_money("3.35亿元").amount_yuan == 335_000_000
    assert parse_money("1,234.5千元").amount_yuan == 1_234_500


def test_percentages_keep_their_published_precision():
    assert str(parse_percent("19.85%")) == "19.85"
    assert str(parse_percent("76.98 %")) == "76.98"
    assert str(parse_percent("100%")) == "100"
    with pytest.raises(NumberFormatError):
        parse_percent("百分之十")

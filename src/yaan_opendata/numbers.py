"""Published numbers → exact values: money to integer yuan, percentages as Decimal.

The template prints money in 万元 with up to two decimals (``3351.34万元``) and
reception costs in 元 (``1752元``); some departments write large sums in 亿元 and
tables in 千元. All convert to whole yuan without loss where the literal is whole;
one that is not (``1749.94元``) is kept as published with an empty amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .limits import limits

YUAN_PER_UNIT = {"亿元": Decimal(100_000_000), "万元": Decimal(10000), "千元": Decimal(1000), "元": Decimal(1)}

# A number as the template prints it: digits, optional decimals, optional
# thousands commas; the unit follows, possibly after a space.
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
MONEY = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>万元|元)?")
# What extractors match as an amount: a number and any unit ending in 元, so that
# an unexpected unit ("0.19亿元") reaches parse_money and fails as "unknown unit".
MONEY_UNIT = r"[^\W\d_]{0,2}元"
MONEY_LITERAL = rf"{NUMBER}\s*{MONEY_UNIT}"
PERCENT = re.compile(rf"(?P<number>{NUMBER})\s*%")


class NumberFormatError(ValueError):
    """A literal that is not a number in a unit the template uses."""


class AmountTooLargeError(NumberFormatError):
    """An amount larger than any budget (limits.yml): a broken source, in either mode."""


@dataclass(frozen=True)
class Money:
    """A money literal: its number, unit and exact value in yuan (None if not whole)."""

    literal: str
    number: Decimal
    unit: str  # "万元", "元" or "" when the source prints none

    @property
    def yuan(self) -> Decimal | None:
        """Exact value in yuan; None when the source gave no unit."""
        if not self.unit:
            return None
        return self.number * YUAN_PER_UNIT[self.unit]

    @property
    def amount_yuan(self) -> int | None:
        """Whole yuan, or None when the literal is not a whole number of yuan."""
        value = self.yuan
        if value is None or value != value.to_integral_value():
            return None
        return int(value)


def to_decimal(text: str) -> Decimal:
    """Parse a published number, keeping its printed precision ("19.85", "100")."""
    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        raise NumberFormatError(f"'{text}' is not a number") from None
    if not value.is_finite():
        raise NumberFormatError(f"'{text}' is not a number")
    return value


def parse_money(literal: str, *, unit_required: bool = True) -> Money:
    """Parse '3351.34万元', '1752元' or (with unit_required=False) a bare '2278.17'."""
    text = literal.strip()
    match = re.fullmatch(rf"(?P<number>{NUMBER})\s*(?P<unit>\S*)", text)
    if not match:
        raise NumberFormatError(f"'{literal}' is not an amount of money")
    unit = match.group("unit")
    if unit and unit not in YUAN_PER_UNIT:
        raise NumberFormatError(f"unknown unit '{unit}' in '{literal}' (expected one of {', '.join(YUAN_PER_UNIT)})")
    if not unit and unit_required:
        raise NumberFormatError(f"no unit in '{literal}' (expected 万元 or 元)")
    money = Money(literal=text, number=to_decimal(match.group("number")), unit=unit)
    largest = limits().max_amount_yuan  # every amount ends up a 64-bit integer in SQLite
    if abs(money.number * YUAN_PER_UNIT.get(unit or "万元", 1)) > largest:
        raise AmountTooLargeError(f"'{literal}' is more money than any budget holds "
                                f"(at most {largest:.0e} yuan, limits.yml)")
    return money


def parse_percent(literal: str) -> Decimal:
    """Parse '19.85%' or '76.98 %' to Decimal('19.85'), keeping precision."""
    match = re.fullmatch(rf"\s*(?P<number>{NUMBER})\s*%\s*", literal)
    if not match:
        raise NumberFormatError(f"'{literal}' is not a percentage")
    return to_decimal(match.group("number"))

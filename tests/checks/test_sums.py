"""Parts sum to their total; a missing part or a unit printed wrong is a finding, never a crash."""

from decimal import Decimal

from builders import checks, figure, replace, statuses


def income(*, other="0.67万元", total="1942.17万元"):
    return (
        figure("income.total", total),
        figure("income.general_public_budget", "1941.49万元"),
        figure("income.other_income", other),
    )


def test_parts_within_a_hundred_yuan_of_the_total_are_rounding():
    assert statuses(*income(), family="sums")["sums.income_sources"] == "rounding"


def test_parts_that_add_up_exactly_pass_and_parts_that_do_not_fail():
    assert statuses(*income(other="0.68万元"), family="sums")["sums.income_sources"] == "pass"
    check = checks(*income(other="0.57万元"), family="sums")["sums.income_sources"]
    assert (check.status, check.expected, check.observed, check.difference) == ("fail", 19420600, 19421700, 1100)
    assert check.inputs.split() == ["doc.income.total", "doc.income.general_public_budget", "doc.income.other_income"]


def test_a_listed_part_that_is_not_published_makes_the_sum_not_checkable():
    check = checks(
        figure("general_public_budget.basic", "528.23万元"),
        figure("general_public_budget.basic.personnel", "470.02万元"),
        family="sums",
    )["sums.basic_economic"]
    assert check.status == "not_checkable"
    assert "general_public_budget.basic.public" in check.note


def test_a_part_printed_in_yuan_fails_as_printed_and_notes_the_corrected_value():
    parts = (
        figure("annex1.expenditure", "2278.17万元"),
        figure("annex1.expenditure.basic", "528.23万元"),
        figure("annex1.expenditure.project", "1749.94元", amount_corrected_yuan=17499400),
    )
    check = checks(*parts, family="sums")["sums.annex1_expenditure"]
    assert check.status == "fail"
    assert check.expected == 5282300 + Decimal("1749.94")
    assert "with the corrected amount" in check.note and ": pass" in check.note
    # the published figure itself is untouched
    assert parts[2].amount_yuan is None and parts[2].amount_as_published == "1749.94元"


def test_a_total_printed_without_unit_is_read_in_wanyuan_and_says_so():
    check = checks(
        figure("general_public_budget.expenditure.detail", "2278.17"),
        figure("functional.2010301", "2278.17万元"),
        family="sums",
    )["sums.functional_items"]
    assert check.status == "pass"
    assert "no unit" in check.note


def test_each_class_equals_its_items_and_each_project_table_line_its_funds():
    result = statuses(
        figure("functional.208", "47.76万元"),
        figure("functional.2080505", "38.42万元"),
        figure("functional.2080506", "9.34万元"),
        figure("functional.2101101", "1.00万元"),  # another class: not a part of 208
        figure("project.1.table.budget", "90.79万元"),
        figure("project.1.table.budget.fiscal_appropriation", "90.79万元"),
        replace(figure("project.1.table.budget.other_funds", "0"), amount_yuan=0),
        family="sums",
    )
    assert result["sums.functional_class_items.208"] == "pass"
    assert result["sums.project_funds.project.1.budget"] == "pass"

from decimal import Decimal

import pytest
from keyed import keyed

from yaan_opendata.extract.performance_indicators import parse_value
from yaan_opendata.extract.performance_tables import extract
from yaan_opendata.model import PerformanceIndicator

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def indicators(seed_doc):
    return keyed(extract(seed_doc), PerformanceIndicator)


def test_level_names_broken_over_two_lines_are_rebuilt(indicators):
    # "效益指标 / 社会效益 / 指标 / 开放平台访问次数 / 80000次 / 116047次"
    row = indicators["project.1.indicator.10"]
    assert (row.level1, row.level2, row.level3) == ("效益指标", "社会效益指标", "开放平台访问次数")
    assert (row.target_value, row.actual_value) == (80000, 116047)
    # "项目完成 / 指标 / 数量指标 / 10月底,完成全市非涉密信息系统迁移工作 / 139个 / 137个(其中…)"
    row = indicators["project.2.indicator.1"]
    assert (row.level1, row.level2) == ("项目完成指标", "数量指标")
    assert row.target_value == 139 and row.target_unit == "个"
    assert row.actual_value is None and row.actual_text.startswith("137个(其中3个信息系统上云后因系统停用退出)")
    # "满意度指标 / 服务对象 / 满意度指标 / 达到群众满度 / 90% / 90%"
    row = indicators["project.1.indicator.15"]
    assert (row.level1, row.level2, row.level3) == ("满意度指标", "服务对象满意度指标", "达到群众满度")


def test_merged_level_cells_carry_down(indicators):
    # rows 2-4 print no level cells: they keep 项目完成指标 / 数量指标; row 5 opens 质量指标
    assert {indicators[f"project.1.indicator.{n}"].level2 for n in (1, 2, 3, 4)} == {"数量指标"}
    row = indicators["project.1.indicator.5"]
    assert (row.level1, row.level2, row.level3) == ("项目完成指标", "质量指标", "数据挂载数")


def test_words_before_the_only_number(indicators):
    # "可持续影响指标 / 迁移系统应于迁移后3个月完成系统割接工作 / 2021年1月份,割接率100% / 系统割接率100%"
    row = indicators["project.2.indicator.4"]
    assert (row.actual_value, row.actual_unit, row.actual_text) == (100, "%", "系统割接率100%")
    assert row.target_value is None  # "2021年1月份,割接率100%" states a date beside the rate


def test_level2_as_printed_in_this_text(indicators):
    # "实效指标" is printed where the template says 时效指标; kept as printed
    row = indicators["project.2.indicator.3"]
    assert row.level2 == "实效指标"
    assert row.target_value is None and row.actual_text == "四批次迁移工作全面完成。"


def test_comparators_and_magnitudes(indicators):
    # "呼损率 / 6%以内 / 0.295%"
    row = indicators["project.3.indicator.2"]
    assert (row.target_value, row.target_unit, row.target_comparator) == (6, "%", "以内")
    assert (row.actual_value, row.actual_unit) == (Decimal("0.295"), "%")
    # "解决群众诉求 / 3.3万余次 / 33155次"
    row = indicators["project.3.indicator.3"]
    assert (row.target_value, row.target_unit, row.target_comparator) == (Decimal("3.3"), "万次", "余")
    assert (row.actual_value, row.actual_unit) == (33155, "次")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30条", (30, "条", None)),
        ("80000次", (80000, "次", None)),
        ("6%以内", (6, "%", "以内")),
        ("3.3万余次", (Decimal("3.3"), "万次", "余")),
        ("<10分钟", (10, "分钟", "<")),
        ("0.295%", (Decimal("0.295"), "%", None)),
        ("系统割接率100%", (100, "%", None)),  # words naming the only number
        ("服务水平不低于95%", (95, "%", "不低于")),
        ("2021年1月份,割接率100%", None),  # three numbers
        ("确保139个信息系统云存储服务能力", None),  # words after the unit
        ("应于3天完成", None),  # "天完成" is not a unit
        ("137个(其中3个信息系统上云后因系统停用退出)", None),
    ],
)
def test_parse_value(text, expected):
    assert parse_value(text) == expected

"""第一部分 一、(二) 2020年重点工作完成情况 → WorkMetric for every number in the prose."""

import re
from decimal import Decimal

import pytest

from yaan_opendata.extract import work_review
from yaan_opendata.extract.common import section

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def metrics(seed_doc):
    return list(work_review.extract(seed_doc))


def _find(metrics, metric, value):
    found = [m for m in metrics if m.metric == metric and m.value == Decimal(value)]
    assert len(found) == 1, (metric, value, found)
    return found[0]


def test_keys_are_prefixed_and_every_literal_is_in_its_paragraph(metrics, text_of):
    assert all(m.metric_id.startswith(f"{DOC}.work_review.p") for m in metrics)
    assert len({m.metric_id for m in metrics}) == len(metrics) == 75
    assert all(m.literal in text_of[m.paragraph_id] for m in metrics)
    assert all(m.value_as_published in m.literal for m in metrics)


def test_projects_and_matters_on_the_approval_platform(metrics, text_of):
    # "已有642个项目1610个事项在2.0平台正式运行办理。" — 2.0 is a version, not a metric.
    projects = _find(metrics, "已有N个项目", 642)
    matters = _find(metrics, "项目N个事项在", 1610)
    assert projects.unit == matters.unit == "个"
    assert projects.topic == "全面推进多元改革,市场主体焕发活力"
    assert projects.metric_id == f"{DOC}.work_review.p0054.2"
    assert "已有642个项目1610个事项在2.0平台正式运行办理" in text_of[projects.paragraph_id]
    assert not [m for m in metrics if "2.0" in m.value_as_published]


def test_evaluation_devices_and_qualified_counts(metrics):
    # "全市已安装评价仪509台,群众和企业通过“好差评”平台对政务服务办件进行评价近550余万次,满意率100%。"
    devices = _find(metrics, "全市已安装评价仪N台", 509)
    assert (devices.unit, devices.qualifier, devices.topic) == ("台", None, "科学管理政务大厅,服务效能整体提升")
    ratings = _find(metrics, "群众和企业通过“好差评”平台对政务服务办件进行评价近N余万次", 550)
    assert (ratings.unit, ratings.qualifier, ratings.value_as_published) == ("万次", "近余", "近550余万次")
    # "一次通过率平均超过94%"
    assert _find(metrics, "一次通过率平均超过N%", 94).qualifier == "超过"


def test_intermediary_agencies(metrics):
    # "入库中介机构1837家,完成中介项目选取 2313次。"
    agencies = _find(metrics, "入库中介机构N家", 1837)
    assert (agencies.unit, agencies.topic) == ("家", "升级完善中介超市")
    assert agencies.literal == "入库中介机构1837家"
    assert _find(metrics, "完成中介项目选取 N次", 2313).unit == "次"


def test_townships_and_cloud_systems(metrics):
    # "目前,试点工作基本完成,全市96个乡镇,97个便民服务中心全面启动建设。"
    assert _find(metrics, "全市N个乡镇", 96).topic == "切实推动“两化”建设,基层治理治出实效"
    # "雅安市政务云运行系统共计134个,已割接系统共计132个,割接率98.5%"
    running = _find(metrics, "雅安市政务云运行系统共计N个", 134)
    cut_over = _find(metrics, "已割接系统共计N个", 132)
    assert running.topic == cut_over.topic == "完成全市非涉密信息系统迁移工作"
    assert _find(metrics, "割接率N%", Decimal("98.5")).unit == "%"


def test_labels_keep_brackets_and_quotes_and_units_are_the_longest_printed(metrics):
    # "其中市级部门47个、县(区)8个,乡镇(街道)97个"
    assert _find(metrics, "县(区)N个", 8).literal == "其中市级部门47个、县(区)8个"
    assert _find(metrics, "乡镇(街道)N个", 97).unit == "个"
    # "成功开展“不见面”评标1次。"
    assert _find(metrics, "成功开展“不见面”评标N次", 1).topic == "全面推行“不见面开标”"
    # "将工程建设项目审批时间压缩至90个工作日内"; "收集到群众意见建议31件次、表扬19件次"
    assert _find(metrics, "将工程建设项目审批时间压缩至N个工作日内", 90).unit == "个工作日"
    assert _find(metrics, "表扬N件次", 19).unit == "件次"
    # "打造集1个平台、2类数据、3级互通、4大能力、5项管理为一体的“12345”数据资源中心框架体系"
    assert [m.unit for m in metrics if m.paragraph_id.endswith("p0068")][:5] == ["个", "类", "级", "大", "项"]
    # "累计为市本级在建的237个项目(77个重点项目)提供450次代办服务"
    assert _find(metrics, "提供N次代办服务", 450).unit == "次"


def test_a_heading_without_a_full_stop_is_cut_at_its_first_comma(metrics):
    # "(6)积极推动技术创新和产业应用,成功承办了…雅安市报名参赛团队45支,进入复赛9支,进入决赛1支。"
    teams = _find(metrics, "雅安市报名参赛团队N支", 45)
    assert teams.topic == "积极推动技术创新和产业应用"


def test_dates_versions_and_codes_are_not_metrics(seed_doc, metrics):
    # Every number of the section is a metric, or one of these (shown with a character either side):
    # heading numbers, dates, the platform version "2.0", "V3.0", the "12345" hotline and framework.
    not_metrics = []
    for paragraph in section(seed_doc, "第一部分", "一、", "(二)"):
        spans, start = [], 0
        for metric in (m for m in metrics if m.paragraph_id == paragraph.paragraph_id):
            found = paragraph.text.index(metric.value_as_published, start)
            start = found + len(metric.value_as_published)
            spans.append(range(found, start))
        for number in re.finditer(r"\d+(?:\.\d+)?", paragraph.text):
            if not any(number.start() in span for span in spans):
                not_metrics.append(paragraph.text[max(0, number.start() - 1):number.end() + 1])
    assert not_metrics == [
        ")2020年", "1.", "(1)", "。1月", "月26日",  # the section heading, 1.(1), a date
        "(2)", "(2.0版", "在2.0平", "(2020年",  # the approval system version, a title's year
        "(3)", "理2020年", "(4)", "《2020年", "年11月", "过12345热",
        "2.", "(1)", ",2月", "月10日", ",2月", "月12日", ",2月", "月17日", ",2月", "月18日",
        "(2)", "(3)", "(4)", "(5)", "(6)", "(7)",
        "3.", "(1)", "(2)", "(3)", "“12345”", "(4)", "(5)", "V3.0和", "(6)", "“2020首",
    ]

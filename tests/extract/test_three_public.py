"""决算情况说明 七: "三公" expenses, their counts and the reception list."""

from decimal import Decimal

import pytest
from keyed import explanation, keyed

from yaan_opendata.extract import figures
from yaan_opendata.model import FigureComparison, FiscalFigure, ReceptionEvent, WorkMetric

DOC = "yaan-zwfwdsj-2020"


@pytest.fixture(scope="module")
def records(seed_doc):
    records = list(explanation(seed_doc))
    return (
        keyed(records, FiscalFigure),
        keyed(records, FigureComparison),
        keyed(records, WorkMetric),
        [r for r in records if isinstance(r, ReceptionEvent)],
        {p.paragraph_id: p for p in seed_doc.paragraphs},
    )


def test_total_with_completion_rate_and_reason(records):
    # "2020年“三公”经费财政拨款支出决算为5.76万元,完成预算99.65%,决算数小于预算数的主要原因是厉行节约,
    #  严格按照中央八项规定精神和省委十项规定执行。"
    figures, comparisons, _, _, paragraphs = records
    total = figures["three_public.total"]
    assert total.amount_yuan == 57600
    assert (total.fund, total.category) == ("fiscal_appropriation", "three_public")
    assert "决算为5.76万元" in paragraphs[total.paragraph_id].text
    rate = comparisons["three_public.total.completion_rate"]
    assert rate.value == Decimal("99.65") and rate.base_label == "预算"
    assert rate.reason == "决算数小于预算数的主要原因是厉行节约,严格按照中央八项规定精神和省委十项规定执行"


def test_parts_with_shares_of_the_total(records):
    # "因公出国(境)费支出决算0万元,占0%;公务用车购置及运行维护费支出决算4.85万元,占84.20%;
    #  公务接待费支出决算0.91万元,占15.80%。"
    figures, comparisons, _, _, _ = records
    expected = {"overseas": (0, "0", "economic:30212"), "vehicles": (48500, "84.20", None),
                "reception": (9100, "15.80", "economic:30217")}
    for key, (yuan, share, code) in expected.items():
        figure = figures[f"three_public.{key}"]
        assert figure.amount_yuan == yuan and figure.classification_id == code
        comparison = comparisons[f"three_public.{key}.share"]
        assert comparison.value == Decimal(share)
        assert comparison.base_figure_id == figures["three_public.total"].figure_id


def test_overseas_detail_prints_both_directions_for_zero(records):
    # "1.因公出国(境)经费支出0万元,完成预算0%。全年安排因公出国(境)团组0次,出国(境)0人。
    #  因公出国(境)支出决算比2019年增加/减少0万元,增长/下降0%。主要原因是本年未安排因公出国(境)公务活动。"
    figures, comparisons, metrics, _, paragraphs = records
    detail = figures["three_public.overseas.detail"]
    assert detail.amount_yuan == 0
    assert paragraphs[detail.paragraph_id].section_path == "第二部分 / 七、 / (二) / 1."
    change = comparisons["three_public.overseas.detail.yoy_change"]
    assert change.value == 0 and not change.value.is_signed()
    assert change.literal == "因公出国(境)支出决算比2019年增加/减少0万元"
    assert comparisons["three_public.overseas.detail.growth_rate"].value == 0
    assert comparisons["three_public.overseas.detail.completion_rate"].value == 0
    assert change.reason == "主要原因是本年未安排因公出国(境)公务活动"
    assert metrics["three_public.overseas.groups"].value == 0 and metrics["three_public.overseas.groups"].unit == "次"
    assert metrics["three_public.overseas.persons"].metric == "因公出国(境)人数"


def test_vehicles_detail_decrease_is_negative(records):
    # "2.公务用车购置及运行维护费支出4.85万元,完成预算100%。公务用车购置及运行维护费支出决算比2019年
    #  减少0.15万元,下降3%。主要原因是厉行节约,严格按照规定进行压减。"
    figures, comparisons, _, _, _ = records
    assert figures["three_public.vehicles.detail"].amount_yuan == 48500
    assert comparisons["three_public.vehicles.detail.completion_rate"].value == 100
    assert comparisons["three_public.vehicles.detail.yoy_change"].value == Decimal(-1500)
    growth = comparisons["three_public.vehicles.detail.growth_rate"]
    assert growth.value == Decimal(-3) and growth.value_as_published == "3%"
    assert growth.reason == "主要原因是厉行节约,严格按照规定进行压减"


def test_vehicle_purchase_and_operation(records):
    # "其中:公务用车购置支出0万元。全年按规定更新购置公务用车0辆,其中:轿车0辆、金额0万元,越野车0辆、
    #  金额0万元,载客汽车0辆、金额0万元。" / "公务用车运行维护费支出4.85万元。…"
    figures, _, metrics, _, _ = records
    purchase = figures["three_public.vehicle_purchase"]
    assert purchase.amount_yuan == 0 and purchase.classification_id is None
    for kind in ("sedan", "suv", "bus"):
        assert figures[f"three_public.vehicle_purchase.{kind}"].amount_yuan == 0
        assert metrics[f"three_public.vehicle_purchase.{kind}.count"].value == 0
    assert figures["three_public.vehicle_purchase.suv"].literal == "越野车0辆、金额0万元"
    assert metrics["three_public.vehicle_purchase.count"].value == 0
    operation = figures["three_public.vehicle_operation"]
    assert operation.amount_yuan == 48500 and operation.classification_id == "economic:30231"


def test_fleet_is_kept_as_published_though_kinds_exceed_the_total(records):
    # "截至2020年12月底,单位共有公务用车4辆,其中:轿车11辆、越野车3辆、载客汽车0辆。"
    _, _, metrics, _, paragraphs = records
    fleet = metrics["three_public.vehicles.fleet"]
    assert fleet.value == 4 and fleet.unit == "辆" and fleet.metric == "年末公务用车保有量"
    assert metrics["three_public.vehicles.fleet.sedan"].value == 11
    assert metrics["three_public.vehicles.fleet.suv"].value == 3
    assert metrics["three_public.vehicles.fleet.bus"].value == 0
    assert "共有公务用车4辆" in paragraphs[fleet.paragraph_id].text
    assert fleet.topic == "七、“三公”经费财政拨款支出决算情况说明"


def test_reception_detail_domestic_and_foreign(records):
    # "3.公务接待费支出0.91万元,完成预算97.85%。公务接待费支出决算比2019年增加0.31万元,增长51.67%。…"
    # "国内公务接待支出0.91万元,…国内公务接待12批次,81人次(不包括陪同人员),共计支出0.91万元,…"
    # "外事接待支出0万元,外事接待0批次,0人,共计支出0万元,本年度本部门无外事接待事项。"
    figures, comparisons, metrics, _, _ = records
    assert figures["three_public.reception.detail"].amount_yuan == 9100
    assert comparisons["three_public.reception.detail.completion_rate"].value == Decimal("97.85")
    assert comparisons["three_public.reception.detail.yoy_change"].value == Decimal(3100)
    assert comparisons["three_public.reception.detail.growth_rate"].value == Decimal("51.67")
    assert figures["three_public.reception.domestic"].amount_yuan == 9100
    assert figures["three_public.reception.domestic.listed"].amount_yuan == 9100
    assert figures["three_public.reception.domestic.listed"].literal == "国内公务接待12批次,81人次(不包括陪同人员),共计支出0.91万元"
    assert figures["three_public.reception.foreign"].amount_yuan == 0
    assert figures["three_public.reception.foreign.listed"].amount_yuan == 0
    assert metrics["three_public.reception.domestic.batches"].value == 12
    persons = metrics["three_public.reception.domestic.persons"]
    assert persons.value == 81 and persons.unit == "人次" and persons.metric == "国内公务接待人次"
    assert metrics["three_public.reception.foreign.batches"].value == 0
    assert metrics["three_public.reception.foreign.persons"].unit == "人"


def test_reception_list(records):
    # "具体内容包括:接待巴中市人民政府,1752元;…接待乐山市营商环境局(2次),1450元;…接待荥经县行政审批局,610元。"
    _, _, _, events, paragraphs = records
    assert len(events) == 10
    first = events[0]
    assert (first.row, first.visitor, first.batches, first.batches_stated) == (1, "巴中市人民政府", 1, False)
    assert first.amount_yuan == 1752 and first.amount_as_published == "1752元"
    assert first.literal in paragraphs[first.paragraph_id].text
    leshan = events[3]
    assert (leshan.visitor, leshan.batches, leshan.batches_stated, leshan.amount_yuan) == (
        "乐山市营商环境局", 2, True, 1450,
    )
    assert leshan.reception_id == f"{DOC}.three_public.reception.domestic.04"
    assert sum(e.batches for e in events) == 12
    assert sum(e.amount_yuan for e in events) == 9084  # the text rounds this to 0.91万元


def test_a_non_zero_change_with_both_directions_is_left_unread(seed_doc, replace_text):
    # "增加/减少0.15万元" leaves the sign open: the change is not published, and said why.
    doc = replace_text(seed_doc, "比2019年减少0.15万元", "比2019年增加/减少0.15万元")
    records, issues = figures.read_explanation(doc)
    assert "three_public.vehicles.detail.yoy_change" not in keyed(records, FigureComparison)
    assert any(i.literal == "0.15万元" and "both directions" in i.reason for i in issues)


def test_an_unknown_part_is_left_unread(seed_doc, replace_text):
    doc = replace_text(seed_doc, "公务接待费支出决算0.91万元", "会议费支出决算0.91万元")
    records, issues = figures.read_explanation(doc)
    # the breakdown's amount is left unread; the item line "3.公务接待费支出0.91万元" states it
    assert any(i.literal == "0.91万元" and "会议费" in i.reason for i in issues)
    reception = keyed(records, FiscalFigure)["three_public.reception"]
    assert reception.literal == "3.公务接待费支出0.91万元"

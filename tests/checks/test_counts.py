"""Counts add up exactly: vehicles, hotline calls, cloud systems, staffing, self-evaluation."""

from builders import checks, metric, statuses

from yaan_opendata.model import Organization, SelfEvaluationScore, Staffing


def test_vehicles_by_kind_add_up_to_the_fleet_or_fail():
    fleet = [
        metric("three_public.vehicles.fleet", "年末公务用车保有量", "4", "辆"),
        metric("three_public.vehicles.fleet.sedan", "年末公务用车保有量:轿车", "11", "辆"),
        metric("three_public.vehicles.fleet.suv", "年末公务用车保有量:越野车", "3", "辆"),
        metric("three_public.vehicles.fleet.bus", "年末公务用车保有量:载客汽车", "0", "辆"),
    ]
    check = checks(*fleet, family="counts")["counts.vehicle_fleet"]
    assert (check.status, check.expected, check.observed, check.tolerance) == ("fail", 14, 4, 0)
    fleet[1] = metric("three_public.vehicles.fleet.sedan", "年末公务用车保有量:轿车", "1", "辆")
    assert statuses(*fleet, family="counts")["counts.vehicle_fleet"] == "pass"


def test_calls_in_plus_out_equal_the_total_within_each_paragraph():
    calls = (
        metric("a.1", "热线全年整体话务量达到N件", "38887", "件", paragraph=7),
        metric("a.2", "其中热线接电量达N次", "33155", "次", paragraph=7),
        metric("a.3", "热线呼出N次", "5732", "次", paragraph=7),
        metric("b.1", "12345热线全年整体话务量达到N件", "38887", "件", paragraph=8),
        metric("b.2", "其中热线来电N次", "33155", "次", paragraph=8),
        metric("b.3", "热线呼出N次", "5733", "次", paragraph=8),
    )
    result = statuses(*calls, family="counts")
    assert (result["counts.hotline_calls.p0007"], result["counts.hotline_calls.p0008"]) == ("pass", "fail")


def test_systems_migrated_minus_withdrawn_equal_those_running():
    systems = (
        metric("c.1", "全市非涉密信息系统迁移上云信息系统共计N个", "137", "个", paragraph=3),
        metric("c.2", "申请退出的信息系统N个", "3", "个", paragraph=3),
        metric("c.3", "雅安市政务云运行系统共计N个", "134", "个", paragraph=3),
        metric("d.1", "雅安市政务云运行系统共计N个", "134", "个", paragraph=4),  # the total alone: no identity
    )
    result = statuses(*systems, family="counts")
    assert result["counts.cloud_systems.p0003"] == "pass"
    assert "counts.cloud_systems.p0004" not in result


def _score(row, level3, max_score, score, level1="部门预算管理", level1_points=80, level2="预算编制", level2_points=20):
    return SelfEvaluationScore(
        score_id=f"doc.self_evaluation.{row}", document_id="doc", row=row, level1=level1,
        level1_points=level1_points, level2=level2, level2_points=level2_points, level3=level3,
        max_score=max_score, score=score, paragraph_id=f"doc-p{row:04d}",
    )


def test_self_evaluation_totals_and_points_add_up():
    rows = (
        _score(1, "目标制定", 10, 9),
        _score(2, "目标完成", 10, 9),
        _score(3, "总分", 90, 18, level1="", level1_points=None, level2="", level2_points=None),
    )
    result = checks(*rows, family="counts")
    assert result["counts.self_evaluation_score"].status == "pass"
    assert (result["counts.self_evaluation_max"].status, result["counts.self_evaluation_max"].expected) == ("fail", 20)
    assert result["counts.self_evaluation_points.level2.row01"].status == "pass"  # 预算编制(20分) = 10 + 10
    assert result["counts.self_evaluation_points.level1.row01"].status == "fail"  # 部门预算管理(80分) ≠ 20
    assert result["counts.self_evaluation_within_max.row1"].status == "pass"


def _posts(key, org, category, authorized):
    return Staffing(
        staffing_id=f"doc.staffing.{key}", document_id="doc", org_id=org, post_category=category, post_title=None,
        authorized=authorized, actual=None, literal=f"{category}{authorized}个", paragraph_id="doc-p0001",
    )


def test_staffing_posts_add_up_without_counting_leadership_posts_twice():
    def org(org_id, parent):
        return Organization(
            org_id=org_id, name_zh=org_id, name_en=org_id, parent_org_id=parent, org_type="department",
            rank=None, in_accounts_scope=True, paragraph_id="doc-p0001",
        )

    records = (
        org("bureau", None), org("centre", "bureau"),
        _posts("total", "bureau", "合计", 30),
        _posts("admin", "bureau", "行政编制", 14),
        _posts("leaders", "bureau", "领导职数", 5),  # within the 14
        _posts("centre", "centre", "事业编制", 16),
    )
    check = checks(*records, family="counts")["counts.staffing_posts.staffing.total"]
    assert (check.status, check.expected, check.observed) == ("pass", 30, 30)

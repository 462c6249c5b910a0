"""English names composed from known terms; unknown names stay Chinese."""

from yaan_opendata.translations import SCHEDULE_TITLES, org_name_en, schedule_title_en


def test_organization_names_are_composed_from_terms():
    assert org_name_en("雅安市政务服务中心") == "Ya'an Municipal Government Service Centre"
    assert org_name_en("市政务服务和大数据局") == "Municipal Government Service and Big Data Bureau"


def test_a_second_name_in_brackets_is_translated_in_brackets():
    assert org_name_en("雅安市公共资源交易服务中心(雅安市政府采购中心)") == (
        "Ya'an Municipal Public Resources Trading Service Centre (Ya'an Municipal Government Procurement Centre)"
    )
    assert org_name_en("雅安市政务服务和大数据局(本级)") == (
        "Ya'an Municipal Government Service and Big Data Bureau (Headquarters)"
    )


def test_a_name_with_an_unknown_part_stays_chinese():
    assert org_name_en("雅安市教育局") == "雅安市教育局"
    assert org_name_en("雅安市政务服务中心(某某)") == "雅安市政务服务中心(某某)"


def test_schedule_titles():
    assert len(SCHEDULE_TITLES) == 14
    assert schedule_title_en("收入决算表") == "Statement of Final Revenue"
    assert schedule_title_en("某某表") == "某某表"


def test_project_names_are_composed_from_known_terms():
    from yaan_opendata.translations import project_name_en

    assert project_name_en("雅安市政务云平台服务经费项目") == (
        "Ya'an Municipal Government Cloud Platform Service Funds Project"
    )
    assert project_name_en("“12345”政务服务热线服务经费项目") == (
        "'12345' Government Service Hotline Service Funds Project"
    )
    assert project_name_en("某某未知项目") == "某某未知项目"
